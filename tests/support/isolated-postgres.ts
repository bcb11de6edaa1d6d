import crypto from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import pg from "pg";

/**
 * Every PostgreSQL test file gets its own fresh database, migrated by the same
 * migrations as SQLite; the app's `getDb()` then talks to it through DATABASE_URL.
 */
const admin = inject("postgresUrl");
const name = `minka_${crypto.randomUUID().replace(/-/g, "")}`;
process.env.DATABASE_URL = admin.replace(/\/[^/]+$/, `/${name}`);

beforeAll(async () => {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const { getDb } = await import("../../app/utils/db.server");
  const { migrateToLatest } = await import("../../db/migrate");
  await migrateToLatest(await getDb());
});

afterAll(async () => {
  const { closeDb } = await import("../../app/utils/db.server");
  await closeDb();
});
