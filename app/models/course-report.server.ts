import type { EnrolmentMethod } from "../../db/schema";
import { courseProgress, daysBetween, median } from "../domain/progress";
import { listOutlineLessons } from "./course-outline.server";
import type { DB } from "../utils/db.server";

export interface LearnerRow {
  personId: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  method: EnrolmentMethod;
  enrolledAt: string;
  leftAt: string | null;
  completedAt: string | null;
  lessonsDone: number;
  percent: number;
  lastActivityAt: string | null;
}

export interface CourseReport {
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  left: number;
  /** completed / enrolled, 0–1; null with nobody enrolled. */
  completionRate: number | null;
  medianDaysToComplete: number | null;
  learners: LearnerRow[];
}

/**
 * The staff view of one course. "Enrolled" counts people who have not left
 * (finished ones included); progress comes from completions, like everywhere.
 */
export async function courseReport(db: DB, courseId: number): Promise<CourseReport> {
  const enrolments = await db
    .selectFrom("enrolment")
    .innerJoin("person", "person.id", "enrolment.person_id")
    .select([
      "person.id as personId",
      "person.full_name as fullName",
      "person.email",
      "person.phone",
      "enrolment.method",
      "enrolment.enrolled_at as enrolledAt",
      "enrolment.left_at as leftAt",
      "enrolment.completed_at as completedAt",
    ])
    .where("enrolment.course_id", "=", courseId)
    .orderBy("person.full_name")
    .execute();
  const lessons = await listOutlineLessons(db, [courseId]);
  const completions = await db
    .selectFrom("lesson_completion")
    .innerJoin("lesson", "lesson.id", "lesson_completion.lesson_id")
    .select([
      "lesson_completion.person_id as personId",
      "lesson_completion.lesson_id as lessonId",
      "lesson_completion.completed_at as at",
    ])
    .where("lesson.course_id", "=", courseId)
    .execute();
  const byPerson = new Map<number, { ids: number[]; last: string | null }>();
  for (const c of completions) {
    const entry = byPerson.get(c.personId) ?? { ids: [], last: null };
    entry.ids.push(c.lessonId);
    if (!entry.last || c.at > entry.last) entry.last = c.at;
    byPerson.set(c.personId, entry);
  }
  const learners: LearnerRow[] = enrolments.map((e) => {
    const mine = byPerson.get(e.personId);
    const progress = courseProgress(lessons, mine?.ids ?? []);
    return { ...e, lessonsDone: progress.requiredDone, percent: progress.percent, lastActivityAt: mine?.last ?? null };
  });
  const active = learners.filter((l) => l.leftAt === null || l.completedAt !== null);
  const completed = active.filter((l) => l.completedAt !== null);
  const started = active.filter((l) => l.completedAt === null && byPerson.has(l.personId));
  return {
    enrolled: active.length,
    completed: completed.length,
    inProgress: started.length,
    notStarted: active.length - completed.length - started.length,
    left: learners.length - active.length,
    completionRate: active.length === 0 ? null : completed.length / active.length,
    medianDaysToComplete: median(completed.map((l) => daysBetween(l.enrolledAt, l.completedAt!))),
    learners,
  };
}

/** Every course with its count of active enrolments, for the staff list. */
export async function listCoursesForStaff(db: DB) {
  const rows = await db
    .selectFrom("course")
    .leftJoin("enrolment", (join) =>
      join.onRef("enrolment.course_id", "=", "course.id").on("enrolment.left_at", "is", null),
    )
    .select((eb) => [
      "course.slug",
      "course.title",
      "course.published",
      "course.archived_at as archivedAt",
      eb.fn.count<string | number>("enrolment.id").as("enrolled"),
      eb.fn.count<string | number>("enrolment.completed_at").as("completed"),
    ])
    .groupBy(["course.id", "course.slug", "course.title", "course.published", "course.archived_at"])
    .orderBy("course.title")
    .execute();
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    open: Boolean(row.published) && row.archivedAt === null,
    enrolled: Number(row.enrolled),
    completed: Number(row.completed),
  }));
}
