import type { OutlineLesson } from "../domain/progress";
import type { DB } from "../utils/db.server";

/** A course as learning sees it: open for enrolment when published and not archived. */
export interface LearningCourse {
  id: number;
  slug: string;
  title: string;
  estimatedMinutes: number;
  open: boolean;
}

export async function findLearningCourse(db: DB, slug: string): Promise<LearningCourse | undefined> {
  const row = await db
    .selectFrom("course")
    .select(["id", "slug", "title", "estimated_minutes", "published", "archived_at"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row && toCourse(row);
}

export async function findLearningCourseById(db: DB, id: number): Promise<LearningCourse | undefined> {
  const row = await db
    .selectFrom("course")
    .select(["id", "slug", "title", "estimated_minutes", "published", "archived_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toCourse(row);
}

function toCourse(row: {
  id: number;
  slug: string;
  title: string;
  estimated_minutes: number;
  published: number;
  archived_at: string | null;
}) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    estimatedMinutes: row.estimated_minutes,
    open: Boolean(row.published) && row.archived_at === null,
  };
}

export interface OutlineLessonRow extends OutlineLesson {
  courseId: number;
  title: string;
  durationMinutes: number;
}

/** Every lesson of these courses, archived ones included (the progress rules leave them out). */
export async function listOutlineLessons(db: DB, courseIds: readonly number[]): Promise<OutlineLessonRow[]> {
  if (courseIds.length === 0) return [];
  const rows = await db
    .selectFrom("lesson")
    .select(["id", "course_id", "slug", "title", "position", "required", "archived_at", "duration_minutes"])
    .where("course_id", "in", courseIds)
    .orderBy("course_id")
    .orderBy("position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    courseId: row.course_id,
    slug: row.slug,
    title: row.title,
    position: row.position,
    required: Boolean(row.required),
    archived: row.archived_at !== null,
    durationMinutes: row.duration_minutes,
  }));
}

/** Lesson ids this person has completed among the given lessons. */
export async function completedLessonIds(db: DB, personId: number, lessonIds: readonly number[]): Promise<Set<number>> {
  if (lessonIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("lesson_completion")
    .select("lesson_id")
    .where("person_id", "=", personId)
    .where("lesson_id", "in", lessonIds)
    .execute();
  return new Set(rows.map((row) => row.lesson_id));
}
