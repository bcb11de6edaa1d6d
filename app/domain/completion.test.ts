import { describe, expect, it } from "vitest";
import { claimFromForm, completionRule, judgeCompletion } from "./completion";

const text = { kind: "text", hasQuiz: false } as const;
const video = { kind: "video", hasQuiz: false } as const;
const quiz = { kind: "text", hasQuiz: true } as const;

describe("completionRule", () => {
  it("names the rule shown for each kind of lesson", () => {
    expect(completionRule(text)).toBe("manual");
    expect(completionRule(video)).toBe("video");
    expect(completionRule(quiz)).toBe("quiz");
    expect(completionRule({ kind: "video", hasQuiz: true })).toBe("quiz");
  });
});

describe("judgeCompletion", () => {
  it("always accepts the explicit button, whatever the lesson", () => {
    for (const lesson of [text, video, quiz])
      expect(judgeCompletion(lesson, { method: "manual" })).toEqual({ ok: true, method: "manual" });
  });

  it("completes a video lesson from 90 % watched, not before", () => {
    expect(judgeCompletion(video, { method: "video", watchedFraction: 0.9 })).toEqual({ ok: true, method: "video" });
    expect(judgeCompletion(video, { method: "video", watchedFraction: 1 })).toEqual({ ok: true, method: "video" });
    expect(judgeCompletion(video, { method: "video", watchedFraction: 0.89 })).toEqual({
      ok: false,
      reason: "notEnoughWatched",
    });
    expect(judgeCompletion(video, { method: "video", watchedFraction: Number.NaN })).toEqual({
      ok: false,
      reason: "notEnoughWatched",
    });
    expect(judgeCompletion(text, { method: "video", watchedFraction: 1 })).toEqual({ ok: false, reason: "notVideo" });
  });

  it("completes a quiz lesson only when its quiz is passed", () => {
    expect(judgeCompletion(quiz, { method: "quiz", passed: true })).toEqual({ ok: true, method: "quiz" });
    expect(judgeCompletion(quiz, { method: "quiz", passed: false })).toEqual({ ok: false, reason: "quizNotPassed" });
    expect(judgeCompletion(text, { method: "quiz", passed: true })).toEqual({ ok: false, reason: "noQuiz" });
  });
});

describe("claimFromForm", () => {
  it("reads the method and its evidence, defaulting to the manual button", () => {
    expect(claimFromForm({})).toEqual({ method: "manual" });
    expect(claimFromForm({ method: "anything" })).toEqual({ method: "manual" });
    expect(claimFromForm({ method: "video", watched: "0.95" })).toEqual({ method: "video", watchedFraction: 0.95 });
    expect(claimFromForm({ method: "video", watched: "lots" })).toEqual({ method: "video", watchedFraction: 0 });
    expect(claimFromForm({ method: "quiz", passed: "1" })).toEqual({ method: "quiz", passed: true });
    expect(claimFromForm({ method: "quiz" })).toEqual({ method: "quiz", passed: false });
  });
});
