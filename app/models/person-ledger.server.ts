import { sql, type Kysely } from "kysely";
import type { AttendanceStatus, Database, Person, RegistrationStatus } from "../../db/schema";
import { toNumber, writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";

/**
 * The person ledger: one row per real human. Finds likely duplicates and merges two persons
 * into one, so that reach counts each human once.
 */
export type DuplicateReason = "email" | "phone" | "name_birth_year" | "name_cooperative";

/** Pairs (a < b) that look like the same human, by one reason each; each join uses an index. */
function duplicatePairsSql() {
  const live = sql`a.erased_at is null and b.erased_at is null`;
  return sql`
    select a.id as a, b.id as b, 'email' as reason from person a join person b on b.email = a.email and b.id > a.id
      where a.email is not null and a.email <> '' and ${live}
    union all
    select a.id, b.id, 'phone' from person a join person b on b.phone = a.phone and b.id > a.id
      where a.phone is not null and a.phone <> '' and ${live}
    union all
    select a.id, b.id, 'name_birth_year' from person a join person b on b.name_key = a.name_key and b.id > a.id
      where a.name_key <> '' and a.birth_year is not null and b.birth_year = a.birth_year and ${live}
    union all
    select a.id, b.id, 'name_cooperative' from person a join person b on b.name_key = a.name_key and b.id > a.id
      where a.name_key <> '' and a.cooperative is not null and a.cooperative <> ''
        and lower(b.cooperative) = lower(a.cooperative) and ${live}`;
}

const notDismissed = sql`not exists (select 1 from person_distinct d where d.person_a = pairs.a and d.person_b = pairs.b)`;

/** How many pairs are waiting for a manager's decision. */
export async function countLikelyDuplicates(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from (select distinct a, b from (${duplicatePairsSql()}) pairs where ${notDismissed}) waiting`.execute(db);
  return toNumber(rows[0]?.n);
}

export interface LedgerPerson {
  id: number;
  full_name: string;
  email: string | null;
  phone: string | null;
  sex: Person["sex"];
  birth_year: number | null;
  country: string | null;
  cooperative: string | null;
  hasAccount: boolean;
  registrations: number;
  attendance: number;
  enrolments: number;
}

export interface DuplicatePair {
  a: LedgerPerson;
  b: LedgerPerson;
  reasons: DuplicateReason[];
}

export async function listLikelyDuplicates(db: Kysely<Database>, limit = 50): Promise<DuplicatePair[]> {
  const { rows } = await sql<{ a: number; b: number; reason: DuplicateReason }>`
    select a, b, reason from (${duplicatePairsSql()}) pairs where ${notDismissed} order by a, b`.execute(db);
  const pairs = new Map<string, { a: number; b: number; reasons: DuplicateReason[] }>();
  for (const row of rows) {
    const key = `${row.a}-${row.b}`;
    const pair = pairs.get(key) ?? { a: row.a, b: row.b, reasons: [] };
    if (!pair.reasons.includes(row.reason)) pair.reasons.push(row.reason);
    pairs.set(key, pair);
  }
  const shown = [...pairs.values()].slice(0, limit);
  const people = await ledgerPeople(db, [...new Set(shown.flatMap((p) => [p.a, p.b]))]);
  return shown.map((p) => ({ a: people.get(p.a)!, b: people.get(p.b)!, reasons: p.reasons }));
}

async function ledgerPeople(db: Kysely<Database>, ids: number[]): Promise<Map<number, LedgerPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("person as p")
    .select((eb) => [
      "p.id",
      "p.full_name",
      "p.email",
      "p.phone",
      "p.sex",
      "p.birth_year",
      "p.country",
      "p.cooperative",
      eb.selectFrom("account").select(eb.fn.countAll().as("n")).whereRef("account.person_id", "=", "p.id").as("accounts"),
      eb.selectFrom("registration").select(eb.fn.countAll().as("n")).whereRef("registration.person_id", "=", "p.id").as("registrations"),
      eb.selectFrom("attendance").select(eb.fn.countAll().as("n")).whereRef("attendance.person_id", "=", "p.id").as("attendance"),
      eb.selectFrom("enrolment").select(eb.fn.countAll().as("n")).whereRef("enrolment.person_id", "=", "p.id").as("enrolments"),
    ])
    .where("p.id", "in", ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        full_name: r.full_name,
        email: r.email,
        phone: r.phone,
        sex: r.sex,
        birth_year: r.birth_year,
        country: r.country,
        cooperative: r.cooperative,
        hasAccount: toNumber(r.accounts as number) > 0,
        registrations: toNumber(r.registrations as number),
        attendance: toNumber(r.attendance as number),
        enrolments: toNumber(r.enrolments as number),
      },
    ]),
  );
}

export async function markDistinct(db: DB, input: { personIds: [number, number]; actorAccountId: number }): Promise<boolean> {
  const [a, b] = [...input.personIds].sort((x, y) => x - y);
  if (a === b) return false;
  return writeTransaction(db, async (tx) => {
    const found = await tx.selectFrom("person").select("id").where("id", "in", [a, b]).execute();
    if (found.length !== 2) return false;
    await tx
      .insertInto("person_distinct")
      .values({ person_a: a, person_b: b, decided_by: input.actorAccountId, decided_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(["person_a", "person_b"]).doNothing())
      .execute();
    await recordAudit(tx, { actorAccountId: input.actorAccountId, action: "person.marked_distinct", subjectType: "person", subjectId: a, details: { personIds: [a, b] } });
    return true;
  });
}

// ── Merge ────────────────────────────────────────────────────────────────────
const REGISTRATION_STRENGTH: Record<RegistrationStatus, number> = { registered: 3, waitlisted: 2, cancelled: 1 };
const ATTENDANCE_STRENGTH: Record<AttendanceStatus, number> = { present: 4, late: 3, excused: 2, absent: 1 };
const strongerStatus = (x: AttendanceStatus | null, y: AttendanceStatus | null) =>
  (x ? ATTENDANCE_STRENGTH[x] : 0) >= (y ? ATTENDANCE_STRENGTH[y] : 0) ? x : y;
const maxOrNull = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
const minOrNull = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x < y ? x : y);

/** Personal fields the kept record takes from the other one when it has none. */
const FILLABLE = ["email", "phone", "birth_year", "country", "region", "cooperative"] as const;

export type MergeResult =
  | { ok: true; keptId: number; name: string }
  | { ok: false; error: "notFound" | "same" | "bothAccounts" | "failed" };

/**
 * Merges `dropId` into `keepId` in one write transaction: every registration, attendance,
 * enrolment, lesson completion and certificate moves to the kept person; where both have a row
 * for the same thing (the unique constraints), the stronger or earlier one survives and nothing
 * is counted twice. A login moves with its person; two logins are refused. Recorded in the audit log.
 */
export async function mergePersons(db: DB, input: { keepId: number; dropId: number; actorAccountId: number }): Promise<MergeResult> {
  const { keepId, dropId } = input;
  if (keepId === dropId) return { ok: false, error: "same" };
  try {
    return await writeTransaction(db, async (tx) => {
      const people = await tx.selectFrom("person").selectAll().where("id", "in", [keepId, dropId]).execute();
      const keep = people.find((p) => p.id === keepId);
      const drop = people.find((p) => p.id === dropId);
      if (!keep || !drop) return { ok: false, error: "notFound" } as const;
      const accounts = await tx.selectFrom("account").select(["id", "person_id"]).where("person_id", "in", [keepId, dropId]).execute();
      if (accounts.length > 1) return { ok: false, error: "bothAccounts" } as const;

      const log = { registrations: 0, attendance: 0, enrolments: 0, lessonCompletions: 0, certificates: 0, conflictsResolved: 0 };
      const droppedCertificateCodes: string[] = [];

      const registrations = await tx.selectFrom("registration").selectAll().where("person_id", "in", [keepId, dropId]).execute();
      for (const theirs of registrations.filter((r) => r.person_id === dropId)) {
        const mine = registrations.find((r) => r.person_id === keepId && r.workshop_id === theirs.workshop_id);
        if (mine) {
          log.conflictsResolved++;
          const theirsWins =
            REGISTRATION_STRENGTH[theirs.status] > REGISTRATION_STRENGTH[mine.status] ||
            (theirs.status === mine.status && theirs.created_at < mine.created_at);
          await tx.deleteFrom("registration").where("id", "=", theirsWins ? mine.id : theirs.id).execute();
          if (!theirsWins) continue;
        }
        await tx.updateTable("registration").set({ person_id: keepId }).where("id", "=", theirs.id).execute();
        log.registrations++;
      }

      const attendance = await tx.selectFrom("attendance").selectAll().where("person_id", "in", [keepId, dropId]).execute();
      for (const theirs of attendance.filter((a) => a.person_id === dropId)) {
        const mine = attendance.find((a) => a.person_id === keepId && a.session_id === theirs.session_id);
        if (mine) {
          // One human in one session: the strongest mark and the longest time online, never a sum.
          log.conflictsResolved++;
          await tx.deleteFrom("attendance").where("id", "=", theirs.id).execute();
          await tx
            .updateTable("attendance")
            .set({ status: strongerStatus(mine.status, theirs.status), minutes_online: maxOrNull(mine.minutes_online, theirs.minutes_online) })
            .where("id", "=", mine.id)
            .execute();
          continue;
        }
        await tx.updateTable("attendance").set({ person_id: keepId }).where("id", "=", theirs.id).execute();
        log.attendance++;
      }

      const enrolments = await tx.selectFrom("enrolment").selectAll().where("person_id", "in", [keepId, dropId]).execute();
      for (const theirs of enrolments.filter((e) => e.person_id === dropId)) {
        const mine = enrolments.find((e) => e.person_id === keepId && e.course_id === theirs.course_id);
        if (mine) {
          // The earliest enrolment and the earliest completion are this human's; active if either is.
          log.conflictsResolved++;
          const first = theirs.enrolled_at < mine.enrolled_at ? theirs : mine;
          await tx.deleteFrom("enrolment").where("id", "=", theirs.id).execute();
          await tx
            .updateTable("enrolment")
            .set({
              enrolled_at: first.enrolled_at,
              method: first.method,
              enrolled_by: first.enrolled_by,
              completed_at: minOrNull(mine.completed_at, theirs.completed_at),
              left_at: mine.left_at && theirs.left_at ? (mine.left_at > theirs.left_at ? mine.left_at : theirs.left_at) : null,
              local_dates_key: null,
            })
            .where("id", "=", mine.id)
            .execute();
          continue;
        }
        await tx.updateTable("enrolment").set({ person_id: keepId }).where("id", "=", theirs.id).execute();
        log.enrolments++;
      }

      const completions = await tx.selectFrom("lesson_completion").selectAll().where("person_id", "in", [keepId, dropId]).execute();
      for (const theirs of completions.filter((c) => c.person_id === dropId)) {
        const mine = completions.find((c) => c.person_id === keepId && c.lesson_id === theirs.lesson_id);
        if (mine) {
          log.conflictsResolved++;
          await tx.deleteFrom("lesson_completion").where("id", "=", theirs.id).execute();
          if (theirs.completed_at < mine.completed_at) {
            await tx.updateTable("lesson_completion").set({ completed_at: theirs.completed_at, method: theirs.method }).where("id", "=", mine.id).execute();
          }
          continue;
        }
        await tx.updateTable("lesson_completion").set({ person_id: keepId }).where("id", "=", theirs.id).execute();
        log.lessonCompletions++;
      }

      const certificates = await tx.selectFrom("certificate").selectAll().where("person_id", "in", [keepId, dropId]).execute();
      for (const theirs of certificates.filter((c) => c.person_id === dropId)) {
        const mine = certificates.find((c) => c.person_id === keepId && c.course_id === theirs.course_id);
        if (mine) {
          // One certificate per course: the earlier one stays valid; the other code is kept in the audit log.
          log.conflictsResolved++;
          const theirsWins = theirs.issued_at < mine.issued_at;
          const loser = theirsWins ? mine : theirs;
          droppedCertificateCodes.push(loser.code);
          await tx.deleteFrom("certificate").where("id", "=", loser.id).execute();
          if (!theirsWins) continue;
        }
        await tx.updateTable("certificate").set({ person_id: keepId }).where("id", "=", theirs.id).execute();
        log.certificates++;
      }

      const accountMoved = accounts.some((a) => a.person_id === dropId);
      if (accountMoved) await tx.updateTable("account").set({ person_id: keepId }).where("person_id", "=", dropId).execute();
      // Mail about the other record (a walk-in's confirmation) now concerns the kept person; erasure finds it there.
      await tx.updateTable("email_outbox").set({ person_id: keepId }).where("person_id", "=", dropId).execute();

      const filled: Record<string, unknown> = {};
      const differing: Record<string, unknown> = {};
      for (const field of FILLABLE) {
        if ((keep[field] === null || keep[field] === "") && drop[field] !== null && drop[field] !== "") filled[field] = drop[field];
        else if (drop[field] !== null && drop[field] !== "" && drop[field] !== keep[field]) differing[field] = drop[field];
      }
      if (keep.sex === "not_stated" && drop.sex !== "not_stated") filled.sex = drop.sex;
      else if (drop.sex !== "not_stated" && drop.sex !== keep.sex) differing.sex = drop.sex;
      if (!keep.consent_given_at && drop.consent_given_at) {
        Object.assign(filled, {
          consent_given_at: drop.consent_given_at,
          consent_notice_version: drop.consent_notice_version,
          consent_method: drop.consent_method,
          consent_recorded_by: drop.consent_recorded_by,
        });
      }
      await tx
        .updateTable("person")
        .set({ ...filled, updated_at: new Date().toISOString() })
        .where("id", "=", keepId)
        .execute();
      await tx.deleteFrom("person_distinct").where((eb) => eb.or([eb("person_a", "=", dropId), eb("person_b", "=", dropId)])).execute();
      await tx.deleteFrom("person").where("id", "=", dropId).execute();

      await recordAudit(tx, {
        actorAccountId: input.actorAccountId,
        action: "person.merged",
        subjectType: "person",
        subjectId: keepId,
        details: {
          keptId: keepId,
          droppedId: dropId,
          droppedName: drop.full_name,
          moved: log,
          accountMoved,
          filledFields: Object.keys(filled),
          // What the dropped record said where it disagreed with the kept one: nothing is lost.
          differingValues: differing,
          droppedCertificateCodes,
        },
      });
      return { ok: true, keptId: keepId, name: keep.full_name } as const;
    });
  } catch (error) {
    // A row in a table this merge does not know still points at the person: nothing was changed.
    if (error instanceof Error && /FOREIGN KEY|foreign key/.test(error.message)) return { ok: false, error: "failed" };
    throw error;
  }
}
