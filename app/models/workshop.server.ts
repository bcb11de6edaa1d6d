import type { Role } from "../../db/schema";
import type { WorkshopInput } from "../domain/workshop-input";
import { hasRole } from "../domain/roles";
import { toNumber, writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { promoteFromWaitlist } from "./registration.server";
import { queueChangeNotices, queueRemovalNotices } from "./workshop-notices.server";

export interface SessionRow {
  id: number;
  workshop_id: number;
  starts_at: string;
  ends_at: string;
  calendar_sequence: number;
  calendar_changed_at: string | null;
}

export async function findWorkshop(db: DB, id: number) {
  return db.selectFrom("workshop").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listSessions(db: DB, workshopId: number): Promise<SessionRow[]> {
  return db
    .selectFrom("workshop_session")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}

export async function listFacilitators(db: DB, workshopId: number) {
  return db
    .selectFrom("workshop_facilitator")
    .innerJoin("account", "account.id", "workshop_facilitator.account_id")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id as accountId", "person.full_name as fullName"])
    .where("workshop_facilitator.workshop_id", "=", workshopId)
    .orderBy("person.full_name")
    .execute();
}

/** A workshop with its sessions, facilitators and linked course, or undefined. */
export async function getWorkshopDetails(db: DB, id: number) {
  const workshop = await findWorkshop(db, id);
  if (!workshop) return undefined;
  const [sessions, facilitators, course] = await Promise.all([
    listSessions(db, id),
    listFacilitators(db, id),
    workshop.course_id
      ? db.selectFrom("course").select(["id", "slug", "title"]).where("id", "=", workshop.course_id).executeTakeFirst()
      : undefined,
  ]);
  return { workshop, sessions, facilitators, course: course ?? null };
}

/** Facilitators manage the workshops they facilitate; managers and admins manage all. */
export async function canManageWorkshop(db: DB, user: { accountId: number; role: Role }, workshopId: number) {
  if (hasRole(user.role, "manager")) return true;
  if (!hasRole(user.role, "facilitator")) return false;
  const row = await db
    .selectFrom("workshop_facilitator")
    .select("account_id")
    .where("workshop_id", "=", workshopId)
    .where("account_id", "=", user.accountId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Accounts that may facilitate (facilitator and above), for the form. */
export async function listStaffAccounts(db: DB) {
  return db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id as accountId", "person.full_name as fullName"])
    .where("account.role", "in", ["facilitator", "manager", "admin"])
    .orderBy("person.full_name")
    .execute();
}

/** Which of these account ids may facilitate (facilitator, manager or admin). */
export async function staffAccountIdsAmong(db: DB, accountIds: number[]): Promise<Set<number>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("account")
    .select("id")
    .where("id", "in", accountIds)
    .where("role", "in", ["facilitator", "manager", "admin"])
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function listCourseChoices(db: DB) {
  return db.selectFrom("course").select(["id", "title"]).where("archived_at", "is", null).orderBy("title").execute();
}

function workshopColumns(input: WorkshopInput) {
  return {
    title: input.title,
    description: input.description,
    course_id: input.courseId,
    modality: input.modality,
    place: input.place,
    join_url: input.joinUrl,
    country: input.country,
    region: input.region,
    timezone: input.timezone,
    capacity: input.capacity,
    registration_opens_at: input.registrationOpensAt,
    registration_closes_at: input.registrationClosesAt,
    status: input.status,
    attendance_min_minutes: input.attendanceMinMinutes,
  };
}

export async function createWorkshop(db: DB, input: WorkshopInput, actorAccountId: number | null): Promise<number> {
  const now = new Date().toISOString();
  return writeTransaction(db, async (tx) => {
    const { id } = await tx
      .insertInto("workshop")
      .values({
        ...workshopColumns(input),
        created_by: actorAccountId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("workshop_facilitator")
      .values(input.facilitatorIds.map((account_id) => ({ workshop_id: id, account_id })))
      .execute();
    await tx
      .insertInto("workshop_session")
      .values(
        input.sessions.map((s) => ({
          workshop_id: id,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          calendar_changed_at: now,
        })),
      )
      .execute();
    await recordAudit(tx, {
      actorAccountId,
      action: "workshop.create",
      subjectType: "workshop",
      subjectId: id,
      details: { title: input.title },
    });
    return id;
  });
}

export type UpdateResult = { ok: true } | { ok: false; reason: "sessionHasAttendance" };

/**
 * Saves the form over the workshop. Sessions keep their ids (attendance points at
 * them); a removed session that already has attendance is refused. When the
 * capacity grows, people waiting get the new seats.
 */
export async function updateWorkshop(
  db: DB,
  id: number,
  input: WorkshopInput,
  actorAccountId: number | null,
): Promise<UpdateResult> {
  return writeTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const existing = await listSessions(tx, id);
    const kept = new Set(input.sessions.flatMap((s) => (s.id && existing.some((e) => e.id === s.id) ? [s.id] : [])));
    const removedSessions = existing.filter((s) => !kept.has(s.id));
    const removed = removedSessions.map((s) => s.id);
    if (removed.length > 0) {
      const used = await tx.selectFrom("attendance").select("id").where("session_id", "in", removed).executeTakeFirst();
      if (used) return { ok: false, reason: "sessionHasAttendance" } as const;
      await tx.deleteFrom("workshop_session").where("id", "in", removed).execute();
    }
    const before = await tx
      .selectFrom("workshop")
      .select(["place", "join_url", "status"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    // What an invitation shows besides the time: a change here revises every session's event.
    const workshopRevised =
      before.place !== input.place || before.join_url !== input.joinUrl || before.status !== input.status;
    // What people are told about (docs/decisions/028): not draft ↔ published, which they never saw.
    let tell =
      before.place !== input.place ||
      before.join_url !== input.joinUrl ||
      (before.status === "cancelled") !== (input.status === "cancelled");
    // This change's name in the dedupe keys: a session it revised and that session's new SEQUENCE.
    let changeKey: string | null = null;
    for (const session of input.sessions) {
      const old = session.id ? existing.find((e) => e.id === session.id && kept.has(e.id)) : undefined;
      if (old) {
        const moved = old.starts_at !== session.startsAt || old.ends_at !== session.endsAt;
        if (!moved && !workshopRevised) continue;
        if (moved) tell = true;
        changeKey ??= `session-change:${old.id}:${old.calendar_sequence + 1}`;
        await tx
          .updateTable("workshop_session")
          .set((eb) => ({
            starts_at: session.startsAt,
            ends_at: session.endsAt,
            calendar_sequence: eb("calendar_sequence", "+", 1),
            calendar_changed_at: now,
          }))
          .where("id", "=", old.id)
          .execute();
      } else {
        const added = await tx
          .insertInto("workshop_session")
          .values({ workshop_id: id, starts_at: session.startsAt, ends_at: session.endsAt, calendar_changed_at: now })
          .returning("id")
          .executeTakeFirstOrThrow();
        tell = true;
        changeKey ??= `session-added:${added.id}`;
      }
    }
    await tx
      .updateTable("workshop")
      .set({ ...workshopColumns(input), updated_at: now })
      .where("id", "=", id)
      .execute();
    await tx.deleteFrom("workshop_facilitator").where("workshop_id", "=", id).execute();
    await tx
      .insertInto("workshop_facilitator")
      .values(input.facilitatorIds.map((account_id) => ({ workshop_id: id, account_id })))
      .execute();
    await recordAudit(tx, {
      actorAccountId,
      action: "workshop.update",
      subjectType: "workshop",
      subjectId: id,
      details: { title: input.title },
    });
    const promoted = input.status !== "cancelled" ? await promoteFromWaitlist(tx, id, now) : [];
    // The promoted already get the current details in their promotion e-mail.
    if (tell && changeKey) {
      await queueChangeNotices(tx, { workshopId: id, changeKey, skipPersonIds: promoted, now: new Date(now) });
    }
    if (removedSessions.length > 0) {
      await queueRemovalNotices(tx, {
        workshopId: id,
        removed: removedSessions,
        workshopWasCancelled: before.status === "cancelled",
        waitlistToldOtherwise: tell && changeKey !== null,
        skipPersonIds: promoted,
        now: new Date(now),
      });
    }
    return { ok: true } as const;
  });
}

async function seatCounts(db: DB, workshopIds: number[]) {
  if (workshopIds.length === 0) return new Map<number, { registered: number; waitlisted: number }>();
  const rows = await db
    .selectFrom("registration")
    .select(["workshop_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workshop_id", "in", workshopIds)
    .where("status", "in", ["registered", "waitlisted"])
    .groupBy(["workshop_id", "status"])
    .execute();
  const counts = new Map<number, { registered: number; waitlisted: number }>();
  for (const id of workshopIds) counts.set(id, { registered: 0, waitlisted: 0 });
  for (const row of rows) counts.get(row.workshop_id)![row.status as "registered" | "waitlisted"] = toNumber(row.n);
  return counts;
}

async function withSchedule<W extends { id: number }>(db: DB, workshops: W[]) {
  const ids = workshops.map((w) => w.id);
  const sessions = ids.length
    ? await db.selectFrom("workshop_session").selectAll().where("workshop_id", "in", ids).orderBy("starts_at").execute()
    : [];
  const counts = await seatCounts(db, ids);
  return workshops.map((w) => {
    const own = sessions.filter((s) => s.workshop_id === w.id);
    return {
      ...w,
      sessionCount: own.length,
      firstStartsAt: own[0]?.starts_at ?? null,
      lastEndsAt: own.length ? own.reduce((max, s) => (s.ends_at > max ? s.ends_at : max), own[0].ends_at) : null,
      ...counts.get(w.id)!,
    };
  });
}

const LIST_COLUMNS = [
  "id",
  "title",
  "description",
  "modality",
  "place",
  "country",
  "region",
  "timezone",
  "capacity",
  "status",
] as const;

/** Published workshops: upcoming (soonest first) and past (latest first). */
export async function listPublicWorkshops(db: DB, now: string) {
  const workshops = await withSchedule(
    db,
    await db.selectFrom("workshop").select(LIST_COLUMNS).where("status", "in", ["published", "cancelled"]).execute(),
  );
  const scheduled = workshops.filter((w) => w.firstStartsAt);
  const upcoming = scheduled
    .filter((w) => w.lastEndsAt! > now && w.status === "published")
    .sort((a, b) => a.firstStartsAt!.localeCompare(b.firstStartsAt!));
  const past = scheduled
    .filter((w) => w.lastEndsAt! <= now)
    .sort((a, b) => b.firstStartsAt!.localeCompare(a.firstStartsAt!));
  return { upcoming, past: past.slice(0, 50) };
}

/** The workshops a staff member manages: their own, or all for managers and admins. */
export async function listManagedWorkshops(db: DB, user: { accountId: number; role: Role }) {
  let query = db.selectFrom("workshop").select(LIST_COLUMNS);
  if (!hasRole(user.role, "manager")) {
    query = query.where(
      "id",
      "in",
      db.selectFrom("workshop_facilitator").select("workshop_id").where("account_id", "=", user.accountId),
    );
  }
  const workshops = await withSchedule(db, await query.execute());
  // Soonest upcoming first, then the ones without sessions, then the past.
  return workshops.sort((a, b) => (b.firstStartsAt ?? "").localeCompare(a.firstStartsAt ?? ""));
}
