import type { QuizResult } from "../domain/quiz";
import type { SessionUser } from "./session.server";
import type { DB } from "../utils/db.server";
import { completeLesson } from "./completion.server";

export interface QuizAttempt {
  lessonId: number;
  /** Null for a visitor who is not logged in: the quiz still works, nothing is recorded. */
  user: SessionUser | null;
  result: QuizResult;
}

/**
 * Called by the lesson page each time a member sends a self-check (a plain
 * form post, with or without JavaScript): a passed quiz completes the lesson
 * (method "quiz"), and may complete the course. A failed one changes nothing.
 */
export async function recordQuizResult(db: DB, attempt: QuizAttempt): Promise<void> {
  if (!attempt.user || !attempt.result.passed) return;
  await completeLesson(db, {
    personId: attempt.user.personId,
    accountId: attempt.user.accountId,
    lessonId: attempt.lessonId,
    claim: { method: "quiz", passed: true },
  });
}
