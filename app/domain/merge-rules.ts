import type { AttendanceStatus, CorrectedStatus, RegistrationStatus } from "../../db/schema";

/**
 * Who wins when two records of the same human clash on a merge (README "Reach definitions →
 * Person ledger"). Each rule compares the kept person's row with the dropped person's row for
 * the same thing and says which row survives and what it must say afterwards; the loser is
 * deleted. No rule ever adds two rows up: one human counts once.
 */
export interface Resolution<Row> {
  survivor: "kept" | "dropped";
  /** Fields the surviving row takes so it holds the best of both. */
  update?: Partial<Row>;
}

const REGISTRATION_STRENGTH: Record<RegistrationStatus, number> = { registered: 3, waitlisted: 2, cancelled: 1 };
const ATTENDANCE_STRENGTH: Record<AttendanceStatus, number> = { present: 4, late: 3, excused: 2, absent: 1 };

const earlier = (x: string, y: string) => (x <= y ? x : y);
const maxOrNull = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
const earliestOrNull = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : earlier(x, y));

/** Registered > waitlisted > cancelled; between equals, the earlier registration (its place in the queue). */
export function resolveRegistration<R extends { status: RegistrationStatus; created_at: string }>(
  kept: R,
  dropped: R,
): Resolution<R> {
  const droppedWins =
    REGISTRATION_STRENGTH[dropped.status] > REGISTRATION_STRENGTH[kept.status] ||
    (dropped.status === kept.status && dropped.created_at < kept.created_at);
  return { survivor: droppedWins ? "dropped" : "kept" };
}

/** The stronger of two marks (present > late > excused > absent > none). */
export function strongerMark(x: AttendanceStatus | null, y: AttendanceStatus | null): AttendanceStatus | null {
  return (x ? ATTENDANCE_STRENGTH[x] : 0) >= (y ? ATTENDANCE_STRENGTH[y] : 0) ? x : y;
}

interface CorrectionColumns {
  corrected_status?: CorrectedStatus | null;
  corrected_minutes?: number | null;
  corrected_by?: number | null;
  corrected_at?: string | null;
  correction_reason?: string | null;
}

/** The later of two hand corrections (docs/decisions/023), as the columns the surviving row takes; none to take: undefined. */
function laterCorrection(kept: CorrectionColumns, dropped: CorrectionColumns): CorrectionColumns | undefined {
  if (!dropped.corrected_at) return undefined;
  if (kept.corrected_at && kept.corrected_at >= dropped.corrected_at) return undefined;
  return {
    corrected_status: dropped.corrected_status ?? null,
    corrected_minutes: dropped.corrected_minutes ?? null,
    corrected_by: dropped.corrected_by ?? null,
    corrected_at: dropped.corrected_at,
    correction_reason: dropped.correction_reason ?? null,
  };
}

/**
 * One human in one session: the strongest mark and the longest time online, never a sum; a hand
 * correction is kept (the later one when both records have one), since it decides over both.
 */
export function resolveAttendance<
  R extends { status: AttendanceStatus | null; minutes_online: number | null } & CorrectionColumns,
>(kept: R, dropped: R): Resolution<R> {
  return {
    survivor: "kept",
    update: {
      status: strongerMark(kept.status, dropped.status),
      minutes_online: maxOrNull(kept.minutes_online, dropped.minutes_online),
      ...laterCorrection(kept, dropped),
    } as Partial<R>,
  };
}

interface EnrolmentFacts {
  enrolled_at: string;
  method: string;
  enrolled_by: number | null;
  completed_at: string | null;
  left_at: string | null;
  local_dates_key: string | null;
}

/**
 * The earliest enrolment (with how and by whom it was made) and the earliest completion are
 * this human's; still active if either row is; the local dates are recomputed by the reach model.
 */
export function resolveEnrolment<R extends EnrolmentFacts>(kept: R, dropped: R): Resolution<R> {
  const first = dropped.enrolled_at < kept.enrolled_at ? dropped : kept;
  return {
    survivor: "kept",
    update: {
      enrolled_at: first.enrolled_at,
      method: first.method,
      enrolled_by: first.enrolled_by,
      completed_at: earliestOrNull(kept.completed_at, dropped.completed_at),
      left_at:
        kept.left_at && dropped.left_at ? (kept.left_at > dropped.left_at ? kept.left_at : dropped.left_at) : null,
      local_dates_key: null,
    } as Partial<R>,
  };
}

/** The earliest completion of a lesson, and how it was completed then. */
export function resolveLessonCompletion<R extends { completed_at: string; method: string }>(
  kept: R,
  dropped: R,
): Resolution<R> {
  if (dropped.completed_at < kept.completed_at)
    return { survivor: "kept", update: { completed_at: dropped.completed_at, method: dropped.method } as Partial<R> };
  return { survivor: "kept" };
}

/** One certificate per course: the earlier one stays valid (the other code goes to the audit log). */
export function resolveCertificate<R extends { issued_at: string }>(kept: R, dropped: R): Resolution<R> {
  return { survivor: dropped.issued_at < kept.issued_at ? "dropped" : "kept" };
}

/** Personal fields the kept record takes from the other one when it has none. */
export const FILLABLE_FIELDS = ["email", "phone", "birth_year", "country", "region", "cooperative"] as const;

type FillableField = (typeof FILLABLE_FIELDS)[number];
export type PersonFacts = { [F in FillableField]: string | number | null } & {
  sex: string;
  consent_given_at: string | null;
  consent_notice_version: string | null;
  consent_method: string | null;
  consent_recorded_by: number | null;
};

export interface PersonFill {
  /** What the kept person takes from the other: only where it has nothing. */
  filled: Record<string, unknown>;
  /** What the other record said where it disagrees with the kept one: kept in the audit log, so nothing is lost. */
  differing: Record<string, unknown>;
}

const blank = (value: unknown) => value === null || value === undefined || value === "";

/** Empty fields of the kept person are filled from the other; differing values are reported, never overwritten. */
export function fillPerson(keep: PersonFacts, drop: PersonFacts): PersonFill {
  const filled: Record<string, unknown> = {};
  const differing: Record<string, unknown> = {};
  for (const field of FILLABLE_FIELDS) {
    if (blank(keep[field]) && !blank(drop[field])) filled[field] = drop[field];
    else if (!blank(drop[field]) && drop[field] !== keep[field]) differing[field] = drop[field];
  }
  if (keep.sex === "not_stated" && drop.sex !== "not_stated") filled.sex = drop.sex;
  else if (drop.sex !== "not_stated" && drop.sex !== keep.sex) differing.sex = drop.sex;
  // Consent is one fact with its notice, method and witness: taken whole or not at all.
  if (!keep.consent_given_at && drop.consent_given_at) {
    Object.assign(filled, {
      consent_given_at: drop.consent_given_at,
      consent_notice_version: drop.consent_notice_version,
      consent_method: drop.consent_method,
      consent_recorded_by: drop.consent_recorded_by,
    });
  }
  return { filled, differing };
}
