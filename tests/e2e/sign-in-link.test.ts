import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, openBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

// Issue #21 item 2: "Enviarme un enlace para entrar" — single use, 15 minutes, no account enumeration.
const APP_URL = "https://cursos.minka.example";
let server: TestServer;

function form(pathname: string, fields: Record<string, string>, cookie?: string) {
  return fetch(server.url + pathname, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

const count = (sql: string, ...args: unknown[]) => server.query<{ n: number }>(sql, ...args)[0].n;

/** The answer's notice or error, without the rest of the page. */
async function answer(response: Response) {
  return /<p[^>]*role="(?:status|alert)"[^>]*>([^<]*)/.exec(await response.text())?.[1];
}

/** The link of the last sign-in e-mail to this address, as written in the e-mail. */
function lastLink(to: string): string {
  const mail = server.query<{ text_body: string }>(
    "select text_body from email_outbox where kind = 'sign_in_link' and to_address = ? order by id desc limit 1",
    to,
  )[0];
  return /https?:\/\/\S+\/login\/link\/[a-z2-7]{32}/.exec(mail.text_body)![0];
}

beforeAll(async () => {
  server = await startTestServer({ env: { APP_URL } });
}, 120_000);
afterAll(() => server.stop());

describe("sign-in link by e-mail", () => {
  it("answers the same for a member, an unknown address and a staff account; only the member gets an e-mail", async () => {
    const answers = [];
    for (const identifier of ["socia@minka.test", "nadie@minka.test", "gestora@minka.test"]) {
      const response = await form("/login/link", { identifier });
      expect(response.status).toBe(200);
      answers.push(await answer(response));
    }
    expect(answers[0]).toContain("Si existe una cuenta con ese correo");
    expect(new Set(answers).size).toBe(1);
    const mails = server.query<{ to_address: string; text_body: string }>(
      "select to_address, text_body from email_outbox where kind = 'sign_in_link'",
    );
    expect(mails.map((m) => m.to_address)).toEqual(["socia@minka.test"]);
    expect(mails[0].text_body).toContain("15 minutos");
    expect(lastLink("socia@minka.test")).toMatch(new RegExp(`^${APP_URL}/login/link/[a-z2-7]{32}$`));
    // Only the hash is stored.
    const token = lastLink("socia@minka.test").split("/").pop()!;
    expect(count("select count(*) as n from sign_in_link where token_hash like ?", `%${token}%`)).toBe(0);
  });

  it("signs a fresh browser in once; the same link a second time gives a plain message and signs nobody in", async () => {
    await form("/login/link", { identifier: "socia@minka.test" });
    const linkPath = new URL(lastLink("socia@minka.test")).pathname;
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      // The two ways in without a password are offered on the login page, and their forms pass axe.
      await page.goto(server.url + "/login");
      await page.getByRole("link", { name: "Enviarme un enlace para entrar" }).click();
      await page.waitForURL(`${server.url}/login/link`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.goto(server.url + "/login");
      await page.getByRole("link", { name: "Entrar con el código de mi tarjeta" }).click();
      await page.waitForURL(`${server.url}/login/code`);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect((await page.goto(server.url + linkPath))?.status()).toBe(200);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Entrar" }).click();
      await page.waitForURL(`${server.url}/`);
      await page.goto(server.url + "/account");
      expect(await page.locator("input[name=fullName]").inputValue()).toBe("Rosa Quispe Mamani");
    } finally {
      await browser.close();
    }
    const sessions = count("select count(*) as n from session");
    const second = await form(linkPath, {});
    expect(second.status).toBe(410);
    expect(second.headers.get("Set-Cookie")).toBeNull();
    expect(await answer(second)).toContain("Este enlace ya se usó o ya venció");
    expect((await fetch(server.url + linkPath)).status).toBe(410);
    expect(count("select count(*) as n from session")).toBe(sessions);
  }, 120_000);

  it("refuses a link after 15 minutes, and an unknown one, without signing in", async () => {
    await form("/login/link", { identifier: "socia@minka.test" });
    const linkPath = new URL(lastLink("socia@minka.test")).pathname;
    const db = new SQLite(server.databaseFile);
    // Requested 15 minutes ago.
    db.prepare("update sign_in_link set expires_at = ? where used_at is null").run(new Date().toISOString());
    db.close();
    const sessions = count("select count(*) as n from session");
    for (const target of [linkPath, `/login/link/${"b".repeat(32)}`, "/login/link/nonsense"]) {
      const page = await fetch(server.url + target);
      expect(page.status).toBe(410);
      const post = await form(target, {});
      expect(post.status).toBe(410);
      expect(post.headers.get("Set-Cookie")).toBeNull();
    }
    expect(count("select count(*) as n from session")).toBe(sessions);
  });

  it("limits requests per address", async () => {
    const db = new SQLite(server.databaseFile);
    db.prepare("delete from rate_limit_window").run();
    db.close();
    for (let i = 0; i < 5; i++) expect((await form("/login/link", { identifier: "otra@minka.test" })).status).toBe(200);
    const limited = await form("/login/link", { identifier: "otra@minka.test" });
    expect(limited.status).toBe(429);
    expect(await answer(limited)).toContain("Espere");
  });
});
