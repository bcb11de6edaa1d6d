/**
 * `npm run bench:reach`: builds a temporary SQLite file with 100,000 persons, 2,000 workshops
 * (about 6,000 sessions over five fiscal years), 1,000,000 attendance rows, their registrations
 * and 50,000 course enrolments (bulk inserts), then times, for fiscal year 2025:
 *   - the full reach report (computeReachReport: everything /reports shows), the first one after
 *     a write (on SQLite from the reach facts kept per fiscal year, docs/decisions/025; counted
 *     afresh on PostgreSQL), the first one after a roll-call mark changed, and one with the data
 *     unchanged (served again, docs/decisions/017),
 *   - once, the report counted afresh from the ledger (countAfresh: what other periods and filters
 *     cost), which must equal the served one figure for figure,
 *   - one hand-written SQL query for the unique count on the same database,
 * as the median of several runs each, and prints them, their ratio and ✓/✗ against the goals
 * (≤ 2× the hand-written query, < 500 ms). Then the same on PostgreSQL (a throwaway cluster, the
 * same rows copied) when its server binaries are installed (BENCH_REACH_PG=0 skips it).
 * Exits 1 if the report and the hand-written query disagree on the unique count, or the served
 * report and the fresh count differ. A script, not a
 * test: timings are noisy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { localDate } from "../../app/utils/dates";
import { createDatabase, openSqlite, toNumber } from "../../app/utils/db.server";
import { refreshLocalDates } from "../../app/models/local-dates.server";
import { refreshReachFacts } from "../../app/models/reach-facts.server";
import { countLikelyDuplicates } from "../../app/models/person-ledger.server";
import { computeReachReport, countAfresh } from "../../app/models/reach.server";
import { fiscalYearRange } from "../../app/domain/reach-filters";
import { migrateToLatest } from "../../db/migrate";
import { seededRandom } from "../../db/seeded-random";
import { findPostgresBin, startPostgresCluster } from "../../tests/support/postgres-cluster";

const PERSONS = 100_000;
const WORKSHOPS = 2_000;
const ATTENDANCE = 1_000_000;
const ENROLMENTS = 50_000;
const COURSES = 5;
const RUNS = 5;
const FISCAL_YEAR = 2025;
const GOAL_RATIO = 2;
const GOAL_MS = 500;
const mark = (ok: boolean) => (ok ? "✓" : "✗");

const random = seededRandom(42);
const int = (max: number) => Math.floor(random() * max);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-bench-reach-"));
// BENCH_REACH_DB=path keeps the generated database there and reuses it on the next run.
const kept = process.env.BENCH_REACH_DB;
const file = kept ?? path.join(dir, "bench.db");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

try {
  if (!kept || !fs.existsSync(kept)) await generate();
  await measure();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

async function generate() {
  const migrating = await createDatabase(file);
  await migrateToLatest(migrating);
  await migrating.destroy();

  // ── Generate with raw prepared statements in big transactions (this part is not measured) ──
  const started = performance.now();
  const raw = openSqlite(file);
  const now = new Date().toISOString();
  const countries = ["PE", "PE", "PE", "GT", "SV", "DO", "HN", null];
  const sexes = ["female", "female", "male", "male", "other", "not_stated"];
  raw.transaction(() => {
    const person = raw.prepare(
      "insert into person (full_name, name_key, email, phone, sex, birth_year, country, region, cooperative, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (let i = 1; i <= PERSONS; i++) {
      const country = countries[int(countries.length)];
      person.run(
        `Persona ${i} Apellido ${i % 977}`,
        `${i % 977} apellido persona ${i}`,
        random() < 0.3 ? `p${i}@correo.example` : null,
        random() < 0.4 ? `+519${String(10_000_000 + i).slice(-8)}` : null,
        sexes[int(sexes.length)],
        random() < 0.1 ? null : 1940 + int(70),
        country,
        country ? `Región ${int(6)}` : null,
        random() < 0.2 ? null : `Cooperativa ${int(300)}`,
        now,
      );
    }
    const account = raw.prepare(
      "insert into account (person_id, email, password_hash, role, updated_at) values (?, ?, 'x', 'facilitator', ?)",
    );
    for (let f = 1; f <= 50; f++) account.run(f, `facilitador${f}@minka.test`, now);
    const course = raw.prepare(
      "insert into course (slug, title, published, created_at, updated_at) values (?, ?, 1, ?, ?)",
    );
    for (let c = 1; c <= COURSES; c++) course.run(`curso-${c}`, `Curso ${c}`, now, now);
  })();

  // Sessions spread over FY 2022–FY 2026; each workshop has 1–5 sessions a week apart.
  const sessions: Array<{ id: number; workshop: number; pool: number[] }> = [];
  raw.transaction(() => {
    const workshop = raw.prepare(
      "insert into workshop (title, modality, country, region, timezone, status, attendance_min_minutes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const facilitator = raw.prepare("insert into workshop_facilitator (workshop_id, account_id) values (?, ?)");
    const session = raw.prepare("insert into workshop_session (workshop_id, starts_at, ends_at) values (?, ?, ?)");
    const start = Date.parse("2021-10-01T15:00:00.000Z");
    const span = Date.parse("2026-09-20T15:00:00.000Z") - start;
    for (let w = 1; w <= WORKSHOPS; w++) {
      const modality = ["online", "in_person", "hybrid"][int(3)];
      const country = countries[int(countries.length - 1)];
      const zone =
        country === "GT" || country === "SV" || country === "HN"
          ? "America/Guatemala"
          : country === "DO"
            ? "America/Santo_Domingo"
            : "America/Lima";
      const { lastInsertRowid } = workshop.run(
        `Taller ${w}`,
        modality,
        country,
        `Región ${int(6)}`,
        zone,
        random() < 0.02 ? "cancelled" : "published",
        30,
        now,
        now,
      );
      const id = Number(lastInsertRowid);
      facilitator.run(id, 1 + int(50));
      const first = start + int(span);
      const pool = Array.from({ length: 220 }, () => 1 + int(PERSONS));
      for (let s = 0, count = 1 + int(5); s < count; s++) {
        const at = first + s * 7 * 86_400_000;
        const row = session.run(id, new Date(at).toISOString(), new Date(at + 2 * 3_600_000).toISOString());
        sessions.push({ id: Number(row.lastInsertRowid), workshop: id, pool });
      }
    }
  })();

  raw.transaction(() => {
    const attendance = raw.prepare(
      "insert or ignore into attendance (session_id, person_id, status, minutes_online, source, recorded_at) values (?, ?, ?, ?, ?, ?)",
    );
    const registration = raw.prepare(
      "insert or ignore into registration (workshop_id, person_id, status, method, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
    );
    const perSession = Math.ceil(ATTENDANCE / sessions.length);
    let written = 0;
    for (const s of sessions) {
      for (let k = 0; k < perSession && written < ATTENDANCE; k++) {
        // Mostly people from the workshop's pool (they come back), some from anywhere (walk-ins).
        const person = random() < 0.85 ? s.pool[int(s.pool.length)] : 1 + int(PERSONS);
        const roll = random();
        const online = roll < 0.45;
        const status = online
          ? null
          : roll < 0.85
            ? "present"
            : roll < 0.9
              ? "late"
              : roll < 0.95
                ? "absent"
                : "excused";
        const changes = attendance.run(
          s.id,
          person,
          status,
          online ? int(120) : null,
          online ? "import" : "roll_call",
          now,
        ).changes;
        if (changes) written++;
        else k--; // the same person twice in a session: draw again
      }
    }
    for (const s of sessions) {
      for (const person of s.pool) {
        const roll = random();
        registration.run(
          s.workshop,
          person,
          roll < 0.9 ? "registered" : roll < 0.95 ? "waitlisted" : "cancelled",
          roll < 0.1 ? "walk_in" : "self",
          now,
          now,
        );
      }
    }
    const enrolment = raw.prepare(
      "insert or ignore into enrolment (person_id, course_id, method, enrolled_at, completed_at) values (?, ?, 'self', ?, ?)",
    );
    const start = Date.parse("2021-10-01T15:00:00.000Z");
    for (let e = 0; e < ENROLMENTS; e++) {
      const enrolled = start + int(5 * 365) * 86_400_000;
      enrolment.run(
        1 + int(PERSONS),
        1 + int(COURSES),
        new Date(enrolled).toISOString(),
        random() < 0.4 ? new Date(enrolled + int(90) * 86_400_000).toISOString() : null,
      );
    }
  })();
  const counts = raw
    .prepare(
      "select (select count(*) from person) p, (select count(*) from workshop) w, (select count(*) from workshop_session) s, (select count(*) from attendance) a, (select count(*) from registration) r, (select count(*) from enrolment) e",
    )
    .get() as Record<string, number>;
  raw.close();
  console.log(
    `Generated ${counts.p} persons, ${counts.w} workshops, ${counts.s} sessions, ${counts.a} attendance rows, ${counts.r} registrations, ${counts.e} enrolments in ${seconds(performance.now() - started)}.`,
  );
}

interface Figures {
  reportColdMs: number;
  reportWarmMs: number;
  baselineMs: number;
}

async function measure() {
  const db = await createDatabase(file);
  await migrateToLatest(db); // a kept database may predate the newest migrations
  const t = performance.now();
  const refreshed = await refreshLocalDates(db);
  console.log(
    `Local dates computed for ${refreshed.sessions} sessions and ${refreshed.enrolments} enrolments in ${seconds(performance.now() - t)} (once, on write).`,
  );
  const factsStarted = performance.now();
  const facts = await refreshReachFacts(db);
  console.log(
    `Reach facts (docs/decisions/025) brought up to date for ${facts.persons} persons and ${facts.workshops} workshops in ${seconds(performance.now() - factsStarted)} (the whole ledger once after the migration; later, only what a write touched).`,
  );
  await measureOn(db, "SQLite");
  const started = performance.now();
  const duplicates = await countLikelyDuplicates(db);
  const duplicatesMs = performance.now() - started;
  console.log(
    `Likely duplicates panel (whole ledger, not part of the ratio): ${duplicates} pairs in ${duplicatesMs.toFixed(0)} ms`,
  );
  await db.destroy();

  if (process.env.BENCH_REACH_PG !== "0" && findPostgresBin()) {
    const cluster = await startPostgresCluster();
    try {
      const admin = await createDatabase(cluster.url("postgres"));
      await sql`create database bench`.execute(admin);
      await admin.destroy();
      const pg = await createDatabase(cluster.url("bench"));
      await migrateToLatest(pg);
      await copyToPostgres(pg);
      await measureOn(pg, "PostgreSQL");
      await pg.destroy();
    } finally {
      cluster.stop();
    }
  } else {
    console.log("PostgreSQL: server binaries not found (or BENCH_REACH_PG=0): not measured.");
  }
  console.log(
    `Measured on ${localDate(new Date().toISOString())}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}.`,
  );
}

/** The same ledger, row for row, in PostgreSQL (ids kept), then ANALYZE so the planner knows the sizes. */
async function copyToPostgres(pg: Awaited<ReturnType<typeof createDatabase>>) {
  const started = performance.now();
  const raw = openSqlite(file);
  const tables = [
    "person",
    "account",
    "course",
    "workshop",
    "workshop_facilitator",
    "workshop_session",
    "registration",
    "attendance",
    "enrolment",
  ] as const;
  for (const table of tables) {
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length)
        await pg
          .insertInto(table)
          .values(batch as never)
          .execute();
      batch = [];
    };
    for (const row of raw.prepare(`select * from ${table}`).iterate() as Iterable<Record<string, unknown>>) {
      batch.push(row);
      if (batch.length === 2_000) await flush();
    }
    await flush();
  }
  raw.close();
  await sql`analyze`.execute(pg);
  console.log(`Copied to PostgreSQL in ${seconds(performance.now() - started)}.`);
}

async function measureOn(db: Awaited<ReturnType<typeof createDatabase>>, engine: string): Promise<Figures> {
  const { from, to } = fiscalYearRange(FISCAL_YEAR);
  const filters = {
    period: { kind: "fy", year: FISCAL_YEAR } as const,
    country: null,
    workshopId: null,
    facilitatorId: null,
    courseId: null,
    countEnrolments: false,
  };
  const viewer = { accountId: 1, seesAll: true };

  // The baseline: what someone would write by hand for "unique individuals reached in FY 2025".
  const handWritten = () =>
    sql<{ n: number | string }>`
      select count(*) as n from (
        select a.person_id from attendance a
          join workshop_session s on s.id = a.session_id
          join workshop w on w.id = s.workshop_id
        where s.local_date between ${from} and ${to} and w.status <> 'cancelled'
          and (a.status in ('present', 'late') or a.minutes_online >= w.attendance_min_minutes)
        union
        select e.person_id from enrolment e where e.completed_local_date between ${from} and ${to}
      ) reached`.execute(db);
  // A write the report does not count but that moves the data version: the next report is not
  // served again (docs/decisions/017); on SQLite the person's reach facts are recomputed (025).
  let touches = 0;
  const afterAWrite = async () => {
    await db
      .updateTable("person")
      .set({ updated_at: new Date(Date.UTC(2026, 0, 1) + ++touches).toISOString() })
      .where("id", "=", 1)
      .execute();
    const t0 = performance.now();
    await computeReachReport(db, filters, viewer);
    return performance.now() - t0;
  };
  // A roll-call mark of the year turned absent and back: a write that changes the figures, so the
  // person and the workshop (with everyone who came to it) are recomputed.
  const marked = await sql<{ id: number; status: string | null }>`
    select a.id, a.status from attendance a join workshop_session s on s.id = a.session_id
    where s.local_date between ${from} and ${to} and a.status = 'present' order by a.id limit 1`.execute(db);
  const markedRow = marked.rows[0];
  let flips = 0;
  const afterAMark = async () => {
    await db
      .updateTable("attendance")
      .set({ status: ++flips % 2 ? "absent" : "present" })
      .where("id", "=", markedRow.id)
      .execute();
    const t0 = performance.now();
    await computeReachReport(db, filters, viewer);
    return performance.now() - t0;
  };

  const median = async (run: () => Promise<unknown>) => {
    await run(); // warm the page cache
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  };
  const medianOf = async (run: () => Promise<number>) => {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await run());
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  };

  const report = await computeReachReport(db, filters, viewer);
  const baseline = toNumber((await handWritten()).rows[0].n);
  const reportColdMs = await medianOf(afterAWrite);
  const reportAfterMarkMs = await medianOf(afterAMark);
  await db.updateTable("attendance").set({ status: "present" }).where("id", "=", markedRow.id).execute();
  const reportWarmMs = await median(() => computeReachReport(db, filters, viewer));
  const baselineMs = await median(handWritten);

  console.log(
    `${engine}, FY ${FISCAL_YEAR} (${from} – ${to}, local dates): ${report.headline.uniqueIndividuals} unique individuals, ${report.headline.workshops} workshops, ${report.headline.participations} participations.`,
  );
  console.log(`  Hand-written unique-count query, median of ${RUNS}: ${baselineMs.toFixed(0)} ms`);
  const line = (label: string, ms: number) =>
    console.log(
      `  ${label}, median of ${RUNS}: ${ms.toFixed(0)} ms ${mark(ms < GOAL_MS)} (< ${GOAL_MS} ms); ratio ${(ms / baselineMs).toFixed(2)} ${mark(ms / baselineMs <= GOAL_RATIO)} (≤ ${GOAL_RATIO})`,
    );
  line("Full report, first after a write (counted afresh, or from facts on SQLite)", reportColdMs);
  line("Full report, first after a roll-call mark changed", reportAfterMarkMs);
  line("Full report, data unchanged since the last one", reportWarmMs);
  const t0 = performance.now();
  const fresh = await countAfresh(db, filters, viewer);
  const freshMs = performance.now() - t0;
  const same = JSON.stringify(fresh) === JSON.stringify(await computeReachReport(db, filters, viewer));
  console.log(
    `  Counted afresh from the ledger (countAfresh), once: ${freshMs.toFixed(0)} ms; the same figures as served: ${same ? "yes ✓" : "NO ✗"}`,
  );
  if (!same) process.exitCode = 1;
  if (report.headline.uniqueIndividuals !== baseline) {
    console.error(
      `${engine}: the report (${report.headline.uniqueIndividuals}) and the hand-written query (${baseline}) disagree.`,
    );
    process.exitCode = 1;
  }
  return { reportColdMs, reportWarmMs, baselineMs };
}
