import crypto from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import pg from "pg";
import { startPostgresCluster } from "../support/postgres-cluster";
import { startTestServer, type TestServer } from "../support/server";
import { startMailCatcher, type MailCatcher } from "../support/smtp";
import { prepareCrowd, scaleOutCases, type Crowd } from "../support/scale-out";

let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
let servers: TestServer[] = [];
let mail: MailCatcher;
let crowd: Crowd;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const name = `minka_${crypto.randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  process.env.DATABASE_URL = cluster.url(name);
  const { getDb } = await import("../../app/utils/db.server");
  const { migrateToLatest } = await import("../../db/migrate");
  await migrateToLatest(await getDb());
  crowd = await prepareCrowd();
  mail = await startMailCatcher();
  const env = { SMTP_URL: mail.url, OUTBOX_INTERVAL_MS: "200" };
  servers = await Promise.all([1, 2].map(() => startTestServer({ sharedDatabase: cluster.url(name), env })));
  // Two servers starting at once on a loaded 2-core machine: well past the 2-minute default.
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await mail?.stop();
  const { closeDb } = await import("../../app/utils/db.server");
  await closeDb();
  cluster?.stop();
});

describe("two processes on one PostgreSQL database", () => {
  scaleOutCases(() => ({ servers, crowd, mail }));
});
