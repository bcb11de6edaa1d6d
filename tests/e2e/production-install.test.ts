import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, TEST_TMP } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A clean production install: `NODE_ENV=production npm start` on a database file that does not exist yet,
 * then `npm run admin:create` as an operator runs it from a script (no terminal, so it prints a link).
 */
const databaseFile = path.join(TEST_TMP, `production-${crypto.randomUUID()}.db`);
let server: TestServer;

/**
 * Runs the command without blocking this process (spawnSync would freeze fetch's keep-alive sockets,
 * which the server closes meanwhile). stdin is not a terminal, as in a provisioning script.
 */
function adminCreate(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseFile, APP_URL: server.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const count = (table: string) => server.query<{ n: number }>(`select count(*) as n from ${table}`)[0].n;

beforeAll(async () => {
  expect(fs.existsSync(databaseFile)).toBe(false);
  server = await startTestServer({ reuseDatabase: databaseFile, script: "scripts/start.ts" });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe("a clean production install", () => {
  it("npm start migrates an empty database and creates no demo data", async () => {
    expect(count("kysely_migration")).toBeGreaterThan(0);
    for (const table of ["person", "account", "workshop", "registration", "attendance", "enrolment", "audit_log"])
      expect(count(table), table).toBe(0);
    const home = await fetch(server.url + "/");
    expect(home.status).toBe(200);
    const login = await fetch(server.url + "/login", {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ identifier: "admin@minka.test", password: "minka-demo-2026" }),
    });
    expect(login.headers.get("Set-Cookie")).toBeNull();
  });

  it(
    "admin:create without a terminal prints a 24-hour single-use link that sets the password; a second admin needs --force",
    { timeout: 240_000 },
    async () => {
      const first = await adminCreate("--email", " Jefa@Cooperativa.example ", "--name", "Rosa Quispe");
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      const link = new RegExp(`${server.url}/reset-password\\?token=([a-z2-7]{32})\\n`).exec(first.stdout);
      expect(link, first.stdout).not.toBeNull();
      const token = link![1];

      const [admin] = server.query<{ id: number; role: string; full_name: string; email: string }>(
        "select account.id, account.role, account.email, person.full_name from account join person on person.id = account.person_id",
      );
      expect(admin).toMatchObject({ role: "admin", email: "jefa@cooperativa.example", full_name: "Rosa Quispe" });
      const [reset] = server.query<{ created_at: string; expires_at: string }>(
        "select created_at, expires_at from password_reset where account_id = ? and used_at is null",
        admin.id,
      );
      expect(Date.parse(reset.expires_at) - Date.parse(reset.created_at)).toBe(24 * 60 * 60 * 1000);
      expect(server.query("select action, subject_id from audit_log")).toEqual([
        { action: "account.admin_created", subject_id: admin.id },
      ]);

      // Nobody can log in before the link is used.
      const early = await fetch(server.url + "/login", {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ identifier: "jefa@cooperativa.example", password: "" }),
      });
      expect(early.headers.get("Set-Cookie")).toBeNull();

      const page = await fetch(`${server.url}/reset-password?token=${token}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`name="token" value="${token}"`);
      const set = await fetch(`${server.url}/reset-password?token=${token}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ token, password: "una clave larga 2026" }),
      });
      expect(set.status).toBe(302);
      const cookie = set.headers.get("Set-Cookie")!.split(";")[0];
      const accounts = await fetch(server.url + "/admin/accounts", { headers: { Cookie: cookie } });
      expect(accounts.status).toBe(200);

      // Single use: the same link cannot set a password again.
      const again = await fetch(`${server.url}/reset-password?token=${token}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ token, password: "otra clave larga 2026" }),
      });
      expect(again.status).not.toBe(302);
      expect(again.headers.get("Set-Cookie")).toBeNull();
      const login = await fetch(server.url + "/login", {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ identifier: "jefa@cooperativa.example", password: "una clave larga 2026" }),
      });
      expect(login.status).toBe(302);
      expect(login.headers.get("Set-Cookie")).toMatch(/^minka_session=/);

      const second = await adminCreate("--email", "otra@cooperativa.example");
      expect(second.status).toBe(1);
      expect(second.stdout).toBe("");
      expect(second.stderr).toMatch(/^An admin account already exists; nothing was created\./);
      expect(count("account")).toBe(1);

      const forced = await adminCreate("--email", "otra@cooperativa.example", "--force");
      expect(forced.stderr).toBe("");
      expect(forced.status).toBe(0);
      expect(forced.stdout).toMatch(/\/reset-password\?token=[a-z2-7]{32}\n/);
      expect(server.query("select email from account where role = 'admin' order by id")).toEqual([
        { email: "jefa@cooperativa.example" },
        { email: "otra@cooperativa.example" },
      ]);
      expect(count("audit_log")).toBe(2);
    },
  );

  it(
    "admin:create refuses what is not an e-mail, and a missing one, with a message",
    { timeout: 240_000 },
    async () => {
      const bad = await adminCreate("--email", "jefa-at-cooperativa");
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/is not an e-mail address\. Nothing was created\./);
      const none = await adminCreate();
      expect(none.status).toBe(1);
      expect(none.stderr).toContain("Usage: npm run admin:create -- --email <e-mail>");
    },
  );
});
