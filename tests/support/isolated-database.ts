import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TEST_TMP } from "./paths";

/**
 * Every integration test file gets its own copy of the migrated database,
 * so files run in parallel without cleanup code.
 */
const file = path.join(TEST_TMP, `it-${crypto.randomUUID()}.db`);
fs.copyFileSync(BASE_DB, file);
process.env.DATABASE_URL = file;

afterAll(async () => {
  const { closeDb } = await import("../../app/utils/db.server");
  await closeDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
