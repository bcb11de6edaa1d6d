import { completionRule, type CompletionRule } from "../domain/completion";
import { courseProgress } from "../domain/progress";
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
  const lessons = await listOutlineLessons(db, [course.id]);
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

export async function lessonLearningState(
  db: DB,
  user: Pick<SessionUser, "personId"> | null,
  courseSlug: string,
  lessonSlug: string,
): Promise<LessonLearningState | undefined> {
  const state = await courseLearningState(db, user, courseSlug);
  const lesson = await findLessonBySlugs(db, courseSlug, lessonSlug);
  if (!state || !lesson) return undefined;
  return {
    ...state,
    lessonDone: state.completedLessonSlugs.includes(lessonSlug),
    rule: completionRule({ kind: lesson.kind, hasQuiz: Boolean(lesson.has_quiz) }),
  };
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
