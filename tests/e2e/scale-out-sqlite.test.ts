import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { BASE_DB, TEST_TMP } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";
import { startMailCatcher, type MailCatcher } from "../support/smtp";
import { prepareCrowd, scaleOutCases, type Crowd } from "../support/scale-out";

const file = path.join(TEST_TMP, `scale-out-${crypto.randomUUID()}.db`);
let servers: TestServer[] = [];
let mail: MailCatcher;
let crowd: Crowd;

beforeAll(async () => {
  fs.copyFileSync(BASE_DB, file);
  process.env.DATABASE_URL = file;
  crowd = await prepareCrowd();
  mail = await startMailCatcher();
  const env = { SMTP_URL: mail.url, OUTBOX_INTERVAL_MS: "200" };
  servers = await Promise.all([1, 2].map(() => startTestServer({ sharedDatabase: file, env })));
  // Two servers starting at once on a loaded 2-core machine: well past the 2-minute default.
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await mail?.stop();
  const { closeDb } = await import("../../app/utils/db.server");
  await closeDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

describe("two processes on one SQLite file (WAL, busy_timeout)", () => {
  scaleOutCases(() => ({ servers, crowd, mail }));
});
