import type { QuizResult } from "../domain/quiz";
import type { SessionUser } from "./session.server";
import { writeTransaction, type DB } from "../utils/db.server";
import { claimClientId, keepAnswer } from "./client-submission.server";
import { completeLesson, completeLessonIn } from "./completion.server";

export interface QuizAttempt {
  lessonId: number;
  /** Null for a visitor who is not logged in: the quiz still works, nothing is recorded. */
  user: Pick<SessionUser, "personId" | "accountId"> | null;
  result: QuizResult;
  /** Where the page sends the member to see this grading (the answers are in the address). */
  location?: string;
  /** The browser's id for this sending (docs/decisions/037); null without JavaScript. */
  clientId?: string | null;
}

export type QuizRecorded = { ok: true; location: string } | { ok: false; reason: "clientIdReused" };

/**
 * Called by the lesson page each time a member sends a self-check (a plain
 * form post, with or without JavaScript): a passed quiz completes the lesson
 * (method "quiz"), and may complete the course. A failed one changes nothing.
 * With a client id the sending is accepted once: sent again (answers kept offline, sent by
 * the page and by the service worker), it writes nothing and leads to the first grading.
 */
export async function recordQuizResult(db: DB, attempt: QuizAttempt): Promise<QuizRecorded> {
  const { user, clientId } = attempt;
  if (!user) return { ok: true, location: attempt.location ?? "" };
  const claim = { method: "quiz", passed: true } as const;
  const who = { personId: user.personId, accountId: user.accountId, lessonId: attempt.lessonId, claim };
  if (!clientId) {
    if (attempt.result.passed) await completeLesson(db, who);
    return { ok: true, location: attempt.location ?? "" };
  }
  return writeTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const key = { accountId: user.accountId, clientId, kind: "quiz" as const, lessonId: attempt.lessonId };
    const earlier = await claimClientId<{ location: string }>(tx, key, now);
    if (earlier.state === "again") return { ok: true, location: earlier.answer.location };
    if (earlier.state === "mismatch") return { ok: false, reason: "clientIdReused" };
    // As without a client id, a completion the lesson refuses (archived meanwhile) leaves the grading as it is.
    if (attempt.result.passed) await completeLessonIn(tx, { ...who, now });
    await keepAnswer(tx, earlier.id, { location: attempt.location ?? "" });
    return { ok: true, location: attempt.location ?? "" };
  });
}
