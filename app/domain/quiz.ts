/**
 * Grading of a lesson's self-check. Pure: the lesson action grades a form
 * post, and [learning] completes the lesson when `passed` is true.
 */
export interface QuizAnswerSpec {
  correct: boolean;
}
export interface QuizQuestionSpec {
  answers: QuizAnswerSpec[];
}

/** The answers a member chose: for each question, the indexes of the ticked answers. */
export type QuizChoices = number[][];

export interface QuestionResult {
  chosen: number[];
  correct: boolean;
}

export interface QuizResult {
  questions: QuestionResult[];
  correctCount: number;
  total: number;
  /** Every question answered exactly right. */
  passed: boolean;
}

/** A question with more than one correct answer is shown as checkboxes ("mark all that apply"). */
export function isMultipleChoice(question: QuizQuestionSpec): boolean {
  return question.answers.filter((a) => a.correct).length > 1;
}

export function gradeQuiz(questions: QuizQuestionSpec[], choices: QuizChoices): QuizResult {
  const results = questions.map((question, i) => {
    const valid = (choices[i] ?? []).filter((n) => Number.isInteger(n) && n >= 0 && n < question.answers.length);
    const chosen = [...new Set(valid)].sort((a, b) => a - b);
    const expected = question.answers.flatMap((a, n) => (a.correct ? [n] : []));
    const correct = chosen.length === expected.length && chosen.every((n, k) => n === expected[k]);
    return { chosen, correct };
  });
  const correctCount = results.filter((r) => r.correct).length;
  return {
    questions: results,
    correctCount,
    total: questions.length,
    passed: questions.length > 0 && correctCount === questions.length,
  };
}

/** Reads `q0=1&q1=0&q1=2` (a form post or a query string) into choices. */
export function readQuizChoices(params: URLSearchParams, questionCount: number): QuizChoices {
  return Array.from({ length: questionCount }, (_, i) => params.getAll(`q${i}`).map(Number));
}

/** The same choices as a query string, so the graded page can be shown after a redirect. */
export function quizChoicesToParams(choices: QuizChoices): URLSearchParams {
  const params = new URLSearchParams();
  choices.forEach((chosen, i) => chosen.forEach((n) => params.append(`q${i}`, String(n))));
  return params;
}
