import type { Locale } from "../../db/schema";
import type { LessonVideo, QuizQuestion } from "../content/schema";
import type { DB } from "../utils/db.server";
import type { Visibility } from "./course.server";

export interface OfflineCourseSource {
  slug: string;
  title: string;
  language: Locale;
  contentHash: string;
  lessons: Array<{
    id: number;
    slug: string;
    title: string;
    code: string;
    contentHash: string | null;
    video: LessonVideo | null;
    quiz: QuizQuestion[] | null;
  }>;
}

/**
 * A course with the compiled code of every lesson, as its pages show them (same visibility
 * rule as the course page): what "Guardar este curso" must download is read from it.
 */
export async function getCourseForOffline(
  db: DB,
  slug: string,
  visibility: Visibility,
): Promise<OfflineCourseSource | null> {
  const course = await db
    .selectFrom("course")
    .select(["id", "slug", "title", "language", "content_hash"])
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .$if(!visibility.includeDrafts, (q) => q.where("published", "=", 1))
    .executeTakeFirst();
  if (!course) return null;
  const lessons = await db
    .selectFrom("lesson")
    .select(["id", "slug", "title", "code", "content_hash", "video", "quiz"])
    .where("course_id", "=", course.id)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  return {
    slug: course.slug,
    title: course.title,
    language: course.language,
    contentHash: course.content_hash ?? "",
    // A lesson without code has no page (getLessonPage answers 404): nothing to save.
    lessons: lessons.flatMap((l) =>
      l.code
        ? [
            {
              id: l.id,
              slug: l.slug,
              title: l.title,
              code: l.code,
              contentHash: l.content_hash,
              video: l.video ? (JSON.parse(l.video) as LessonVideo) : null,
              quiz: l.quiz ? (JSON.parse(l.quiz) as QuizQuestion[]) : null,
            },
          ]
        : [],
    ),
  };
}
