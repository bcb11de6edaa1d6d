/** The earliest birth year a form or file may give: anything before is a typing mistake. */
export const BIRTH_YEAR_MIN = 1900;

export type BirthYearReading =
  | { ok: true; year: number | null }
  | { ok: false; problem: "notAYear" }
  | { ok: false; problem: "tooEarly"; min: number }
  | { ok: false; problem: "inFuture"; max: number };

/** A typed birth year: "" is "not given"; four digits from 1900 to this year (at `now`, UTC) are one. */
export function readBirthYear(typed: string, now = new Date()): BirthYearReading {
  const value = typed.trim();
  if (!value) return { ok: true, year: null };
  if (!/^\d{4}$/.test(value)) return { ok: false, problem: "notAYear" };
  const year = Number(value);
  if (year < BIRTH_YEAR_MIN) return { ok: false, problem: "tooEarly", min: BIRTH_YEAR_MIN };
  const max = now.getUTCFullYear();
  if (year > max) return { ok: false, problem: "inFuture", max };
  return { ok: true, year };
}
