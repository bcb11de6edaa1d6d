import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPerson } from "../../app/models/person.server";
import { createDatabase, getDb } from "../../app/utils/db.server";
import { ROOT } from "../support/paths";

const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** The demo database in a SQLite file, made by the project's own scripts. */
function demoSqliteFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "minka-copy-")), "minka.db");
  const env = { ...process.env, DATABASE_URL: file };
  for (const script of ["scripts/migrate.ts", "scripts/seed.ts"]) execFileSync(TSX, [script], { cwd: ROOT, env });
  return file;
}

function dbCopy(from: string, to: string) {
  return spawnSync(TSX, ["scripts/db-copy.ts", "--from", from, "--to", to], { cwd: ROOT, encoding: "utf8" });
}

describe("npm run db:copy", () => {
  it("copies the demo database into an empty PostgreSQL one, ids and sequences kept, and refuses a second time", async () => {
    const from = demoSqliteFile();
    const to = process.env.DATABASE_URL!;
    const run = dbCopy(from, to);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/row counts equal on both/);
    expect(run.stdout).toMatch(/Reach report equal on both/);

    const pg = await getDb();
    const sqlite = await createDatabase(from);
    try {
      const people = (db: typeof pg) => db.selectFrom("person").select(["id", "full_name"]).orderBy("id").execute();
      const copied = await people(pg);
      expect(copied).toEqual(await people(sqlite));
      expect(copied.length).toBeGreaterThan(900);
      // The sequence continues after the copied ids: no clash with the next person created.
      const next = await createPerson(pg, { fullName: "Persona Nueva Tras Copia", consent: { method: "self" } });
      expect(next).toBe(copied.at(-1)!.id + 1);
    } finally {
      await sqlite.destroy();
    }

    const again = dbCopy(from, to);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Refused: The target is not empty/);
  }, 180_000);
});
