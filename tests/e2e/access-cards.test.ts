import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, logInThroughForm, openBrowser } from "../support/browser";
import { logIn } from "../support/log-in";
import { readQrFromPdf } from "../support/pdf-qr";
import { startTestServer, type TestServer } from "../support/server";

// Issue #21 item 1: access cards. The QR and the printed address name APP_URL, never the request's Host.
const APP_URL = "https://cursos.minka.example";
const SOCIA_PHONE = "+51987654321";
let server: TestServer;
let socia: { accountId: number; personId: number };
let facilitator: string;

/** The first two cards of a sheet (2 columns × 4 rows on A4, 28 pt margins), as fractions of the page. */
const CARD_AREAS = [
  { left: 0.04, top: 0.03, width: 0.46, height: 0.24 },
  { left: 0.5, top: 0.03, width: 0.46, height: 0.24 },
];

function write(sql: string, ...args: unknown[]) {
  const db = new SQLite(server.databaseFile);
  try {
    return db.prepare(sql).run(...args);
  } finally {
    db.close();
  }
}

const count = (sql: string, ...args: unknown[]) => server.query<{ n: number }>(sql, ...args)[0].n;

function form(pathname: string, fields: Record<string, string>, cookie?: string) {
  return fetch(server.url + pathname, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Connection: "close",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

function get(pathname: string, cookie?: string) {
  return fetch(server.url + pathname, {
    redirect: "manual",
    headers: { Connection: "close", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** A facilitator prints a sheet of cards for the member; returns the PDF and each card's URL and code. */
async function printCards(copies: number) {
  const response = await form(`/staff/people/${socia.personId}/access-card`, { copies: String(copies) }, facilitator);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  expect(response.headers.get("Content-Disposition")).toContain(`minka-tarjetas-acceso-${socia.personId}-`);
  const pdf = new Uint8Array(await response.arrayBuffer());
  const urls = CARD_AREAS.slice(0, copies).map((area) => readQrFromPdf(pdf, { area }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-card-"));
  fs.writeFileSync(path.join(dir, "cards.pdf"), pdf);
  const text = execFileSync("pdftotext", ["-layout", path.join(dir, "cards.pdf"), "-"]).toString();
  fs.rmSync(dir, { recursive: true, force: true });
  // Rendering blocked this process for seconds: let the HTTP client see any connection the server
  // closed meanwhile (keep-alive), so the next request does not go out on a dead socket.
  await new Promise((resolve) => setImmediate(resolve));
  const codes = [...text.matchAll(/\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/g)].map((m) => m[1]);
  return { pdf, text, urls: urls as string[], codes };
}

const sessionsOfCard = (cardId: number) => count("select count(*) as n from session where access_card_id = ?", cardId);
const cardIdOf = () =>
  server.query<{ id: number }>(
    "select id from access_card where account_id = ? order by id desc limit 1",
    socia.accountId,
  )[0].id;

beforeAll(async () => {
  server = await startTestServer({ env: { APP_URL } });
  const row = server.query<{ accountId: number; personId: number }>(
    "select id as accountId, person_id as personId from account where email = 'socia@minka.test'",
  )[0];
  socia = row;
  write("update person set phone = ? where id = ?", SOCIA_PHONE, socia.personId);
  facilitator = await logIn(server, "facilitadora@minka.test");
}, 120_000);
afterAll(() => server.stop());

describe("access cards", () => {
  it("a facilitator prints cards whose QR signs a fresh browser in as the member; revoking the card signs that device out", async () => {
    const { urls, text, codes } = await printCards(2);
    for (const url of urls) expect(url).toMatch(new RegExp(`^${APP_URL}/card/[a-z2-7]{32}$`));
    expect(urls[0]).not.toBe(urls[1]);
    expect(codes).toHaveLength(2);
    // The card says what to do if it is lost, and where to type the code without a camera.
    expect(text).toContain("Si pierde esta tarjeta");
    expect(text).toContain(`${APP_URL}/login/code`);
    expect(text).toContain("Rosa Quispe Mamani");
    // Only hashes are stored; issuing is audited.
    const tokens = urls.map((url) => url.split("/").pop()!);
    const stored = server.query<{ token_hash: string; code_hash: string }>(
      "select token_hash, code_hash from access_card where account_id = ?",
      socia.accountId,
    );
    expect(stored).toHaveLength(2);
    for (const card of stored) {
      expect(card.token_hash).toMatch(/^[0-9a-f]{64}$/);
      for (const token of tokens) expect(card.token_hash).not.toContain(token);
    }
    expect(
      count(
        "select count(*) as n from audit_log where action = 'access_card.issued' and subject_id = ?",
        socia.accountId,
      ),
    ).toBe(2);

    const browser = await openBrowser();
    try {
      const { page } = browser;
      const response = await page.goto(server.url + new URL(urls[0]).pathname);
      expect(response?.status()).toBe(200);
      // Opening the address signs nobody in: a scanner or preview only sees the question.
      expect(count("select count(*) as n from session where account_id = ?", socia.accountId)).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Entrar como Rosa" }).click();
      await page.waitForURL(`${server.url}/`);
      await page.goto(server.url + "/account");
      await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${server.url}/account`);
      expect(await page.getByRole("heading", { name: "Tarjetas de acceso y celulares" }).count()).toBe(1);
      expect(await page.locator("input[name=fullName]").inputValue()).toBe("Rosa Quispe Mamani");
      expect(await accessibilityViolations(page)).toEqual([]);

      const cardId = server.query<{ access_card_id: number }>(
        "select access_card_id from session where account_id = ? and access_card_id is not null",
        socia.accountId,
      )[0].access_card_id;
      expect(
        count(
          "select count(*) as n from audit_log where action = 'access_card.used' and subject_id = ?",
          socia.accountId,
        ),
      ).toBe(1);

      // Staff revoke it from the person page: the phone's session ends.
      const revoked = await form(
        `/staff/people/${socia.personId}/access-card`,
        { intent: "revoke", card: String(cardId) },
        facilitator,
      );
      expect(revoked.status).toBe(302);
      expect(sessionsOfCard(cardId)).toBe(0);
      await page.goto(server.url + "/account");
      await page.waitForURL(/\/login\?redirectTo=%2Faccount/);
      // The revoked card no longer works on that phone.
      const again = await page.goto(server.url + new URL(urls[0]).pathname);
      expect(again?.status()).toBe(404);
      expect(await page.getByRole("alert").textContent()).toContain("Esta tarjeta ya no sirve");
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(
      count(
        "select count(*) as n from audit_log where action = 'access_card.revoked' and subject_id = ?",
        socia.accountId,
      ),
    ).toBe(1);
  }, 120_000);

  it("an unknown or malformed token is a plain 404 and signs nobody in", async () => {
    const before = count("select count(*) as n from session");
    for (const token of ["a".repeat(32), "not-a-token", "A".repeat(32)]) {
      const page = await get(`/card/${token}`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("Esta tarjeta ya no sirve");
      const post = await form(`/card/${token}`, {});
      expect(post.status).toBe(404);
      expect(post.headers.get("Set-Cookie")).toBeNull();
    }
    expect(count("select count(*) as n from session")).toBe(before);
  });

  it("a card scanned while signed in with another account says so and changes nothing", async () => {
    const { urls } = await printCards(1);
    const cardPath = new URL(urls[0]).pathname;
    const manager = await logIn(server, "gestora@minka.test");
    const before = count("select count(*) as n from session");
    const page = await get(cardPath, manager);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain("Usted ya entró con otra cuenta (Lucía Fernández Rojas)");
    const post = await form(cardPath, {}, manager);
    expect(post.status).toBe(409);
    expect(post.headers.get("Set-Cookie")).toBeNull();
    expect(count("select count(*) as n from session")).toBe(before);
    expect(sessionsOfCard(cardIdOf())).toBe(0);
    // The manager's own session is untouched.
    expect((await get("/account", manager)).status).toBe(200);
  });

  it("never opens a staff account: no card is issued for one, and a card whose account became staff is refused", async () => {
    const manager = await logIn(server, "gestora@minka.test");
    const facilitatorPerson = server.query<{ id: number }>(
      "select person_id as id from account where email = 'facilitadora@minka.test'",
    )[0].id;
    const cardsBefore = count("select count(*) as n from access_card");
    const refused = await form(`/staff/people/${facilitatorPerson}/access-card`, { copies: "1" }, manager);
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toContain("card=staffAccount");
    expect(count("select count(*) as n from access_card")).toBe(cardsBefore);

    const { urls } = await printCards(1);
    const cardPath = new URL(urls[0]).pathname;
    write("update account set role = 'facilitator' where id = ?", socia.accountId);
    try {
      const page = await get(cardPath);
      expect(page.status).toBe(403);
      expect(await page.text()).toContain("no sirven para cuentas del equipo");
      const post = await form(cardPath, {});
      expect(post.status).toBe(403);
      expect(post.headers.get("Set-Cookie")).toBeNull();
      expect(sessionsOfCard(cardIdOf())).toBe(0);
    } finally {
      write("update account set role = 'member' where id = ?", socia.accountId);
    }
  });

  it("a member sees their cards and devices in Mi cuenta and revokes one; another's card id is a 404", async () => {
    const { urls } = await printCards(1);
    const cardId = cardIdOf();
    // The question page names the holder: never kept by a shared cache.
    const ask = await get(new URL(urls[0]).pathname);
    expect(ask.status).toBe(200);
    expect(ask.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await ask.text()).toContain("Entrar como Rosa");
    const signIn = await form(new URL(urls[0]).pathname, {});
    expect(signIn.status).toBe(302);
    const phone = signIn.headers.get("Set-Cookie")!.split(";")[0];
    const member = await logIn(server, "socia@minka.test");
    const account = await (await get("/account", member)).text();
    expect(account).toContain(`Tarjeta n.º ${cardId}`);
    expect(account).toContain("Celular o computadora: entró el");

    const manager = await logIn(server, "gestora@minka.test");
    const foreign = await form("/account/access-cards", { card: String(cardId) }, manager);
    expect(foreign.status).toBe(404);
    expect(count("select count(*) as n from access_card where id = ? and revoked_at is null", cardId)).toBe(1);
    expect((await get("/account", phone)).status).toBe(200);

    const own = await form("/account/access-cards", { card: String(cardId) }, member);
    expect(own.status).toBe(302);
    expect(count("select count(*) as n from access_card where id = ? and revoked_at is not null", cardId)).toBe(1);
    expect((await get("/account", phone)).headers.get("Location")).toMatch(/^\/login/);
    // The member's password session stays.
    expect((await get("/account", member)).status).toBe(200);
    // Revoking twice is a 404 and changes nothing.
    expect((await form("/account/access-cards", { card: String(cardId) }, member)).status).toBe(404);
  });

  it("the person page offers the print form and lists active cards (axe, without JavaScript)", async () => {
    await printCards(1);
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      await logInThroughForm(page, `${server.url}/login`, "facilitadora@minka.test", `${server.url}/`);
      await page.goto(`${server.url}/staff/people/${socia.personId}`);
      expect(await page.getByRole("button", { name: "Imprimir tarjeta de acceso" }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Anular esta tarjeta" }).count()).toBeGreaterThan(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("a member may not print cards; a facilitator only for people on their workshops", async () => {
    const member = await logIn(server, "socia@minka.test");
    const before = count("select count(*) as n from access_card");
    expect((await form(`/staff/people/${socia.personId}/access-card`, { copies: "1" }, member)).status).toBe(403);
    const stranger = server.query<{ id: number }>(
      "select p.id from person p join account a on a.person_id = p.id where a.email = 'marco.facilitador@minka.test'",
    )[0].id;
    expect((await form(`/staff/people/${stranger}/access-card`, { copies: "1" }, facilitator)).status).toBe(404);
    expect(count("select count(*) as n from access_card")).toBe(before);
  });
});

describe("sign-in with the card's short code and phone number", () => {
  it("signs in with the code as printed (any case, spaces) and the phone as typed; the session belongs to the card", async () => {
    const { codes } = await printCards(1);
    const cardId = cardIdOf();
    const response = await form("/login/code", {
      code: codes[0].toLowerCase().replace("-", " "),
      phone: "987 654 321",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(sessionsOfCard(cardId)).toBe(1);
    expect(
      count("select count(*) as n from audit_log where action = 'access_card.used' and details like '%\"code\"%'"),
    ).toBeGreaterThan(0);
  });

  it("gives one answer for any mismatch and limits wrong tries per code", async () => {
    const { codes } = await printCards(1);
    const before = count("select count(*) as n from session");
    const wrongPhone = await form("/login/code", { code: codes[0], phone: "999 111 222" });
    const unknownCode = await form("/login/code", { code: "ZZZZ-ZZZZ", phone: "987 654 321" });
    const nonsense = await form("/login/code", { code: "hello", phone: "x" });
    const messages = await Promise.all(
      [wrongPhone, unknownCode, nonsense].map(async (r) => {
        expect(r.status).toBe(401);
        return /<p[^>]*role="alert"[^>]*>([^<]*)/.exec(await r.text())?.[1];
      }),
    );
    expect(messages[0]).toContain("El código o el celular no coinciden");
    expect(new Set(messages).size).toBe(1);
    // Four more wrong phones for this code (five in all), then even the right phone waits.
    for (let i = 0; i < 4; i++)
      expect((await form("/login/code", { code: codes[0], phone: `999 111 22${i}` })).status).toBe(401);
    const limited = await form("/login/code", { code: codes[0], phone: "987 654 321" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Hubo demasiados intentos");
    expect(count("select count(*) as n from session")).toBe(before);
  });
});
