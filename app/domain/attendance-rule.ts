import type { AttendanceStatus, CorrectedStatus } from "../../db/schema";

/**
 * THE attendance rule. The reach report applies it in SQL (`attendedSessionSql`, built from
 * these constants; a test checks the two agree):
 * a hand correction decides (present: attended; absent: did not, whatever the minutes);
 * otherwise a person attended a session if roll call marked them present or late, or they were
 * online at least the workshop's minimum minutes (minutes set by hand count instead of the
 * imported ones). They attended the workshop if they attended at least one of its sessions.
 */
export const DEFAULT_MIN_MINUTES = 30;
export const MIN_MINUTES_RANGE = { min: 1, max: 600 } as const;
export const ATTENDED_STATUSES: readonly AttendanceStatus[] = ["present", "late"];
/** The roll-call choices, in the order shown. */
export const ROLL_CALL_STATUSES = [
  "present",
  "late",
  "excused",
  "absent",
] as const satisfies readonly AttendanceStatus[];

export const CORRECTED_STATUSES = ["present", "absent"] as const satisfies readonly CorrectedStatus[];

export interface AttendanceMark {
  status: AttendanceStatus | null;
  minutesOnline: number | null;
  /** A hand correction (docs/decisions/023); absent when there is none. */
  correctedStatus?: CorrectedStatus | null;
  correctedMinutes?: number | null;
}

/**
 * The minutes online that count: set by hand, else imported; none once staff said "absent"
 * (that person did not come, whatever a report says).
 */
export function minutesCounted(mark: AttendanceMark | null | undefined): number | null {
  if (!mark || mark.correctedStatus === "absent") return null;
  return mark.correctedMinutes ?? mark.minutesOnline;
}

export function attendedSession(mark: AttendanceMark | null | undefined, minMinutes: number): boolean {
  if (!mark) return false;
  if (mark.correctedStatus) return mark.correctedStatus === "present";
  if (mark.status !== null && ATTENDED_STATUSES.includes(mark.status)) return true;
  const minutes = minutesCounted(mark);
  return minutes !== null && minutes >= minMinutes;
}

/** Whether a hand correction changes anything about this mark. */
export function isCorrected(mark: AttendanceMark | null | undefined): boolean {
  return Boolean(mark && (mark.correctedStatus || (mark.correctedMinutes ?? null) !== null));
}

export function attendedWorkshop(marks: Array<AttendanceMark | null | undefined>, minMinutes: number): boolean {
  return marks.some((mark) => attendedSession(mark, minMinutes));
}
