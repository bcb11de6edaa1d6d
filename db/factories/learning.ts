/**
 * Courses and lessons written straight into the tables, so learning tests and
 * the demo seed do not depend on the MDX content pipeline.
 */
import type { LessonKind } from "../schema";
import type { DB } from "../../app/utils/db.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface LessonSpec {
  slug?: string;
  title?: string;
  kind?: LessonKind;
  required?: boolean;
  hasQuiz?: boolean;
  durationMinutes?: number;
  archived?: boolean;
}

export interface CourseSpec {
  slug?: string;
  title?: string;
  published?: boolean;
  archived?: boolean;
  estimatedMinutes?: number;
  lessons?: LessonSpec[];
}

export interface MadeCourse {
  id: number;
  slug: string;
  title: string;
  lessons: Array<{ id: number; slug: string; title: string }>;
}

export async function makeCourse(db: DB, spec: CourseSpec = {}): Promise<MadeCourse> {
  const now = new Date().toISOString();
  const slug = spec.slug ?? `curso-${unique()}`;
  const title = spec.title ?? "Introducción a la cooperativa";
  const { id } = await db
    .insertInto("course")
    .values({
      slug,
      title,
      summary: "Un curso de prueba.",
      estimated_minutes: spec.estimatedMinutes ?? 90,
      published: spec.published === false ? 0 : 1,
      archived_at: spec.archived ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const lessonSpecs = spec.lessons ?? [{}, {}, {}];
  const lessons: MadeCourse["lessons"] = [];
  for (const [index, lesson] of lessonSpecs.entries()) {
    const lessonSlug = lesson.slug ?? `leccion-${index + 1}`;
    const lessonTitle = lesson.title ?? `Lección ${index + 1}`;
    const row = await db
      .insertInto("lesson")
      .values({
        course_id: id,
        slug: lessonSlug,
        title: lessonTitle,
        kind: lesson.kind ?? "text",
        duration_minutes: lesson.durationMinutes ?? 10,
        required: lesson.required === false ? 0 : 1,
        has_quiz: lesson.hasQuiz ? 1 : 0,
        position: index + 1,
        archived_at: lesson.archived ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    lessons.push({ id: row.id, slug: lessonSlug, title: lessonTitle });
  }
  return { id, slug, title, lessons };
}
