import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ReachFilters } from "../../app/domain/reach-filters";
import { computeReachReport, type ReachViewer } from "../../app/models/reach.server";
import { createDatabase, getDb, isPostgres } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed";
import { ROOT } from "../support/paths";

/** The same demo data in a SQLite file, made by the project's own scripts (the models' factories use the global database). */
function seededSqliteFile(dir: string): string {
  const file = path.join(dir, "minka.db");
  const env = { ...process.env, DATABASE_URL: file };
  for (const script of ["scripts/migrate.ts", "scripts/seed.ts"])
    execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [script], { cwd: ROOT, env, stdio: "pipe" });
  return file;
}

const everything = (year: number): ReachFilters => ({
  period: { kind: "fy", year },
  country: null,
  workshopId: null,
  facilitatorId: null,
  courseId: null,
  countEnrolments: true,
});

describe("the reach report on PostgreSQL", () => {
  it("counts the demo story exactly as SQLite does, table by table", async () => {
    const pg = await getDb();
    expect(isPostgres(pg)).toBe(true);
    await seedDemo(pg);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-reach-sqlite-"));
    const sqlite = await createDatabase(seededSqliteFile(dir));
    try {
      const facilitator = await pg
        .selectFrom("account")
        .select("id")
        .where("email", "=", "facilitadora@minka.test")
        .executeTakeFirstOrThrow();
      const viewers: ReachViewer[] = [
        { accountId: 0, seesAll: true },
        { accountId: facilitator.id, seesAll: false },
      ];
      for (const viewer of viewers) {
        for (const filters of [
          everything(2023),
          everything(2024),
          { ...everything(2023), period: { kind: "all" } } as ReachFilters,
        ]) {
          const onPostgres = await computeReachReport(pg, filters, viewer);
          expect(onPostgres).toEqual(await computeReachReport(sqlite, filters, viewer));
        }
      }
      const fy2023 = await computeReachReport(pg, everything(2023), viewers[0]);
      expect(fy2023.headline).toMatchObject({ workshops: 6, uniqueIndividuals: 910 });
      expect((await computeReachReport(pg, everything(2023), viewers[1])).headline.workshops).toBe(3);
    } finally {
      await sqlite.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // two migrate-and-seed runs in child processes: over 30 s on a loaded 2-core machine
});
