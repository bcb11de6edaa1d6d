import type { AttendanceStatus, CorrectedStatus } from "../../db/schema";
import { attendedSession, isCorrected } from "../domain/attendance-rule";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";

/**
 * Hand corrections of one person's attendance at one session (docs/decisions/023). The
 * correction lives in its own columns, which no roll call or import writes: the roll-call mark
 * and the imported minutes stay as they were recorded, and the correction wins over them in
 * the rule (app/domain/attendance-rule.ts).
 */

/** What a person's mark at a session says now, and who may be corrected there. */
export interface SessionMarkForCorrection {
  personId: number;
  fullName: string;
  status: AttendanceStatus | null;
  minutesOnline: number | null;
  correctedStatus: CorrectedStatus | null;
  correctedMinutes: number | null;
  correctionReason: string | null;
  correctedAt: string | null;
  attended: boolean;
}

/**
 * The person's mark at this session, or undefined when the person is not on this workshop
 * (no registration in any state, no attendance at any of its sessions): a person id from the
 * browser counts only for someone already attached to the workshop.
 */
export async function findMarkForCorrection(
  db: DB,
  input: { workshopId: number; sessionId: number; personId: number },
): Promise<SessionMarkForCorrection | undefined> {
  const person = await db
    .selectFrom("person as p")
    .select(["p.id", "p.full_name"])
    .where("p.id", "=", input.personId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("registration as r")
            .select("r.id")
            .whereRef("r.person_id", "=", "p.id")
            .where("r.workshop_id", "=", input.workshopId),
        ),
        eb.exists(
          eb
            .selectFrom("attendance as a")
            .innerJoin("workshop_session as s", "s.id", "a.session_id")
            .select("a.id")
            .whereRef("a.person_id", "=", "p.id")
            .where("s.workshop_id", "=", input.workshopId),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!person) return undefined;
  const [row, workshop] = await Promise.all([
    db
      .selectFrom("attendance")
      .select([
        "status",
        "minutes_online",
        "corrected_status",
        "corrected_minutes",
        "correction_reason",
        "corrected_at",
      ])
      .where("session_id", "=", input.sessionId)
      .where("person_id", "=", input.personId)
      .executeTakeFirst(),
    db
      .selectFrom("workshop")
      .select("attendance_min_minutes")
      .where("id", "=", input.workshopId)
      .executeTakeFirstOrThrow(),
  ]);
  const mark = {
    status: row?.status ?? null,
    minutesOnline: row?.minutes_online ?? null,
    correctedStatus: row?.corrected_status ?? null,
    correctedMinutes: row?.corrected_minutes ?? null,
  };
  return {
    personId: person.id,
    fullName: person.full_name,
    ...mark,
    correctionReason: row?.correction_reason ?? null,
    correctedAt: row?.corrected_at ?? null,
    attended: row ? attendedSession(mark, workshop.attendance_min_minutes) : false,
  };
}

export type CorrectionOutcome = { ok: true; changed: boolean } | { ok: false; reason: "notOnWorkshop" };

/**
 * Sets (or, with status and minutes both null, removes) the hand correction of one person at
 * one session, with the reason, in one transaction, audited with before and after. A person
 * without a row for that session gets one (no mark, no minutes: only the correction). A row
 * left with nothing at all (no mark, no minutes, no import, no correction) is removed again.
 */
export function correctAttendance(
  db: DB,
  input: {
    workshopId: number;
    sessionId: number;
    personId: number;
    /** present / absent wins over the mark and the minutes; null: by the minutes. */
    correctedStatus: CorrectedStatus | null;
    /** Minutes online set by hand, counted instead of the imported ones; null: the imported ones. */
    correctedMinutes: number | null;
    reason: string;
    actorAccountId: number;
    now?: string;
  },
): Promise<CorrectionOutcome> {
  return writeTransaction(db, async (tx) => {
    const before = await findMarkForCorrection(tx, input);
    if (!before) return { ok: false, reason: "notOnWorkshop" } as const;
    const workshop = await tx
      .selectFrom("workshop")
      .select("attendance_min_minutes")
      .where("id", "=", input.workshopId)
      .executeTakeFirstOrThrow();
    const corrected = isCorrected({ ...input, status: null, minutesOnline: null });
    const sameCorrection =
      before.correctedStatus === input.correctedStatus && before.correctedMinutes === input.correctedMinutes;
    // Removing a correction that is not there, or saying the same thing for the same reason: nothing to record.
    if (sameCorrection && (!corrected || before.correctionReason === input.reason))
      return { ok: true, changed: false } as const;
    const now = input.now ?? new Date().toISOString();
    const correction = corrected
      ? {
          corrected_status: input.correctedStatus,
          corrected_minutes: input.correctedMinutes,
          corrected_by: input.actorAccountId,
          corrected_at: now,
          correction_reason: input.reason,
        }
      : {
          corrected_status: null,
          corrected_minutes: null,
          corrected_by: null,
          corrected_at: null,
          correction_reason: null,
        };
    const row = await tx
      .selectFrom("attendance")
      .select(["id", "status", "minutes_online", "import_id"])
      .where("session_id", "=", input.sessionId)
      .where("person_id", "=", input.personId)
      .executeTakeFirst();
    if (!row) {
      await tx
        .insertInto("attendance")
        .values({
          session_id: input.sessionId,
          person_id: input.personId,
          status: null,
          minutes_online: null,
          // Entered by hand, like a roll-call mark; never an import's row.
          source: "roll_call",
          import_id: null,
          recorded_by: input.actorAccountId,
          recorded_at: now,
          ...correction,
        })
        .execute();
    } else if (!corrected && row.status === null && row.minutes_online === null && row.import_id === null) {
      await tx.deleteFrom("attendance").where("id", "=", row.id).execute();
    } else {
      await tx.updateTable("attendance").set(correction).where("id", "=", row.id).execute();
    }
    const after = {
      ...before,
      correctedStatus: input.correctedStatus,
      correctedMinutes: input.correctedMinutes,
    };
    const shown = (mark: typeof before) => ({
      status: mark.status,
      minutesOnline: mark.minutesOnline,
      correctedStatus: mark.correctedStatus,
      correctedMinutes: mark.correctedMinutes,
      attended: attendedSession(mark, workshop.attendance_min_minutes),
    });
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: corrected ? "attendance.corrected" : "attendance.correction_removed",
      subjectType: "person",
      subjectId: input.personId,
      details: {
        workshopId: input.workshopId,
        sessionId: input.sessionId,
        before: shown(before),
        after: shown(after),
        reason: input.reason,
      },
    });
    return { ok: true, changed: true } as const;
  });
}
