import fs from "node:fs";
import { BASE_DB, SEEDED_DB, TEST_TMP } from "./paths";

/** Migrates one base database (and a seeded copy) per test run; each test file copies it. */
export default async function setup() {
  fs.mkdirSync(TEST_TMP, { recursive: true });
  if (fs.existsSync(SEEDED_DB) && process.env.MINKA_TEST_DB_READY === "1") return;
  for (const file of [BASE_DB, SEEDED_DB])
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });

  process.env.DATABASE_URL = BASE_DB;
  const { getDb, closeDb } = await import("../../app/utils/db.server");
  const { migrateToLatest } = await import("../../db/migrate");
  await migrateToLatest(await getDb());
  await closeDb();
  fs.copyFileSync(BASE_DB, SEEDED_DB);

  process.env.DATABASE_URL = SEEDED_DB;
  const { seedDemo } = await import("../../db/seed");
  await seedDemo(await getDb());
  await closeDb();
  // Later setups in this process (and their workers) reuse these files.
  process.env.MINKA_TEST_DB_READY = "1";
  delete process.env.DATABASE_URL;
}
