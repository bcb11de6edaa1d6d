/**
 * `npx tsx scripts/bench/reach-writes.ts <ledger.db>`: what the reach facts (docs/decisions/025)
 * cost writers, and the first report after each write. On a ledger built by `npm run bench:reach`
 * (BENCH_REACH_DB=.tmp/bench/reach.db):
 *   - a 20,000-row attendance import, row by row as the import commits them, with the facts'
 *     triggers and with them dropped (inside the same rolled-back transaction);
 *   - 200 registrations, the same way;
 *   - the first FY 2025 report after each write (the facts of what it touched recomputed).
 * Leaves the ledger as it was (each committed write is undone by the next step).
 * A script, not a test: timings on a shared machine are noisy.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { computeReachReport } from "../../app/models/reach.server";
import { createDatabase, type DB } from "../../app/utils/db.server";

const file = process.argv[2] ?? ".tmp/bench/reach.db";
const IMPORT_ROWS = 20_000;
const REGISTRATIONS = 200;
const FACT_TRIGGERS = ["attendance", "registration", "workshop_session", "workshop", "enrolment", "person"].flatMap(
  (table) => ["insert", "update", "delete"].map((event) => `reach_facts_${table}_${event}`),
);

const db = await createDatabase(file);
const filters = {
  period: { kind: "fy", year: 2025 } as const,
  country: null,
  workshopId: null,
  facilitatorId: null,
  courseId: null,
  countEnrolments: false,
};
const viewer = { accountId: 1, seesAll: true };
const now = new Date().toISOString();

/** A session of FY 2025 and people who have no attendance in it. */
const session = await sql<{ id: number; workshop_id: number }>`
  select s.id, s.workshop_id from workshop_session s join workshop w on w.id = s.workshop_id
  where s.local_date between '2024-10-01' and '2025-09-30' and w.status <> 'cancelled' order by s.id limit 1`.execute(
  db,
);
const { id: sessionId, workshop_id: workshopId } = session.rows[0];
const { rows: people } = await sql<{ id: number }>`
  select id from person where id not in (select person_id from attendance where session_id = ${sessionId})
    and id not in (select person_id from registration where workshop_id = ${workshopId})
  order by id limit ${IMPORT_ROWS}`.execute(db);

/**
 * Without the triggers: dropped inside the transaction, which is rolled back (triggers and rows
 * come back). With them: committed, then the first report is timed; the next step undoes the rows.
 */
async function timed(label: string, withTriggers: boolean, write: (tx: DB) => Promise<void>) {
  await computeReachReport(db, filters, viewer); // facts up to date before the write
  // One connection (SQLite): a plain BEGIN here wraps the writes below.
  await sql`begin immediate`.execute(db);
  if (!withTriggers) for (const name of FACT_TRIGGERS) await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
  const t0 = performance.now();
  await write(db);
  const writeMs = performance.now() - t0;
  if (!withTriggers) {
    await sql`rollback`.execute(db);
    console.log(`${label}, without the facts' triggers: write ${writeMs.toFixed(0)} ms`);
    return;
  }
  await sql`commit`.execute(db);
  const t1 = performance.now();
  await computeReachReport(db, filters, viewer);
  const reportMs = performance.now() - t1;
  console.log(
    `${label}, with the facts' triggers: write ${writeMs.toFixed(0)} ms; first FY 2025 report after it ${reportMs.toFixed(0)} ms`,
  );
}

const importRows = async (tx: DB) => {
  for (const person of people) {
    await tx
      .selectFrom("attendance")
      .select("id")
      .where("session_id", "=", sessionId)
      .where("person_id", "=", person.id)
      .executeTakeFirst();
    await tx
      .insertInto("attendance")
      .values({
        session_id: sessionId,
        person_id: person.id,
        status: null,
        minutes_online: 45,
        source: "import",
        recorded_at: now,
      })
      .execute();
  }
};
const undoImport = async (tx: DB) => {
  await tx
    .deleteFrom("attendance")
    .where("session_id", "=", sessionId)
    .where(
      "person_id",
      "in",
      people.map((p) => p.id),
    )
    .execute();
};
const registrations = async (tx: DB) => {
  for (const person of people.slice(0, REGISTRATIONS)) {
    await tx
      .insertInto("registration")
      .values({
        workshop_id: workshopId,
        person_id: person.id,
        status: "registered",
        method: "self",
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
};
const unregister = async (tx: DB) => {
  await tx
    .deleteFrom("registration")
    .where("workshop_id", "=", workshopId)
    .where(
      "person_id",
      "in",
      people.slice(0, REGISTRATIONS).map((p) => p.id),
    )
    .execute();
};

await timed(`${IMPORT_ROWS}-row attendance import`, false, importRows);
await timed(`${IMPORT_ROWS}-row attendance import`, true, importRows);
await timed("its undo", true, undoImport);
await timed(`${REGISTRATIONS} registrations one by one`, false, registrations);
await timed(`${REGISTRATIONS} registrations one by one`, true, registrations);
await timed("their removal", true, unregister);
console.log(`Measured with ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}.`);
await db.destroy();
