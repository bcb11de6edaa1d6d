import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Staff paths that could take over an account or leak personal data, and the
 * rate limits around sign-up and password change, over HTTP against the build.
 * TRUST_PROXY=1 lets each test speak from its own address (X-Forwarded-For),
 * so the per-IP limits of one test never spill into another.
 */
const PASSWORD = "minka-demo-2026";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: "1" } });
});
afterAll(() => server.stop());

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

async function post(
  path: string,
  fields: Record<string, string> | URLSearchParams,
  options: { cookie?: string; ip?: string } = {},
) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(options.ip ? { "X-Forwarded-For": options.ip } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

async function get(path: string, cookie?: string) {
  return fetch(server.url + path, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
}

/** The page as rendered, without the scripts (they carry every message of the locale, shown or not). */
async function shown(response: Response): Promise<string> {
  return (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

async function logIn(identifier: string, password = PASSWORD): Promise<string> {
  const response = await post("/login", { identifier, password });
  expect(response.status, `log in as ${identifier}`).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

let signups = 0;
/** A new member account, created through the sign-up form; returns its login cookie. */
async function signUp(identifier: string, ip = `10.1.0.${++signups}`): Promise<string> {
  const response = await post(
    "/signup",
    { fullName: "Nicanor Mamani Ccori", identifier, password: PASSWORD, country: "PE", consent: "on" },
    { ip },
  );
  expect(response.status, `sign up ${identifier}`).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

const accountOf = (email: string) =>
  query<{ id: number; person_id: number; password_hash: string }>(
    "select id, person_id, password_hash from account where email = ?",
    email,
  )[0];

describe("staff reset codes", () => {
  it("refuses facilitators and managers a code for an account with an e-mail, and points to the e-mail link", async () => {
    const member = accountOf("socia@minka.test");
    for (const staff of ["facilitadora@minka.test", "gestora@minka.test"]) {
      const response = await post(
        "/staff/reset-codes",
        { identifier: "socia@minka.test" },
        { cookie: await logIn(staff) },
      );
      expect(response.status, staff).toBe(403);
      const page = await shown(response);
      expect(page).toContain("Esta cuenta tiene correo electrónico");
      expect(page).toContain('href="/forgot-password"');
      expect(page).toContain('value="socia@minka.test"');
      expect(page).not.toMatch(/\d{4} \d{4}/);
    }
    expect(query("select id from password_reset where account_id = ?", member.id)).toEqual([]);
    expect(
      query("select id from audit_log where action = 'account.reset_code_issued' and subject_id = ?", member.id),
    ).toEqual([]);
    expect(
      query("select id from email_outbox where to_address = 'socia@minka.test' and kind like 'password_reset%'"),
    ).toEqual([]);
  });

  it("still lets a facilitator give a code to a member who logs in with a mobile number", async () => {
    await signUp("987 654 001");
    const response = await post(
      "/staff/reset-codes",
      { identifier: "987654001" },
      { cookie: await logIn("facilitadora@minka.test") },
    );
    expect(response.status).toBe(200);
    const code = /(\d{4}) (\d{4})/.exec(await shown(response));
    expect(code).not.toBeNull();
    const reset = await post(
      "/reset-code",
      { identifier: "987654001", code: code![1] + code![2], password: "clave-nueva-2026" },
      { ip: "10.2.0.1" },
    );
    expect(reset.status).toBe(302);
    await logIn("987654001", "clave-nueva-2026");
  });

  it("lets an admin issue one for an account with an e-mail only with the owner told by e-mail, in their language, and audited", async () => {
    const owner = await signUp("nicanor@example.org");
    expect(
      (await post("/account", { fullName: "Nicanor Mamani Ccori", language: "en" }, { cookie: owner })).status,
    ).toBe(200);
    const member = accountOf("nicanor@example.org");
    const admin = accountOf("admin@minka.test");

    const response = await post(
      "/staff/reset-codes",
      { identifier: "nicanor@example.org" },
      { cookie: await logIn("admin@minka.test") },
    );
    expect(response.status).toBe(200);
    const page = await shown(response);
    expect(page).toMatch(/\d{4} \d{4}/);
    expect(page).toContain("Le avisamos por correo a la persona");

    const mails = query<{ subject: string; text_body: string }>(
      "select subject, text_body from email_outbox where to_address = 'nicanor@example.org'",
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Minka: a code was created to get into your account");
    expect(mails[0].text_body).toContain("Hello Nicanor,");
    expect(mails[0].text_body).toContain("Jorge Condori Apaza");
    expect(mails[0].text_body).toContain("/forgot-password");
    expect(mails[0].text_body).not.toMatch(/\d{8}/);
    expect(
      query(
        "select actor_account_id, subject_id, details from audit_log where action = 'account.reset_code_issued' and subject_id = ?",
        member.id,
      ),
    ).toEqual([{ actor_account_id: admin.id, subject_id: member.id, details: JSON.stringify({ ownerEmailed: true }) }]);
  });
});

describe("rate limits", () => {
  it("counts every sign-up attempt per address, failures too, and keeps the form's input when it refuses", async () => {
    const ip = "10.3.0.1";
    const incomplete = {
      fullName: "Eulalia Choque Ramos",
      identifier: "eulalia@example.org",
      password: PASSWORD,
      country: "PE",
    };
    for (let i = 0; i < 60; i++) {
      expect((await post("/signup", incomplete, { ip })).status, `attempt ${i + 1}`).toBe(400);
    }
    const refused = await post("/signup", { ...incomplete, consent: "on" }, { ip });
    expect(refused.status).toBe(429);
    const page = await shown(refused);
    expect(page).toContain("Hubo demasiados intentos. Espere 60 minutos y vuelva a intentar.");
    expect(page).toContain('value="Eulalia Choque Ramos"');
    expect(page).toContain('value="eulalia@example.org"');
    expect(query("select id from account where email = 'eulalia@example.org'")).toEqual([]);
    // Another address (another office) is not held back.
    expect((await post("/signup", { ...incomplete, consent: "on" }, { ip: "10.3.0.2" })).status).toBe(302);
  });

  it("stops checking the current password after five wrong ones in Mi cuenta", async () => {
    const cookie = await signUp("pedro.ccama@example.org");
    const before = accountOf("pedro.ccama@example.org").password_hash;
    const change = (current: string) =>
      post("/account", { intent: "change-password", current, password: "otra-clave-2026" }, { cookie });
    for (let i = 0; i < 5; i++) {
      const wrong = await change(`adivinanza-${i}`);
      expect(wrong.status).toBe(400);
      expect(await shown(wrong)).toContain("La contraseña actual no es correcta.");
    }
    const refused = await change(PASSWORD);
    expect(refused.status).toBe(429);
    expect(await shown(refused)).toContain("Hubo demasiados intentos. Espere 15 minutos y vuelva a intentar.");
    expect(accountOf("pedro.ccama@example.org").password_hash).toBe(before);
    // The session itself still works: only the password check waits.
    expect((await get("/account", cookie)).status).toBe(200);
  });
});

describe("password change without JavaScript", () => {
  it("keeps the person signed in on this device and tells them it worked", async () => {
    const cookie = await signUp("rosa.huanca@example.org");
    const response = await post(
      "/account",
      { intent: "change-password", current: PASSWORD, password: "otra-clave-2026" },
      { cookie },
    );
    // A plain form post: the answer must not send them to the login page with the old, ended session.
    expect(response.headers.get("Location") ?? "").not.toContain("/login");
    const fresh = response.headers.get("Set-Cookie")?.split(";")[0];
    expect(fresh, "a new session for this device").toBeTruthy();
    const page = response.status === 200 ? response : await get(response.headers.get("Location")!, fresh);
    expect(page.status).toBe(200);
    expect(await shown(page)).toContain("Su contraseña cambió. Cerramos su sesión en los otros dispositivos.");
    // The old session is over; the new one works.
    expect((await get("/account", cookie)).status).toBe(302);
    expect((await get("/account", fresh)).status).toBe(200);
  });
});

describe("workshop facilitators", () => {
  const workshopForm = (
    title: string,
    facilitatorIds: Array<string | number>,
    session: { id?: number; date: string } = { date: "2031-05-06" },
  ) => {
    const form = new URLSearchParams({
      title,
      description: "",
      modality: "online",
      timezone: "America/Lima",
      country: "PE",
      status: "draft",
      intent: "save",
      rows: "3",
      "session-0-date": session.date,
      "session-0-start": "10:00",
      "session-0-end": "12:00",
      ...(session.id ? { "session-0-id": String(session.id) } : {}),
    });
    for (const id of facilitatorIds) form.append("facilitatorIds", String(id));
    return form;
  };
  const countWorkshops = () => query<{ n: number }>("select count(*) as n from workshop")[0].n;

  it("refuses a member or an unknown account as facilitator when creating, with a field error and the input kept", async () => {
    const cookie = await logIn("gestora@minka.test");
    const manager = accountOf("gestora@minka.test");
    const member = accountOf("socia@minka.test");
    const before = countWorkshops();
    for (const ids of [[manager.id, member.id], [manager.id, 999_999], ["abc"]]) {
      const response = await post("/staff/workshops/new", workshopForm("Ahorro para la campaña", ids), { cookie });
      expect(response.status, `facilitators ${ids.join(",")}`).toBe(400);
      const page = await shown(response);
      expect(page).toContain("Elija solo personas del equipo");
      expect(page).toContain('value="Ahorro para la campaña"');
    }
    expect(countWorkshops()).toBe(before);
    expect(query("select workshop_id from workshop_facilitator where account_id = ?", member.id)).toEqual([]);
  });

  it("refuses a member as facilitator when editing, and writes nothing", async () => {
    const cookie = await logIn("facilitadora@minka.test");
    const facilitator = accountOf("facilitadora@minka.test");
    const member = accountOf("socia@minka.test");
    const created = await post("/staff/workshops/new", workshopForm("Cuidado del agua", [facilitator.id]), { cookie });
    expect(created.status).toBe(302);
    const id = Number(/\/staff\/workshops\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const [session] = query<{ id: number }>("select id from workshop_session where workshop_id = ?", id);

    const response = await post(
      `/staff/workshops/${id}/edit`,
      workshopForm("Cuidado del agua y del suelo", [facilitator.id, member.id], { id: session.id, date: "2031-05-06" }),
      {
        cookie,
      },
    );
    expect(response.status).toBe(400);
    const page = await shown(response);
    expect(page).toContain("Elija solo personas del equipo");
    expect(page).toContain('value="Cuidado del agua y del suelo"');
    expect(query("select title from workshop where id = ?", id)).toEqual([{ title: "Cuidado del agua" }]);
    expect(query("select account_id from workshop_facilitator where workshop_id = ?", id)).toEqual([
      { account_id: facilitator.id },
    ]);

    const unknown = await post(
      `/staff/workshops/${id}/edit`,
      workshopForm("Cuidado del agua", [facilitator.id, 999_999], { id: session.id, date: "2031-05-06" }),
      { cookie },
    );
    expect(unknown.status).toBe(400);
  });
});

describe("staff data export", () => {
  it("gives managers the data of people without a login; people with a login download their own", async () => {
    const cookie = await logIn("gestora@minka.test");
    const member = accountOf("socia@minka.test");
    const refused = await get(`/staff/people/${member.person_id}/data?format=json`, cookie);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Disposition")).toBeNull();
    const text = await shown(refused);
    expect(text).toContain("Esta persona tiene una cuenta");
    expect(text).not.toContain("socia@minka.test");
    expect(
      query("select id from audit_log where action = 'person.exported' and subject_id = ?", member.person_id),
    ).toEqual([]);

    // Her own copy, from "Mi cuenta".
    const own = await get("/account/data/download?format=json", await logIn("socia@minka.test"));
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("socia@minka.test");

    const [walkIn] = query<{ id: number; full_name: string }>(
      "select id, full_name from person where erased_at is null and not exists (select 1 from account where account.person_id = person.id) order by id limit 1",
    );
    const exported = await get(`/staff/people/${walkIn.id}/data?format=json`, cookie);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("Content-Disposition")).toContain("attachment");
    expect(await exported.text()).toContain(walkIn.full_name);
    expect(query("select subject_id from audit_log where action = 'person.exported'")).toEqual([
      { subject_id: walkIn.id },
    ]);
  });
});
