import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, Person } from "../../db/schema";
import {
  fillPerson,
  resolveAttendance,
  resolveCertificate,
  resolveEnrolment,
  resolveLessonCompletion,
  resolveRegistration,
  type Resolution,
} from "../domain/merge-rules";
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
export async function countLikelyDuplicates(db: DB): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from (select distinct a, b from (${duplicatePairsSql()}) pairs where ${notDismissed}) waiting`.execute(
    db,
  );
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

export async function listLikelyDuplicates(db: DB, limit = 50): Promise<DuplicatePair[]> {
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

async function ledgerPeople(db: DB, ids: number[]): Promise<Map<number, LedgerPerson>> {
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
      eb
        .selectFrom("account")
        .select(eb.fn.countAll().as("n"))
        .whereRef("account.person_id", "=", "p.id")
        .as("accounts"),
      eb
        .selectFrom("registration")
        .select(eb.fn.countAll().as("n"))
        .whereRef("registration.person_id", "=", "p.id")
        .as("registrations"),
      eb
        .selectFrom("attendance")
        .select(eb.fn.countAll().as("n"))
        .whereRef("attendance.person_id", "=", "p.id")
        .as("attendance"),
      eb
        .selectFrom("enrolment")
        .select(eb.fn.countAll().as("n"))
        .whereRef("enrolment.person_id", "=", "p.id")
        .as("enrolments"),
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

export async function markDistinct(
  db: DB,
  input: { personIds: [number, number]; actorAccountId: number },
): Promise<boolean> {
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
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "person.marked_distinct",
      subjectType: "person",
      subjectId: a,
      details: { personIds: [a, b] },
    });
    return true;
  });
}

// ── Merge ────────────────────────────────────────────────────────────────────
type MergedTable = "registration" | "attendance" | "enrolment" | "lesson_completion" | "certificate";
/** A table, the column that with `person_id` makes a row unique, its count in the audit log, and its rule, typed by its rows. */
type MergeSpec = {
  [T in MergedTable]: {
    table: T;
    key: keyof Selectable<Database[T]> & string;
    counted: keyof MovedCounts;
    resolve: (kept: Selectable<Database[T]>, dropped: Selectable<Database[T]>) => Resolution<Selectable<Database[T]>>;
  };
}[MergedTable];
type MovedCounts = {
  registrations: number;
  attendance: number;
  enrolments: number;
  lessonCompletions: number;
  certificates: number;
};

/**
 * The tables whose rows follow a person on a merge: their unique key (besides `person_id`) says
 * when both persons have a row for the same thing, and the rule of `app/domain/merge-rules.ts`
 * says which row survives. The order is the order of the audit log's `moved` counts.
 */
const MERGED_TABLES = [
  { table: "registration", key: "workshop_id", counted: "registrations", resolve: resolveRegistration },
  { table: "attendance", key: "session_id", counted: "attendance", resolve: resolveAttendance },
  { table: "enrolment", key: "course_id", counted: "enrolments", resolve: resolveEnrolment },
  { table: "lesson_completion", key: "lesson_id", counted: "lessonCompletions", resolve: resolveLessonCompletion },
  { table: "certificate", key: "course_id", counted: "certificates", resolve: resolveCertificate },
] as const satisfies ReadonlyArray<MergeSpec>;
type MergedRow = { id: number; person_id: number } & Record<string, unknown>;

/**
 * Moves one table's rows from `dropId` to `keepId`. Where both have a row with the same key, the
 * loser is deleted first (the unique constraint), then the survivor takes the rule's update and,
 * if it was the dropped person's, moves. Returns the rows that lost, for the audit log.
 */
async function mergeRows(
  tx: DB,
  spec: MergeSpec,
  persons: { keepId: number; dropId: number },
): Promise<{ moved: number; conflicts: number; losers: MergedRow[] }> {
  // One loop for every table: the rows are handled by id and column name, the rules are typed in their spec.
  const db = tx as unknown as Kysely<Record<MergedTable, { id: number; person_id: number }>>;
  const resolve = spec.resolve as (kept: MergedRow, dropped: MergedRow) => Resolution<MergedRow>;
  const rows = (await db
    .selectFrom(spec.table)
    .selectAll()
    .where("person_id", "in", [persons.keepId, persons.dropId])
    .execute()) as MergedRow[];
  const result = { moved: 0, conflicts: 0, losers: [] as MergedRow[] };
  for (const theirs of rows.filter((r) => r.person_id === persons.dropId)) {
    const mine = rows.find((r) => r.person_id === persons.keepId && r[spec.key] === theirs[spec.key]);
    let survivor = theirs;
    if (mine) {
      result.conflicts++;
      const resolution = resolve(mine, theirs);
      survivor = resolution.survivor === "kept" ? mine : theirs;
      const loser = survivor === mine ? theirs : mine;
      result.losers.push(loser);
      await db.deleteFrom(spec.table).where("id", "=", loser.id).execute();
      if (resolution.update && Object.keys(resolution.update).length > 0) {
        await db.updateTable(spec.table).set(resolution.update).where("id", "=", survivor.id).execute();
      }
    }
    if (survivor === theirs) {
      await db.updateTable(spec.table).set({ person_id: persons.keepId }).where("id", "=", theirs.id).execute();
      result.moved++;
    }
  }
  return result;
}

export type MergeResult =
  | { ok: true; keptId: number; name: string }
  | { ok: false; error: "notFound" | "same" | "bothAccounts" | "failed" };

/**
 * Merges `dropId` into `keepId` in one write transaction: every registration, attendance,
 * enrolment, lesson completion and certificate moves to the kept person; where both have a row
 * for the same thing (the unique constraints), the stronger or earlier one survives and nothing
 * is counted twice. A login moves with its person; two logins are refused. Recorded in the audit log.
 */
export async function mergePersons(
  db: DB,
  input: { keepId: number; dropId: number; actorAccountId: number },
): Promise<MergeResult> {
  const { keepId, dropId } = input;
  if (keepId === dropId) return { ok: false, error: "same" };
  try {
    return await writeTransaction(db, async (tx) => {
      const people = await tx.selectFrom("person").selectAll().where("id", "in", [keepId, dropId]).execute();
      const keep = people.find((p) => p.id === keepId);
      const drop = people.find((p) => p.id === dropId);
      if (!keep || !drop) return { ok: false, error: "notFound" } as const;
      const accounts = await tx
        .selectFrom("account")
        .select(["id", "person_id"])
        .where("person_id", "in", [keepId, dropId])
        .execute();
      if (accounts.length > 1) return { ok: false, error: "bothAccounts" } as const;

      const moved: MovedCounts = {
        registrations: 0,
        attendance: 0,
        enrolments: 0,
        lessonCompletions: 0,
        certificates: 0,
      };
      let conflictsResolved = 0;
      const losers = new Map<MergedTable, MergedRow[]>();
      for (const spec of MERGED_TABLES) {
        const result = await mergeRows(tx, spec, { keepId, dropId });
        moved[spec.counted] = result.moved;
        conflictsResolved += result.conflicts;
        losers.set(spec.table, result.losers);
      }

      const accountMoved = accounts.some((a) => a.person_id === dropId);
      if (accountMoved)
        await tx.updateTable("account").set({ person_id: keepId }).where("person_id", "=", dropId).execute();
      // Mail about the other record (a walk-in's confirmation) now concerns the kept person; erasure finds it there.
      await tx.updateTable("email_outbox").set({ person_id: keepId }).where("person_id", "=", dropId).execute();

      const { filled, differing } = fillPerson(keep, drop);
      await tx
        .updateTable("person")
        .set({ ...filled, updated_at: new Date().toISOString() })
        .where("id", "=", keepId)
        .execute();
      await tx
        .deleteFrom("person_distinct")
        .where((eb) => eb.or([eb("person_a", "=", dropId), eb("person_b", "=", dropId)]))
        .execute();
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
          moved: { ...moved, conflictsResolved },
          accountMoved,
          filledFields: Object.keys(filled),
          // What the dropped record said where it disagreed with the kept one: nothing is lost.
          differingValues: differing,
          droppedCertificateCodes: (losers.get("certificate") ?? []).map((c) => c.code as string),
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
