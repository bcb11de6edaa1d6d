import { zonedTimeToUtc } from "../../utils/dates";

/** Whether "03/04/2026" means 4 March (month first, as Zoom writes) or 3 April (day first). */
export type DayOrder = "month-first" | "day-first";

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  ene: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  abr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  ago: 8,
  sep: 9,
  set: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  dic: 12,
};

// Bounded quantifiers only: these run on untrusted input.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?Z?$/;
const NUMERIC =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}),? {1,3}(\d{1,2}):(\d{2})(?::(\d{2}))? {0,3}([ap])?\.? ?(?:m\.?)?$/i;
const MONTH_FIRST_NAME =
  /^([a-z]{3,10})\.? {1,3}(\d{1,2}),? {1,3}(\d{4}),? {1,3}(\d{1,2}):(\d{2})(?::(\d{2}))? {0,3}([ap])?\.? ?(?:m\.?)?$/i;
const DAY_FIRST_NAME =
  /^(\d{1,2})[ -]([a-z]{3,10})\.?[ -](\d{4}),? {1,3}(\d{1,2}):(\d{2})(?::(\d{2}))? {0,3}([ap])?\.? ?(?:m\.?)?$/i;

/** The two leading numbers of a numeric date, to decide the day order of a whole file. */
export function numericDateParts(text: string): [number, number] | null {
  const m = NUMERIC.exec(clean(text));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The day order that reads every sample as a real date: a first number above 12 means day first,
 * a second above 12 means month first. When the samples allow both, the session date decides,
 * then the platform's usual order.
 */
export function chooseDayOrder(allSamples: string[], fallback: DayOrder, sessionDate?: string): DayOrder {
  // A report of thousands of joins repeats the same few dates: each is looked at once.
  const samples = [...new Set(allSamples)];
  let dayFirstPossible = true;
  let monthFirstPossible = true;
  for (const sample of samples) {
    const parts = numericDateParts(sample);
    if (!parts) continue;
    if (parts[0] > 12) monthFirstPossible = false;
    if (parts[1] > 12) dayFirstPossible = false;
    if (!dayFirstPossible && !monthFirstPossible) break;
  }
  if (dayFirstPossible !== monthFirstPossible) return dayFirstPossible ? "day-first" : "month-first";
  if (sessionDate && dayFirstPossible) {
    const onSession = (order: DayOrder) => samples.some((s) => readWallClock(s, order)?.date === sessionDate);
    const dayFirst = onSession("day-first");
    if (dayFirst !== onSession("month-first")) return dayFirst ? "day-first" : "month-first";
  }
  return fallback;
}

/** A wall-clock date and time as written in a report, or null when it is not one. */
export function readWallClock(text: string, order: DayOrder): { date: string; time: string; second: number } | null {
  const wall = parseWall(clean(text), order);
  if (!wall || !isReal(wall)) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
    second: wall.second,
  };
}

/** The UTC instant of a report's local time in the workshop's zone, or null when unreadable. */
export function localToUtc(text: string, order: DayOrder, timeZone: string): string | null {
  const wall = readWallClock(text, order);
  if (!wall) return null;
  return new Date(utcMinute(wall.date, wall.time, timeZone) + wall.second * 1000).toISOString();
}

// Converting builds Intl formatters (about a millisecond each); a report's joins fall on few distinct minutes.
const minuteCache = new Map<string, number>();

function utcMinute(date: string, time: string, timeZone: string): number {
  const key = `${timeZone}|${date}|${time}`;
  let instant = minuteCache.get(key);
  if (instant === undefined) {
    if (minuteCache.size > 10_000) minuteCache.clear();
    instant = Date.parse(zonedTimeToUtc(date, time, timeZone));
    minuteCache.set(key, instant);
  }
  return instant;
}

function clean(text: string): string {
  // Teams and Windows put narrow no-break spaces before AM/PM.
  return text
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .trim()
    .slice(0, 60);
}

function parseWall(text: string, order: DayOrder): WallClock | null {
  let m = ISO.exec(text);
  if (m) return wall(+m[1], +m[2], +m[3], +m[4], +m[5], m[6], undefined);
  m = NUMERIC.exec(text);
  if (m) {
    const [first, second] = [+m[1], +m[2]];
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return order === "month-first"
      ? wall(year, first, second, +m[4], +m[5], m[6], m[7])
      : wall(year, second, first, +m[4], +m[5], m[6], m[7]);
  }
  m = MONTH_FIRST_NAME.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? wall(+m[3], month, +m[2], +m[4], +m[5], m[6], m[7]) : null;
  }
  m = DAY_FIRST_NAME.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? wall(+m[3], month, +m[1], +m[4], +m[5], m[6], m[7]) : null;
  }
  return null;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function wall(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: string | undefined,
  meridiem: string | undefined,
): WallClock | null {
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  return { year, month, day, hour, minute, second: second ? Number(second) : 0 };
}

function isReal(w: WallClock): boolean {
  if (w.year < 2000 || w.year > 2100 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  return w.day <= new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
}

export type DurationReading = { ok: true; seconds: number } | { ok: false; code: "badDuration" | "negativeDuration" };

/**
 * A duration as reports write it: a plain number is minutes ("93", "12.5"); Teams writes "1h 13m 42s" (or "45m", "38s");
 * or "01:13:42". Negative numbers are reported as such, not silently made positive.
 */
export function readDuration(text: string): DurationReading {
  const value = text.trim().replace(",", ".");
  if (!value || value.length > 30) return { ok: false, code: "badDuration" };
  if (/^-\s?\d/.test(value)) return { ok: false, code: "negativeDuration" };
  if (/^\d{1,7}(\.\d{1,4})?$/.test(value)) {
    return { ok: true, seconds: Math.round(Number(value) * 60) };
  }
  const clock = /^(\d{1,4}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) {
    const [h, m, s] = clock[3] === undefined ? [0, +clock[1], +clock[2]] : [+clock[1], +clock[2], +clock[3]];
    return { ok: true, seconds: h * 3600 + m * 60 + s };
  }
  const units =
    /^(?:(\d{1,4}) ?h(?:ours?|rs?)?)? ?(?:(\d{1,5}) ?m(?:in(?:utes?|utos?)?)?)? ?(?:(\d{1,6}) ?s(?:ec(?:onds?)?|eg(?:undos?)?)?)?$/i.exec(
      value,
    );
  if (units && (units[1] || units[2] || units[3])) {
    return { ok: true, seconds: Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0) };
  }
  return { ok: false, code: "badDuration" };
}
