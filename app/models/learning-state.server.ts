import { completionRule, type CompletionRule } from "../domain/completion";
import { courseProgress, type OutlineLesson } from "../domain/progress";
import type { LessonPage } from "./course.server";
import type { SessionUser } from "./session.server";
import { findCertificateFor } from "./certificate.server";
import { completedLessonIds, findLearningCourse, listOutlineLessons } from "./course-outline.server";
import { findEnrolment } from "./enrolment.server";
import type { DB } from "../utils/db.server";

/** What the course page needs to show enrolment and progress; plain data for a loader. */
export interface CourseLearningState {
  signedIn: boolean;
  open: boolean;
  enrolment: "none" | "active" | "left";
  completedAt: string | null;
  certificateCode: string | null;
  percent: number;
  requiredDone: number;
  requiredTotal: number;
  completedLessonSlugs: string[];
  next: { slug: string; title: string } | null;
}

export interface LessonLearningState extends CourseLearningState {
  lessonDone: boolean;
  rule: CompletionRule;
}

/** The signed-in person's state in a course (anonymous people get an empty one); undefined for an unknown course. */
export async function courseLearningState(
  db: DB,
  user: Pick<SessionUser, "personId"> | null,
  courseSlug: string,
): Promise<CourseLearningState | undefined> {
  const course = await findLearningCourse(db, courseSlug);
  if (!course) return undefined;
  return learningStateIn(db, user, course, await listOutlineLessons(db, [course.id]));
}

type StateLesson = OutlineLesson & { title: string };

/** The state from a course and its lessons already read: only the person's own rows are queried. */
async function learningStateIn(
  db: DB,
  user: Pick<SessionUser, "personId"> | null,
  course: { id: number; open: boolean },
  lessons: readonly StateLesson[],
): Promise<CourseLearningState> {
  const done = user
    ? await completedLessonIds(
        db,
        user.personId,
        lessons.map((l) => l.id),
      )
    : new Set<number>();
  const enrolment = user ? await findEnrolment(db, user.personId, course.id) : undefined;
  const certificate =
    user && enrolment?.completed_at ? await findCertificateFor(db, user.personId, course.id) : undefined;
  const progress = courseProgress(lessons, done);
  const next = progress.next ? lessons.find((l) => l.id === progress.next!.id)! : null;
  return {
    signedIn: Boolean(user),
    open: course.open,
    enrolment: !enrolment ? "none" : enrolment.left_at === null ? "active" : "left",
    completedAt: enrolment?.completed_at ?? null,
    certificateCode: certificate?.code ?? null,
    percent: progress.percent,
    requiredDone: progress.requiredDone,
    requiredTotal: progress.requiredTotal,
    completedLessonSlugs: lessons.filter((l) => done.has(l.id)).map((l) => l.slug),
    next: next ? { slug: next.slug, title: next.title } : null,
  };
}

/**
 * The state on a lesson page, from the course and lesson getLessonPage already read (an
 * anonymous visitor costs no query). That course holds only live lessons, and archived lessons
 * never count towards progress, so the figures are those of courseLearningState.
 */
export function lessonLearningState(
  db: DB,
  user: Pick<SessionUser, "personId"> | null,
  page: Pick<LessonPage, "course" | "lesson">,
): Promise<LessonLearningState> {
  const { course, lesson } = page;
  const lessons = course.lessons.map((l) => ({ ...l, archived: false }));
  // getCourseBySlug returns no archived course: open means published.
  return learningStateIn(db, user, { id: course.id, open: course.published }, lessons).then((state) => ({
    ...state,
    lessonDone: state.completedLessonSlugs.includes(lesson.slug),
    rule: completionRule({ kind: lesson.kind, hasQuiz: lesson.hasQuiz }),
  }));
}

export function findLessonBySlugs(db: DB, courseSlug: string, lessonSlug: string) {
  return db
    .selectFrom("lesson")
    .innerJoin("course", "course.id", "lesson.course_id")
    .select(["lesson.id", "lesson.kind", "lesson.has_quiz", "lesson.archived_at", "course.id as courseId"])
    .where("course.slug", "=", courseSlug)
    .where("lesson.slug", "=", lessonSlug)
    .executeTakeFirst();
}
