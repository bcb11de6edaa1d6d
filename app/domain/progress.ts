/**
 * Progress through a course, always computed from lesson completions (never
 * stored, so it cannot drift). Only lessons still in the course count.
 */

export interface OutlineLesson {
  id: number;
  slug: string;
  position: number;
  /** 0/1 in the database; a boolean here. */
  required: boolean;
  archived: boolean;
}

export interface CourseProgress {
  requiredTotal: number;
  requiredDone: number;
  /** 0–100, rounded down so that 100 means really finished. */
  percent: number;
  /** All required lessons done (and there is at least one). */
  complete: boolean;
  /** Where "continue" leads; null when nothing is left to do. */
  next: OutlineLesson | null;
}

export function courseProgress(
  lessons: readonly OutlineLesson[],
  completedLessonIds: Iterable<number>,
): CourseProgress {
  const done = new Set(completedLessonIds);
  const live = lessons.filter((lesson) => !lesson.archived).sort((a, b) => a.position - b.position);
  const required = live.filter((lesson) => lesson.required);
  const requiredDone = required.filter((lesson) => done.has(lesson.id)).length;
  const complete = required.length > 0 && requiredDone === required.length;
  return {
    requiredTotal: required.length,
    requiredDone,
    percent: required.length === 0 ? 0 : Math.floor((requiredDone * 100) / required.length),
    complete,
    next: complete ? null : nextUnfinishedLesson(live, done),
  };
}

/**
 * The lesson to continue with: the first unfinished one after the furthest
 * finished lesson (people read in order), else the first unfinished required
 * lesson they skipped, else the first unfinished lesson at all.
 */
export function nextUnfinishedLesson(live: readonly OutlineLesson[], done: ReadonlySet<number>): OutlineLesson | null {
  let furthest = -1;
  live.forEach((lesson, index) => {
    if (done.has(lesson.id)) furthest = index;
  });
  const unfinished = (lesson: OutlineLesson) => !done.has(lesson.id);
  return (
    live.slice(furthest + 1).find(unfinished) ??
    live.find((lesson) => lesson.required && unfinished(lesson)) ??
    live.find(unfinished) ??
    null
  );
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days between two ISO instants, with one decimal. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS) * 10) / 10;
}
