import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCertificateCode } from "../../app/domain/certificate";
import { logIn } from "../support/log-in";
import { TEST_TMP } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The main pages, as visitors, members and staff get them, checked by the W3C Nu HTML checker
 * (the real one: vnu-jar on a Java runtime). Warnings are allowed (docs/decisions/030 lists them);
 * errors are not.
 */
const VNU_JAR = String(createRequire(import.meta.url)("vnu-jar"));
// A browser's user agent: browsers get the streamed document, bots and checkers the whole one at once.
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const VALIDATOR = "Validator.nu/LV http://validator.w3.org/services";
/*
 * The checker's JVM, tuned for one short batch: the client compiler only (C1) and the serial
 * collector halved its CPU time here (≈ 10.8 s → 5.3 s for 104 pages, the same messages); C1 code
 * needs a deeper stack than the 512 kB vnu asks for.
 */
const JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"];
/** Pages fetched at once: the server renders one while the test writes another. */
const FETCHES_AT_ONCE = 4;

type Role = "visitor" | "member" | "facilitator" | "manager" | "admin";

let server: TestServer;
let dir: string;
const cookies: Partial<Record<Role, string>> = {};
let pages: Array<[Role, string, number]>;

beforeAll(async () => {
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(TEST_TMP, "valid-html-"));
  const [workshop] = server.query<{ id: number; session: number }>(
    "select w.id, (select min(s.id) from workshop_session s where s.workshop_id = w.id) as session from workshop w join workshop_facilitator f on f.workshop_id = w.id join account a on a.id = f.account_id where a.email = 'facilitadora@minka.test' and w.status = 'published' and exists (select 1 from registration r where r.workshop_id = w.id) order by w.id limit 1",
  );
  const [person] = server.query<{ person_id: number }>(
    "select person_id from registration where workshop_id = ? and status = 'registered' order by person_id limit 1",
    workshop.id,
  );
  // The member's own certificate (the seed gives none).
  const code = newCertificateCode();
  const SQLite = (await import("better-sqlite3")).default;
  const db = new SQLite(server.databaseFile);
  const now = new Date().toISOString();
  db.prepare(
    "insert into certificate (person_id, course_id, code, full_name, course_title, hours, completed_at, issued_at) select a.person_id, c.id, ?, 'Rosa Quispe Mamani', c.title, 2, ?, ? from account a, course c where a.email = 'socia@minka.test' and c.slug = 'que-es-una-cooperativa'",
  ).run(code, now, now);
  // Two QR check-in posters of sessions open now: one for the member to check in, one where they already have.
  const checkIn = (present: boolean) => {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const { id } = db
      .prepare("insert into workshop_session (workshop_id, starts_at, ends_at) values (?, ?, ?) returning id")
      .get(workshop.id, at(-10), at(110)) as { id: number };
    const token = Array.from(crypto.randomBytes(32), (byte) => "abcdefghijklmnopqrstuvwxyz234567"[byte % 32]).join("");
    const hash = crypto.createHash("sha256").update(token).digest("hex");
    db.prepare("insert into checkin_token (session_id, token_hash, created_at) values (?, ?, ?)").run(id, hash, now);
    if (present)
      db.prepare(
        "insert into attendance (session_id, person_id, status, source, recorded_at) select ?, person_id, 'present', 'qr', ? from account where email = 'socia@minka.test'",
      ).run(id, now);
    return `/checkin/${token}`;
  };
  const checkInOpen = checkIn(false);
  const checkInDone = checkIn(true);
  db.close();
  for (const [role, email] of [
    ["member", "socia@minka.test"],
    ["facilitator", "facilitadora@minka.test"],
    ["manager", "gestora@minka.test"],
    ["admin", "admin@minka.test"],
  ] as const)
    cookies[role] = await logIn(server, email);

  const publicPages = [
    "/",
    "/courses",
    "/courses/que-es-una-cooperativa",
    "/courses/finanzas-basicas/costos",
    "/courses/vender-en-linea-seguro/fotos-que-venden",
    "/courses/que-es-una-cooperativa/que-es",
    "/workshops",
    `/workshops/${workshop.id}`,
  ];
  const staffPages = [
    "/staff/workshops",
    `/staff/workshops/${workshop.id}`,
    `/staff/workshops/${workshop.id}/attendance`,
    "/staff/people",
    `/staff/people/${person.person_id}`,
    "/reports",
    "/reports/print",
  ];
  pages = [
    ...publicPages.map((page): [Role, string, number] => ["visitor", page, 200]),
    ["visitor", "/login", 200],
    ["visitor", "/signup", 200],
    ["visitor", "/no-such-page", 404],
    // Ways in without a password (issue #21): the forms, and an unknown card or link.
    ["visitor", "/login/code", 200],
    ["visitor", "/login/link", 200],
    ["visitor", `/card/${"a".repeat(32)}`, 404],
    ["visitor", `/login/link/${"a".repeat(32)}`, 410],
    ...publicPages.map((page): [Role, string, number] => ["member", page, 200]),
    ["member", "/account", 200],
    ["member", "/account/data", 200],
    ["member", "/me/learning", 200],
    ["member", `/certificates/${code}`, 200],
    // QR check-in (docs/decisions/032): the button, the confirmation, a staff account, an unknown code.
    ["member", checkInOpen, 200],
    ["member", `${checkInDone}?done=yes`, 200],
    ["facilitator", checkInOpen, 200],
    ["member", `/checkin/${"a".repeat(32)}`, 404],
    ...staffPages.map((page): [Role, string, number] => ["facilitator", page, 200]),
    ...staffPages.map((page): [Role, string, number] => ["manager", page, 200]),
    // Staff forms: selects, radio groups, file inputs.
    ...[
      "/staff/workshops/new",
      `/staff/workshops/${workshop.id}/edit`,
      `/staff/workshops/${workshop.id}/walk-in`,
      `/staff/workshops/${workshop.id}/sessions/${workshop.session}/roll-call`,
      `/staff/workshops/${workshop.id}/sessions/${workshop.session}/import`,
      "/staff/courses",
      "/staff/courses/que-es-una-cooperativa",
      "/staff/courses/que-es-una-cooperativa/enrol",
      "/staff/people/import",
    ].map((page): [Role, string, number] => ["facilitator", page, 200]),
    ["manager", "/reports/people", 200],
    // A fiscal year of the seed: every chart and table has rows.
    ["manager", "/reports?period=fy-2023", 200],
    ["manager", "/reports/print?period=fy-2023", 200],
    ["visitor", `/certificates/${code}`, 200],
    ["admin", "/admin", 200],
    ["admin", "/admin/accounts", 200],
  ];
}, 120_000);
afterAll(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Saves every page as each user agent gets it, then checks them all in one Java run (its start is slow). */
async function validatorErrors(): Promise<string[]> {
  const files = new Map<string, string>();
  const requests = (
    [
      ["browser", BROWSER],
      ["checker", VALIDATOR],
    ] as const
  ).flatMap(([agent, userAgent]) => pages.map(([role, page, status]) => ({ agent, userAgent, role, page, status })));
  for (const [index, { role, page, agent }] of requests.entries())
    files.set(path.join(dir, `${index}.html`), `${role} ${page} (${agent})`);
  let next = 0;
  const fetchPages = async () => {
    for (let index = next++; index < requests.length; index = next++) {
      const { userAgent, role, page, status } = requests[index];
      const cookie = cookies[role];
      const response = await fetch(server.url + page, {
        headers: { "User-Agent": userAgent, ...(cookie ? { Cookie: cookie } : {}) },
      });
      expect(response.status, `${role} ${page}`).toBe(status);
      fs.writeFileSync(path.join(dir, `${index}.html`), await response.text());
    }
  };
  await Promise.all(Array.from({ length: FETCHES_AT_ONCE }, fetchPages));
  const run = spawnSync(
    "java",
    [...JVM_FLAGS, "-jar", VNU_JAR, "--format", "json", "--stdout", "--exit-zero-always", ...files.keys()],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  const { messages } = JSON.parse(run.stdout) as { messages: VnuMessage[] };
  // A page the checker could not read is a "non-document-error": it counts as a failure too.
  return messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => {
      const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : "?";
      return `${files.get(file) ?? file}:${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` — ${m.extract.trim()}` : ""}`;
    });
}

describe("the main pages", () => {
  it("have no error for the Nu HTML checker, streamed to a browser or sent whole to a checker", async () => {
    expect(await validatorErrors()).toEqual([]);
  }, 300_000);
});
