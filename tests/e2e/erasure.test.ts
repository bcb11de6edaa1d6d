import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.stop());

const NAME = "Eufrosina Ticllacuri Yupanqui";
const EMAIL = "eufrosina.ticlla@example.org";

async function post(path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

const cookieOf = (response: Response) => response.headers.get("Set-Cookie")!.split(";")[0];

function readDb<T>(query: string, ...args: unknown[]): T {
  const db = new SQLite(server.databaseFile, { readonly: true });
  try {
    return db.prepare(query).get(...args) as T;
  } finally {
    db.close();
  }
}

describe("erasure over HTTP", () => {
  it("takes the erased person's queued mail off the workshop's staff page", async () => {
    // An open workshop of the demo facilitator, with room and sessions ahead.
    const workshop = readDb<{ id: number }>(
      `select w.id from workshop w
         join workshop_facilitator f on f.workshop_id = w.id
         join account a on a.id = f.account_id and a.email = 'facilitadora@minka.test'
       where w.status = 'published' and (w.registration_closes_at is null or w.registration_closes_at > ?)
         and not exists (select 1 from workshop_session s where s.workshop_id = w.id and s.starts_at < ?)
       order by w.capacity is null, w.capacity desc limit 1`,
      new Date().toISOString(),
      new Date().toISOString(),
    );
    expect(workshop, "the seed needs an open workshop of facilitadora@").toBeTruthy();

    const signup = await post("/signup", {
      fullName: NAME,
      identifier: EMAIL,
      password: "una-clave-larga-2026",
      country: "PE",
      consent: "on",
    });
    expect(signup.status).toBe(302);
    const member = cookieOf(signup);
    const registered = await post(`/workshops/${workshop.id}`, { intent: "register" }, member);
    expect(registered.status).toBeLessThan(400);
    expect(
      readDb<{ n: number }>("select count(*) as n from email_outbox where to_address = ? and status = 'pending'", EMAIL)
        .n,
    ).toBe(1);

    // No SMTP in tests: the confirmation waits in the outbox and the staff page lists it.
    const facilitator = await logIn(server, "facilitadora@minka.test");
    const page = () =>
      fetch(`${server.url}/staff/workshops/${workshop.id}`, { headers: { Cookie: facilitator } }).then((r) => r.text());
    expect(await page()).toContain(EMAIL);

    expect((await post("/account", { intent: "withdraw-consent", confirm: "on" }, member)).status).toBe(302);
    const person = readDb<{ id: number }>("select id from person where email = ?", EMAIL);
    const erased = await post(
      "/admin/privacy",
      { personId: String(person.id) },
      await logIn(server, "admin@minka.test"),
    );
    expect(erased.status).toBe(200);

    const after = await page();
    // (Booleans: a failure should not print the whole page.)
    expect(after.includes(EMAIL), "the e-mail address is still on the page").toBe(false);
    expect(after.includes("Eufrosina"), "the name is still on the page").toBe(false);
    expect(
      readDb<{ n: number }>(
        "select count(*) as n from email_outbox where to_address = ? or text_body like ?",
        EMAIL,
        "%Eufrosina%",
      ).n,
    ).toBe(0);
  }, 60_000);
});
