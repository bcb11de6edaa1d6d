import type { AttendanceStatus, CorrectedStatus, RegistrationMethod, RegistrationStatus } from "../../db/schema";
import { nameKey } from "../domain/names";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";

/** Registrations made on the day: their people count as walk-ins, like attendees with no registration at all. */
export const WALK_IN_METHODS: readonly RegistrationMethod[] = ["walk_in", "import"];

export async function findSessionOfWorkshop(db: DB, workshopId: number, sessionId: number) {
  return db
    .selectFrom("workshop_session")
    .selectAll()
    .where("id", "=", sessionId)
    .where("workshop_id", "=", workshopId)
    .executeTakeFirst();
}

export interface RollCallEntry {
  personId: number;
  fullName: string;
  registrationStatus: RegistrationStatus | null;
  method: RegistrationMethod | null;
  status: AttendanceStatus | null;
  minutesOnline: number | null;
  /** A hand correction (docs/decisions/023): it wins over the mark and the minutes. */
  correctedStatus: CorrectedStatus | null;
  correctedMinutes: number | null;
}

/**
 * Everyone expected or seen at a session: active registrations (registered, and waitlisted
 * people who may turn up) plus anyone already marked. Sorted by name; `search` filters by
 * name words ignoring accents and case.
 */
export async function listRollCall(
  db: DB,
  workshopId: number,
  sessionId: number,
  search = "",
): Promise<RollCallEntry[]> {
  const [registrations, marks] = await Promise.all([
    db
      .selectFrom("registration")
      .innerJoin("person", "person.id", "registration.person_id")
      .select(["person.id as personId", "person.full_name as fullName", "registration.status", "registration.method"])
      .where("registration.workshop_id", "=", workshopId)
      .where("registration.status", "in", ["registered", "waitlisted"])
      .execute(),
    db
      .selectFrom("attendance")
      .innerJoin("person", "person.id", "attendance.person_id")
      .select([
        "person.id as personId",
        "person.full_name as fullName",
        "attendance.status",
        "attendance.minutes_online",
        "attendance.corrected_status",
        "attendance.corrected_minutes",
      ])
      .where("attendance.session_id", "=", sessionId)
      .execute(),
  ]);
  const entries = new Map<number, RollCallEntry>();
  for (const r of registrations) {
    entries.set(r.personId, {
      personId: r.personId,
      fullName: r.fullName,
      registrationStatus: r.status,
      method: r.method,
      status: null,
      minutesOnline: null,
      correctedStatus: null,
      correctedMinutes: null,
    });
  }
  for (const m of marks) {
    const entry = entries.get(m.personId) ?? {
      personId: m.personId,
      fullName: m.fullName,
      registrationStatus: null,
      method: null,
      status: null,
      minutesOnline: null,
      correctedStatus: null,
      correctedMinutes: null,
    };
    entries.set(m.personId, {
      ...entry,
      status: m.status,
      minutesOnline: m.minutes_online,
      correctedStatus: m.corrected_status,
      correctedMinutes: m.corrected_minutes,
    });
  }
  const words = nameKey(search).split(" ").filter(Boolean);
  return [...entries.values()]
    .filter((entry) => words.every((word) => nameKey(entry.fullName).includes(word)))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "es"));
}

/** Sets one roll-call mark inside the caller's transaction, keeping any minutes an import recorded. */
export async function setMarkInTransaction(
  tx: DB,
  input: { sessionId: number; personId: number; status: AttendanceStatus; actorAccountId: number; now?: string },
): Promise<void> {
  const now = input.now ?? new Date().toISOString();
  const existing = await tx
    .selectFrom("attendance")
    .select(["id", "status"])
    .where("session_id", "=", input.sessionId)
    .where("person_id", "=", input.personId)
    .executeTakeFirst();
  if (existing) {
    if (existing.status === input.status) return;
    await tx
      .updateTable("attendance")
      .set({ status: input.status, source: "roll_call", recorded_by: input.actorAccountId, recorded_at: now })
      .where("id", "=", existing.id)
      .execute();
  } else {
    await tx
      .insertInto("attendance")
      .values({
        session_id: input.sessionId,
        person_id: input.personId,
        status: input.status,
        minutes_online: null,
        source: "roll_call",
        import_id: null,
        recorded_by: input.actorAccountId,
        recorded_at: now,
      })
      .execute();
  }
}

export type SaveMarksOutcome = { ok: true; saved: number } | { ok: false; reason: "notOnRoll" };

/**
 * Saves roll-call marks for one session in one transaction. Only people on the roll (registered,
 * waitlisted or already marked) can be marked: a forged person id changes nothing.
 */
export function saveRollCall(
  db: DB,
  input: {
    workshopId: number;
    sessionId: number;
    marks: Array<{ personId: number; status: AttendanceStatus }>;
    actorAccountId: number;
  },
): Promise<SaveMarksOutcome> {
  return writeTransaction(db, async (tx) => {
    if (input.marks.length === 0) return { ok: true, saved: 0 };
    const onRoll = new Set((await listRollCall(tx, input.workshopId, input.sessionId)).map((entry) => entry.personId));
    if (input.marks.some((mark) => !onRoll.has(mark.personId))) return { ok: false, reason: "notOnRoll" };
    const now = new Date().toISOString();
    for (const mark of input.marks)
      await setMarkInTransaction(tx, {
        ...mark,
        sessionId: input.sessionId,
        actorAccountId: input.actorAccountId,
        now,
      });
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "attendance.roll_call",
      subjectType: "workshop_session",
      subjectId: input.sessionId,
      details: { marks: input.marks.length },
    });
    return { ok: true, saved: input.marks.length };
  });
}
