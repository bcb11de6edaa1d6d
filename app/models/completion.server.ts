import { judgeCompletion, type ClaimVerdict, type CompletionClaim } from "../domain/completion";
import { courseProgress, type CourseProgress } from "../domain/progress";
import { writeTransaction, type DB } from "../utils/db.server";
import { issueCertificate } from "./certificate.server";
import { claimClientId, keepAnswer, releaseClaim } from "./client-submission.server";
import { completedLessonIds, listOutlineLessons } from "./course-outline.server";
import { enrolPerson, findEnrolment } from "./enrolment.server";

export type CompleteLessonResult =
  | {
      ok: true;
      newlyCompleted: boolean;
      autoEnrolled: boolean;
      courseCompleted: boolean;
      certificateCode: string | null;
      progress: CourseProgress;
    }
  | {
      ok: false;
      reason:
        | "unknownLesson"
        | "archivedLesson"
        | "closedCourse"
        | "clientIdReused"
        | Extract<ClaimVerdict, { ok: false }>["reason"];
    };

export interface CompleteLessonInput {
  personId: number;
  accountId: number | null;
  lessonId: number;
  claim: CompletionClaim;
  now?: string;
  /**
   * The browser's id for this press of the button (docs/decisions/037): with an account, the
   * second submission of the same id writes nothing and answers what the first one did.
   */
  clientId?: string | null;
}

/**
 * Completes a lesson for a person, in ONE write transaction:
 * the completion row (a unique (person, lesson) index makes a second one a no-op),
 * then, if that finishes the course, the enrolment's completed_at and the certificate.
 *
 * Decision (docs/decisions/009): completing a lesson of a course the person is
 * not enrolled in enrols them ("self"), also after they left. Pressing "He
 * terminado esta lección" is a clear wish to learn it, and enrolment is open to
 * anyone for published courses, so refusing would only add a step.
 * Archived lessons, unknown lessons and unpublished courses are refused.
 */
export async function completeLesson(db: DB, input: CompleteLessonInput): Promise<CompleteLessonResult> {
  return writeTransaction(db, async (tx) => {
    const { clientId, accountId } = input;
    if (!clientId || accountId === null) return completeLessonIn(tx, input);
    const now = input.now ?? new Date().toISOString();
    const key = { accountId, clientId, kind: "completion" as const, lessonId: input.lessonId };
    const claim = await claimClientId<CompleteLessonResult>(tx, key, now);
    if (claim.state === "again") return claim.answer;
    if (claim.state === "mismatch") return { ok: false, reason: "clientIdReused" } as const;
    const result = await completeLessonIn(tx, { ...input, now });
    if (result.ok) await keepAnswer(tx, claim.id, result);
    else await releaseClaim(tx, claim.id);
    return result;
  });
}

/** The completion itself, inside the caller's write transaction (the quiz's too). */
export async function completeLessonIn(tx: DB, input: CompleteLessonInput): Promise<CompleteLessonResult> {
  const lesson = await tx
    .selectFrom("lesson")
    .innerJoin("course", "course.id", "lesson.course_id")
    .select([
      "lesson.id",
      "lesson.course_id as courseId",
      "lesson.kind",
      "lesson.has_quiz as hasQuiz",
      "lesson.archived_at as lessonArchivedAt",
      "course.published",
      "course.archived_at as courseArchivedAt",
    ])
    .where("lesson.id", "=", input.lessonId)
    .executeTakeFirst();
  if (!lesson) return { ok: false, reason: "unknownLesson" } as const;
  if (!lesson.published || lesson.courseArchivedAt !== null) return { ok: false, reason: "closedCourse" } as const;
  if (lesson.lessonArchivedAt !== null) return { ok: false, reason: "archivedLesson" } as const;
  const verdict = judgeCompletion({ kind: lesson.kind, hasQuiz: Boolean(lesson.hasQuiz) }, input.claim);
  if (!verdict.ok) return verdict;

  const now = input.now ?? new Date().toISOString();
  const enrolled = await enrolPerson(tx, {
    personId: input.personId,
    courseId: lesson.courseId,
    method: "self",
    enrolledBy: input.accountId,
    now,
  });
  const inserted = await tx
    .insertInto("lesson_completion")
    .values({ person_id: input.personId, lesson_id: lesson.id, method: verdict.method, completed_at: now })
    .onConflict((oc) => oc.columns(["person_id", "lesson_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();

  const progress = await progressIn(tx, input.personId, lesson.courseId);
  const enrolment = (await findEnrolment(tx, input.personId, lesson.courseId))!;
  let courseCompleted = false;
  let certificateCode: string | null = null;
  if (progress.complete) {
    const completedAt = enrolment.completed_at ?? now;
    if (enrolment.completed_at === null) {
      await tx.updateTable("enrolment").set({ completed_at: completedAt }).where("id", "=", enrolment.id).execute();
      courseCompleted = true;
    }
    certificateCode = (await issueCertificate(tx, { personId: input.personId, courseId: lesson.courseId, completedAt }))
      .code;
  }
  return {
    ok: true,
    newlyCompleted: Boolean(inserted),
    autoEnrolled: enrolled !== "already",
    courseCompleted,
    certificateCode,
    progress,
  } as const;
}

/** A person's progress in one course, from their completions. */
export async function progressIn(db: DB, personId: number, courseId: number): Promise<CourseProgress> {
  const lessons = await listOutlineLessons(db, [courseId]);
  const done = await completedLessonIds(
    db,
    personId,
    lessons.map((l) => l.id),
  );
  return courseProgress(lessons, done);
}
