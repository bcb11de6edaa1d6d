import type { CompletionMethod, LessonKind } from "../../db/schema";

/**
 * How a lesson may be completed. Every lesson can be marked by hand ("He
 * terminado esta lección", works without JavaScript); with JavaScript a video
 * lesson also completes at 90 % watched and a lesson with a quiz when the quiz
 * is passed. The same rule is shown to the learner on the lesson page.
 */
export const VIDEO_WATCHED_THRESHOLD = 0.9;

export type CompletionRule = "manual" | "video" | "quiz";

export interface RuleLesson {
  kind: LessonKind;
  hasQuiz: boolean;
}

/** The rule shown on the lesson page: a quiz wins over a video, which wins over reading. */
export function completionRule(lesson: RuleLesson): CompletionRule {
  if (lesson.hasQuiz) return "quiz";
  if (lesson.kind === "video") return "video";
  return "manual";
}

/** What the client claims when it asks to complete a lesson. */
export type CompletionClaim =
  | { method: "manual" }
  | { method: "video"; watchedFraction: number }
  | { method: "quiz"; passed: boolean };

export type ClaimVerdict =
  | { ok: true; method: CompletionMethod }
  | { ok: false; reason: "notVideo" | "notEnoughWatched" | "noQuiz" | "quizNotPassed" };

/** Whether a claim completes this lesson. Manual completion is always accepted: the person says so. */
export function judgeCompletion(lesson: RuleLesson, claim: CompletionClaim): ClaimVerdict {
  switch (claim.method) {
    case "manual":
      return { ok: true, method: "manual" };
    case "video":
      if (lesson.kind !== "video") return { ok: false, reason: "notVideo" };
      if (!(claim.watchedFraction >= VIDEO_WATCHED_THRESHOLD)) return { ok: false, reason: "notEnoughWatched" };
      return { ok: true, method: "video" };
    case "quiz":
      if (!lesson.hasQuiz) return { ok: false, reason: "noQuiz" };
      if (!claim.passed) return { ok: false, reason: "quizNotPassed" };
      return { ok: true, method: "quiz" };
  }
}

/** Reads the claim from a form: `method` plus `watched` (0–1) or `passed` ("1"). Unknown → manual. */
export function claimFromForm(fields: { method?: unknown; watched?: unknown; passed?: unknown }): CompletionClaim {
  if (fields.method === "video") {
    const watched = Number(fields.watched);
    return { method: "video", watchedFraction: Number.isFinite(watched) ? watched : 0 };
  }
  if (fields.method === "quiz") return { method: "quiz", passed: fields.passed === "1" || fields.passed === "true" };
  return { method: "manual" };
}
