import { describe, expect, it } from "vitest";
import { gradeQuiz, isMultipleChoice, quizChoicesToParams, readQuizChoices } from "./quiz";

const single = { answers: [{ correct: false }, { correct: true }, { correct: false }] };
const multiple = { answers: [{ correct: true }, { correct: false }, { correct: true }] };

describe("gradeQuiz", () => {
  it("passes when every question is exactly right", () => {
    const result = gradeQuiz([single, multiple], [[1], [2, 0]]);
    expect(result).toEqual({
      questions: [
        { chosen: [1], correct: true },
        { chosen: [0, 2], correct: true },
      ],
      correctCount: 2,
      total: 2,
      passed: true,
    });
  });

  it("needs all the correct answers of a multiple-choice question, and no wrong one", () => {
    expect(gradeQuiz([multiple], [[0]]).passed).toBe(false);
    expect(gradeQuiz([multiple], [[0, 1, 2]]).passed).toBe(false);
  });

  it("counts an unanswered question as wrong and ignores answers that do not exist", () => {
    const result = gradeQuiz([single, single], [[7, -1, 1.5], []]);
    expect(result.questions).toEqual([
      { chosen: [], correct: false },
      { chosen: [], correct: false },
    ]);
    expect(result.correctCount).toBe(0);
  });

  it("ignores a repeated answer", () => {
    expect(gradeQuiz([single], [[1, 1]]).questions[0]).toEqual({ chosen: [1], correct: true });
  });

  it("never passes an empty quiz", () => {
    expect(gradeQuiz([], []).passed).toBe(false);
  });
});

describe("quiz choices in forms and addresses", () => {
  it("round-trips through a query string", () => {
    const params = quizChoicesToParams([[1], [0, 2], []]);
    expect(params.toString()).toBe("q0=1&q1=0&q1=2");
    expect(readQuizChoices(params, 3)).toEqual([[1], [0, 2], []]);
  });

  it("shows checkboxes only when several answers are right", () => {
    expect(isMultipleChoice(single)).toBe(false);
    expect(isMultipleChoice(multiple)).toBe(true);
  });
});
