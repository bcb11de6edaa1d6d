/** One thing wrong in content, printed as `file:line:col: message` (file relative to the project). */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  /** The course it holds back, when it is in a course. */
  course?: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}
