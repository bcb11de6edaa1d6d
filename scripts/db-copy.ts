/**
 * `npm run db:copy -- --to postgres://… [--from ./data/minka.db]`: copies a SQLite database
 * (default DATABASE_URL, else ./data/minka.db) into an empty PostgreSQL database, ids and
 * sequences kept, then checks that both hold the same rows and give the same reach report.
 * Refuses a target that holds any row. Stop the server first, or writes made meanwhile are lost.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import type { ReachFilters } from "../app/domain/reach-filters";
import { computeReachReport } from "../app/models/reach.server";
import { createDatabase, DEFAULT_DATABASE_URL, isPostgresUrl, type DB } from "../app/utils/db.server";
import { copySqliteToPostgres, CopyRefused, countRows } from "../db/copy";

/** The reach report over the life of the project and each fiscal year with data, as a manager sees it. */
async function reachReports(db: DB, years: number[]): Promise<string> {
  const filters = (period: ReachFilters["period"]): ReachFilters => ({
    period,
    country: null,
    workshopId: null,
    facilitatorId: null,
    courseId: null,
    countEnrolments: true,
  });
  const viewer = { accountId: 0, seesAll: true };
  const reports = [await computeReachReport(db, filters({ kind: "all" }), viewer)];
  for (const year of years) reports.push(await computeReachReport(db, filters({ kind: "fy", year }), viewer));
  return JSON.stringify(reports);
}

async function fiscalYears(db: DB): Promise<number[]> {
  const row = await db
    .selectFrom("workshop_session")
    .select((eb) => [eb.fn.min("starts_at").as("first"), eb.fn.max("starts_at").as("last")])
    .executeTakeFirst();
  if (!row?.first || !row.last) return [];
  // A US fiscal year ends on 30 September: October starts the next one.
  const fy = (iso: string) => Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) >= 10 ? 1 : 0);
  const years = [];
  for (let y = fy(String(row.first)); y <= fy(String(row.last)); y++) years.push(y);
  return years;
}

export async function copyAndVerify(from: string, to: string, log = console.log): Promise<void> {
  if (isPostgresUrl(from)) throw new CopyRefused("--from must be a SQLite file.");
  if (!isPostgresUrl(to)) throw new CopyRefused("--to must be a postgres:// URL.");
  const source = await createDatabase(from);
  const target = await createDatabase(to);
  try {
    const summary = await copySqliteToPostgres(source as Kysely<any>, target as Kysely<any>);
    const mismatched = [];
    for (const table of summary.tables) {
      const [a, b] = [await countRows(source, table.name), await countRows(target, table.name)];
      if (a !== b) mismatched.push(`${table.name}: ${a} in SQLite, ${b} in PostgreSQL`);
    }
    if (mismatched.length) throw new Error(`Row counts differ after the copy: ${mismatched.join("; ")}`);
    const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
    log(`Copied ${rows} rows in ${summary.tables.length} tables; row counts equal on both.`);
    const years = await fiscalYears(source);
    if ((await reachReports(source, years)) !== (await reachReports(target, years)))
      throw new Error("The reach report differs between SQLite and PostgreSQL after the copy.");
    log(`Reach report equal on both (life of project${years.length ? `, FY ${years[0]}–${years.at(-1)}` : ""}).`);
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  const from = values.from ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!values.to) {
    console.error("Usage: npm run db:copy -- --to postgres://user@host/database [--from ./data/minka.db]");
    process.exit(2);
  }
  try {
    await copyAndVerify(from, values.to);
  } catch (error) {
    console.error(error instanceof CopyRefused ? `Refused: ${error.message}` : error);
    process.exitCode = 1;
  }
}
