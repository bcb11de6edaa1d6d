import type { Modality, WorkshopStatus } from "../../db/schema";
import type { Msg } from "../i18n/keys";
import { localDate, zonedTimeToUtc } from "../utils/dates";
import { dateFormat } from "../utils/intl";

export { CAPACITY_MAX, DESCRIPTION_MAX, MODALITIES, TITLE_MAX, WORKSHOP_STATUSES } from "./workshop-fields";

/** One session as typed: a local date and times in the workshop's time zone. */
export interface SessionRow {
  id: string;
  date: string;
  start: string;
  end: string;
}

export interface WorkshopInput {
  title: string;
  description: string;
  courseId: number | null;
  modality: Modality;
  place: string | null;
  joinUrl: string | null;
  country: string | null;
  region: string | null;
  timezone: string;
  capacity: number | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  status: WorkshopStatus;
  facilitatorIds: number[];
  /** The attendance rule: minutes online that count as attending a session. */
  attendanceMinMinutes: number;
  /** UTC instants; `id` is set for sessions that already exist. */
  sessions: Array<{ id: number | null; startsAt: string; endsAt: string }>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d)$/;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  return match !== null && isRealDate(match[1]);
}

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The session rows of a submitted form (fields `session-N-date`, `-start`, `-end`, `-id`). */
export function readSessionRows(values: Record<string, string>): SessionRow[] {
  const indexes = new Set<number>();
  for (const name of Object.keys(values)) {
    const match = /^session-(\d{1,3})-(date|start|end|id)$/.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({
      id: (values[`session-${i}-id`] ?? "").trim(),
      date: (values[`session-${i}-date`] ?? "").trim(),
      start: (values[`session-${i}-start`] ?? "").trim(),
      end: (values[`session-${i}-end`] ?? "").trim(),
    }));
}

/**
 * The session rules: each filled row a real date and times, not ending when it
 * starts, not overlapping an earlier one; at least one row. An end earlier than
 * the start is the next day (23:30–00:45), so a session never needs a second date. Errors are keyed by
 * input name (`session-1-end`) so the page shows each beside its field. Without
 * a valid time zone the rows are only checked for shape.
 */
export function checkSessionRows(
  rows: SessionRow[],
  timezone: string | null,
): { sessions: WorkshopInput["sessions"]; errors: Record<string, Msg> } {
  const errors: Record<string, Msg> = {};
  const sessions: WorkshopInput["sessions"] = [];
  rows.forEach((row, i) => {
    if (!row.date && !row.start && !row.end) return;
    const name = (field: string) => `session-${i}-${field}`;
    if (!isRealDate(row.date)) errors[name("date")] = { key: "workshops.form.errors.sessionDate" };
    if (!TIME.test(row.start)) errors[name("start")] = { key: "workshops.form.errors.sessionTime" };
    if (!TIME.test(row.end)) errors[name("end")] = { key: "workshops.form.errors.sessionTime" };
    if (errors[name("date")] || errors[name("start")] || errors[name("end")] || !timezone) return;
    if (row.end === row.start) {
      errors[name("end")] = { key: "workshops.form.errors.sessionEndsAtStart" };
      return;
    }
    const startsAt = zonedTimeToUtc(row.date, row.start, timezone);
    const endsAt = zonedTimeToUtc(sessionEndDate(row), row.end, timezone);
    const overlapping = sessions.findIndex((other) => startsAt < other.endsAt && other.startsAt < endsAt);
    if (overlapping !== -1) {
      errors[name("start")] = { key: "workshops.form.errors.sessionOverlaps", vars: { number: overlapping + 1 } };
      return;
    }
    sessions.push({ id: /^\d+$/.test(row.id) ? Number(row.id) : null, startsAt, endsAt });
  });
  if (sessions.length === 0 && rows.every((r) => !r.date && !r.start && !r.end)) {
    errors["session-0-date"] = { key: "workshops.form.errors.sessionRequired" };
  }
  return { sessions: [...sessions].sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1)), errors };
}

/** The local date a session row ends on: its own date, or the next day when the end is earlier than the start. */
export function sessionEndDate(row: Pick<SessionRow, "date" | "start" | "end">): string {
  if (row.end > row.start) return row.date;
  const next = new Date(`${row.date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** "10:00": the wall-clock time of an instant in a time zone, as a time input wants it. */
export function localTime(iso: string, timeZone: string): string {
  return dateFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));
}

/** "2026-03-12T10:00": the value of a datetime-local input for an instant in a time zone. */
export function localDateTime(iso: string | null, timeZone: string): string {
  return iso ? `${localDate(iso, timeZone)}T${localTime(iso, timeZone)}` : "";
}
