import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameKey } from "../../app/domain/names";
import { formatTime, localDate } from "../../app/utils/dates";
import { accessibilityViolations, logInThroughForm, openBrowser } from "../support/browser";
import { DEMO_PASSWORD } from "../support/log-in";
import { readQrFromPdf } from "../support/pdf-qr";
import { startTestServer, type TestServer } from "../support/server";

/**
 * QR check-in at an in-person session and the printed sign-in sheet (issue #21, docs/decisions/032),
 * over real HTTP against the production build, JavaScript off (plain fetch). The poster's QR code
 * is read back from the rendered page; the sheet's text with pdftotext, then typed up as a CSV and
 * imported through the import page.
 */
const APP_URL = "http://minka.example";
let server: TestServer;
const cookies: Record<string, string> = {};
const ids = {
  workshop: 0,
  now: 0,
  later: 0,
  past: 0,
  browser: 0,
  cancelledSession: 0,
  socia: 0,
  sociaAccount: 0,
  newcomer: 0,
  registrants: [] as string[],
};

const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

beforeAll(async () => {
  server = await startTestServer({ env: { APP_URL } });
  const db = new SQLite(server.databaseFile);
  try {
    db.pragma("busy_timeout = 5000");
    const at = new Date().toISOString();
    const facilitator = db.prepare("select id from account where email = 'facilitadora@minka.test'").get() as {
      id: number;
    };
    const socia = db
      .prepare("select id, person_id, password_hash from account where email = 'socia@minka.test'")
      .get() as {
      id: number;
      person_id: number;
      password_hash: string;
    };
    const workshop = (title: string, status: string) => {
      const { id } = db
        .prepare(
          `insert into workshop (title, description, modality, place, country, timezone, capacity, status, created_by, created_at, updated_at)
           values (?, '', 'in_person', 'Local comunal de Sapallanga', 'PE', 'America/Lima', 30, ?, ?, ?, ?) returning id`,
        )
        .get(title, status, facilitator.id, at, at) as { id: number };
      db.prepare("insert into workshop_facilitator (workshop_id, account_id) values (?, ?)").run(id, facilitator.id);
      return id;
    };
    const session = (workshopId: number, from: number, to: number) =>
      (
        db
          .prepare("insert into workshop_session (workshop_id, starts_at, ends_at) values (?, ?, ?) returning id")
          .get(workshopId, iso(from), iso(to)) as { id: number }
      ).id;
    const person = (fullName: string) =>
      (
        db
          .prepare(
            `insert into person (full_name, name_key, sex, country, consent_given_at, consent_notice_version, consent_method, created_at, updated_at)
             values (?, ?, 'female', 'PE', ?, 'v1', 'self', ?, ?) returning id`,
          )
          .get(fullName, nameKey(fullName), at, at, at) as { id: number }
      ).id;
    const register = (workshopId: number, personId: number) =>
      db
        .prepare(
          "insert into registration (workshop_id, person_id, status, method, created_at, updated_at) values (?, ?, 'registered', 'self', ?, ?)",
        )
        .run(workshopId, personId, at, at);

    ids.workshop = workshop("Abonos orgánicos con QR", "published");
    ids.now = session(ids.workshop, -10, 110);
    ids.later = session(ids.workshop, 24 * 60, 24 * 60 + 120);
    ids.past = session(ids.workshop, -3 * 24 * 60, -3 * 24 * 60 + 120);
    ids.browser = session(ids.workshop, -5, 60);
    const cancelled = workshop("Taller cancelado con QR", "cancelled");
    ids.cancelledSession = session(cancelled, -10, 110);
    ids.socia = socia.person_id;
    ids.sociaAccount = socia.id;
    register(ids.workshop, socia.person_id);
    ids.registrants = ["Zenaida Huamán Quispe", "Óscar Mamani Ccori"];
    for (const name of ids.registrants) register(ids.workshop, person(name));
    ids.registrants.push(
      (db.prepare("select full_name from person where id = ?").get(socia.person_id) as { full_name: string }).full_name,
    );
    // A second member with a login, not registered for the workshop.
    ids.newcomer = person("Rosaura Llanos Pari");
    db.prepare(
      "insert into account (person_id, email, password_hash, role, created_at, updated_at) values (?, 'rosaura@qr.test', ?, 'member', ?, ?)",
    ).run(ids.newcomer, socia.password_hash, at, at);
  } finally {
    db.close();
  }
  cookies.facilitator = await logIn("facilitadora@minka.test");
  cookies.manager = await logIn("gestora@minka.test");
  cookies.member = await logIn("socia@minka.test");
  cookies.newcomer = await logIn("rosaura@qr.test");
}, 120_000);
afterAll(() => server.stop());

/**
 * Reading a QR code (pdftoppm, jsQR) blocks this process for seconds: a kept-alive connection
 * the server closed meanwhile would be reused and fail, so each request has its own.
 */
const FRESH_CONNECTION = { Connection: "close" };

async function logIn(identifier: string): Promise<string> {
  const response = await fetch(server.url + "/login", {
    method: "POST",
    redirect: "manual",
    headers: FRESH_CONNECTION,
    body: new URLSearchParams({ identifier, password: DEMO_PASSWORD }),
  });
  await response.arrayBuffer();
  expect(response.status, `log in as ${identifier}`).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

async function get(url: string, as?: string) {
  const response = await fetch(server.url + url, {
    redirect: "manual",
    headers: { ...FRESH_CONNECTION, ...(as ? { Cookie: cookies[as] } : {}) },
  });
  // Always read the body: an unread one can break the next request on the same connection.
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    location: response.headers.get("Location") ?? "",
    type: response.headers.get("Content-Type"),
    bytes,
    text: new TextDecoder().decode(bytes),
  };
}

async function post(url: string, as: string, fields: Record<string, string> | FormData = {}) {
  const response = await fetch(server.url + url, {
    method: "POST",
    redirect: "manual",
    headers: { ...FRESH_CONNECTION, Cookie: cookies[as] },
    body: fields instanceof FormData ? fields : new URLSearchParams(fields),
  });
  return { status: response.status, location: response.headers.get("Location") ?? "", text: await response.text() };
}

const sessionPath = (sessionId: number) => `/staff/workshops/${ids.workshop}/sessions/${sessionId}`;

/** Prints a poster as the facilitator and returns the check-in path its QR code opens. */
async function posterPath(sessionId: number, workshopId = ids.workshop): Promise<string> {
  const poster = await get(`/staff/workshops/${workshopId}/sessions/${sessionId}/poster.pdf`, "facilitator");
  expect(poster.status).toBe(200);
  expect(poster.type).toBe("application/pdf");
  const url = readQrFromPdf(poster.bytes);
  expect(url).toMatch(new RegExp(`^${APP_URL}/checkin/[a-z2-7]{32}$`));
  return url!.slice(APP_URL.length);
}

const TABLES = ["attendance", "registration", "audit_log", "email_outbox", "person"];
const counts = () =>
  Object.fromEntries(TABLES.map((t) => [t, server.query<{ n: number }>(`select count(*) as n from ${t}`)[0].n]));
const markOf = (sessionId: number, personId: number) =>
  server.query<{ status: string | null; source: string; recorded_at: string; recorded_by: number | null }>(
    "select status, source, recorded_at, recorded_by from attendance where session_id = ? and person_id = ?",
    sessionId,
    personId,
  )[0];

/** The time a page shows for an instant: hour and minute in Lima. */
const limaTime = (at: string) => formatTime(at, "es", "America/Lima");

/** A figure of the reach report's CSV (all periods, this workshop; or another filter): the number after the label. */
async function reportFigure(label: string, filter = `period=all&workshop=${ids.workshop}`): Promise<number> {
  const csv = (await get(`/reports/export?format=csv&${filter}`, "manager")).text;
  const figure = new RegExp(`(?:^|\\n)${label},(\\d+)\\r?\\n`).exec(csv)?.[1];
  expect(figure, `${label} in the report's CSV:\n${csv}`).toMatch(/^\d+$/);
  return Number(figure);
}

/**
 * This fiscal year's report of a manager without filters: the one read from the per-year reach
 * facts, which only the attendance triggers keep up to date (docs/decisions/025).
 */
function thisFiscalYear(): string {
  const [year, month] = localDate(new Date().toISOString(), "America/Lima").split("-").map(Number);
  return `period=fy-${month >= 10 ? year + 1 : year}`;
}

describe("QR check-in", () => {
  let checkIn = "";

  it("prints a poster whose QR code opens APP_URL/checkin/<token>, never the request's host", async () => {
    checkIn = await posterPath(ids.now);
    // Each print is a new token; the earlier poster keeps working (checked below with `checkIn`).
    expect(await posterPath(ids.now)).not.toBe(checkIn);
    expect(server.query("select token_hash from checkin_token")).not.toContainEqual({
      token_hash: checkIn.split("/").at(-1),
    });
  });

  it("sends someone signed out to the login, and back to the check-in after it", async () => {
    const anonymous = await get(checkIn);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?${new URLSearchParams({ redirectTo: checkIn })}`);
    const login = await fetch(server.url + "/login", {
      method: "POST",
      redirect: "manual",
      headers: FRESH_CONNECTION,
      body: new URLSearchParams({ identifier: "socia@minka.test", password: DEMO_PASSWORD, redirectTo: checkIn }),
    });
    await login.arrayBuffer();
    expect(login.headers.get("Location")).toBe(checkIn);
  });

  it("marks a registered member present (source qr) with one tap, shows a big confirmation, and the report counts them", async () => {
    const participationsBefore = await reportFigure("Participaciones en talleres");
    const yearBefore = await reportFigure("Participaciones en talleres", thisFiscalYear());
    const page = await get(checkIn, "member");
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html).toContain("Abonos orgánicos con QR");
    expect(html).toContain("Registrar mi asistencia");
    // Opening the page writes nothing: link previews open it too.
    expect(markOf(ids.now, ids.socia)).toBeUndefined();

    const before = counts();
    const done = await post(checkIn, "member");
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${checkIn}?done=yes`);
    const mark = markOf(ids.now, ids.socia);
    expect(mark).toMatchObject({ status: "present", source: "qr", recorded_by: ids.sociaAccount });
    expect(counts()).toEqual({ ...before, attendance: before.attendance + 1, audit_log: before.audit_log + 1 });
    const [audit] = server.query<{ actor_account_id: number; subject_id: number; details: string }>(
      "select actor_account_id, subject_id, details from audit_log where action = 'attendance.checkin'",
    );
    expect(audit).toMatchObject({ actor_account_id: ids.sociaAccount, subject_id: ids.now });
    expect(JSON.parse(audit.details)).toMatchObject({ workshopId: ids.workshop, personId: ids.socia, walkIn: false });

    const confirmation = await (await get(done.location, "member")).text;
    expect(confirmation).toContain("¡Listo! Su asistencia quedó registrada");
    expect(confirmation).toContain(`Registrada a las ${limaTime(mark.recorded_at)}.`);
    expect(await reportFigure("Participaciones en talleres")).toBe(participationsBefore + 1);
    expect(await reportFigure("Participaciones en talleres", thisFiscalYear())).toBe(yearBefore + 1);
  });

  it("answers a second check-in with the time of the first, and writes nothing", async () => {
    const before = counts();
    const mark = markOf(ids.now, ids.socia);
    const again = await post(checkIn, "member");
    expect(again.status).toBe(409);
    expect(again.text).toContain(`Ya registramos su asistencia a las ${limaTime(mark.recorded_at)}.`);
    expect(counts()).toEqual(before);
    expect(markOf(ids.now, ids.socia)).toEqual(mark);
  });

  it("registers a member without a registration at the door (walk_in) and marks them present; the report counts a walk-in", async () => {
    const walkInsBefore = await reportFigure("Llegaron sin inscripción previa");
    const done = await post(checkIn, "newcomer");
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${checkIn}?done=walk-in`);
    expect(markOf(ids.now, ids.newcomer)).toMatchObject({ status: "present", source: "qr" });
    expect(
      server.query(
        "select status, method from registration where workshop_id = ? and person_id = ?",
        ids.workshop,
        ids.newcomer,
      ),
    ).toEqual([{ status: "registered", method: "walk_in" }]);
    const page = await (await get(done.location, "newcomer")).text;
    expect(page).toContain("También quedó su inscripción en este taller.");
    expect(await reportFigure("Llegaron sin inscripción previa")).toBe(walkInsBefore + 1);
  });

  it("gives a plain message and writes nothing: too early, after the end, a cancelled workshop, a staff account, an unknown code", async () => {
    const early = await posterPath(ids.later);
    const ended = await posterPath(ids.past);
    const cancelledWorkshop = server.query<{ workshop_id: number }>(
      "select workshop_id from workshop_session where id = ?",
      ids.cancelledSession,
    )[0].workshop_id;
    const cancelled = await posterPath(ids.cancelledSession, cancelledWorkshop);
    const cases: Array<[string, string, number, string]> = [
      [early, "member", 409, "Todavía es temprano. Podrá registrar su asistencia desde las"],
      [ended, "member", 409, "Esta sesión ya terminó."],
      [cancelled, "member", 409, "Este taller fue cancelado."],
      [checkIn, "facilitator", 403, "Esta es una cuenta del equipo."],
      ["/checkin/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "member", 404, "Este código no corresponde a ninguna sesión."],
      ["/checkin/not-a-token", "member", 404, "Este código no corresponde a ninguna sesión."],
    ];
    const before = counts();
    for (const [url, as, status, message] of cases) {
      const page = await get(url, as);
      expect(page.text, `GET ${url} as ${as}`).toContain(message);
      const refused = await post(url, as);
      expect(refused.status, `POST ${url} as ${as}`).toBe(status);
      expect(refused.text, `POST ${url} as ${as}`).toContain(message);
      expect(counts(), `POST ${url} as ${as} wrote nothing`).toEqual(before);
    }
  });
});

describe("printed sign-in sheet", () => {
  it("prints the registrants under the import's own column names, and the typed-up sheet imports back", async () => {
    const sheet = await get(`${sessionPath(ids.now)}/sign-in-sheet.pdf`, "facilitator");
    expect(sheet.status).toBe(200);
    expect(sheet.type).toBe("application/pdf");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-sheet-"));
    let text: string;
    try {
      fs.writeFileSync(path.join(dir, "sheet.pdf"), sheet.bytes);
      text = execFileSync("pdftotext", ["-layout", path.join(dir, "sheet.pdf"), "-"], { encoding: "utf8" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(text).toContain("Abonos orgánicos con QR");
    expect(text).toContain("Local comunal de Sapallanga");
    const headerLine = text.split("\n").find((line) => /^\s*nombre\s/.test(line))!;
    const headings = headerLine.trim().split(/\s+/);
    expect(headings).toEqual(["nombre", "correo", "telefono", "presente", "firma"]);
    for (const name of ids.registrants) expect(text).toContain(name);
    // Numbered rows after the registrants, for walk-ins.
    expect(text).toMatch(new RegExp(`\\n\\s*${ids.registrants.length + 10}\\s*\\n`));

    // Typed up column by column: the registrants who signed, "no" for one who did not, and one
    // of them already checked in by QR, whom the sheet must not turn absent.
    const socia = ids.registrants.at(-1)!;
    const rows = [headings.join(","), `${ids.registrants[0]},,,,`, `${ids.registrants[1]},,,no,`, `${socia},,,no,`];
    const form = new FormData();
    form.set("file", new Blob([rows.join("\r\n") + "\r\n"], { type: "text/csv" }), "hoja-de-firmas.csv");
    const importPath = `${sessionPath(ids.now)}/import`;
    const received = await post(importPath, "facilitator", form);
    expect(received.status, received.text).toBe(302);
    const uploadId = /upload=(\d+)/.exec(received.location)?.[1];
    expect(uploadId).toBeTruthy();
    const review = await (await get(received.location, "facilitator")).text;
    const fields: Record<string, string> = { intent: "confirm", uploadId: uploadId!, country: "", region: "" };
    for (const tag of review.match(/<input[^>]*type="radio"[^>]*>/g) ?? []) {
      const name = /name="(d-[^"]+)"/.exec(tag)?.[1];
      const value = /value="([^"]+)"/.exec(tag)?.[1];
      if (name && value && /\schecked=""/.test(tag)) fields[name] = value;
    }
    // Every registrant is recognised: a choice is already made for each row.
    expect(Object.keys(fields).filter((key) => key.startsWith("d-"))).toHaveLength(3);
    const confirmed = await post(importPath, "facilitator", fields);
    expect(confirmed.status, confirmed.text).toBe(302);
    const marks = server.query<{ full_name: string; status: string; source: string }>(
      `select p.full_name, a.status, a.source from attendance a join person p on p.id = a.person_id
       where a.session_id = ? and p.full_name in (?, ?, ?)`,
      ids.now,
      ...ids.registrants,
    );
    expect(marks.sort((a, b) => a.full_name.localeCompare(b.full_name))).toEqual(
      [
        { full_name: ids.registrants[0], status: "present", source: "import" },
        { full_name: ids.registrants[1], status: "absent", source: "import" },
        { full_name: socia, status: "present", source: "qr" },
      ].sort((a, b) => a.full_name.localeCompare(b.full_name)),
    );
  });
});

describe("in a browser without JavaScript", () => {
  it("signs in from the poster's link, checks in with one button, and every page passes axe", async () => {
    const checkIn = await posterPath(ids.browser);
    const early = await posterPath(ids.later);
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      page.setDefaultTimeout(15_000);
      // The link a phone's camera opens: the login first, then back to the check-in.
      await logInThroughForm(page, server.url + checkIn, "socia@minka.test", server.url + checkIn);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Registrar mi asistencia");
      expect(await accessibilityViolations(page), page.url()).toEqual([]);
      await page.getByRole("button", { name: "Registrar mi asistencia" }).click();
      await page.waitForURL(`${server.url}${checkIn}?done=yes`);
      expect(await page.getByRole("status").textContent()).toContain("¡Listo! Su asistencia quedó registrada");
      expect(await accessibilityViolations(page), page.url()).toEqual([]);
      expect(markOf(ids.browser, ids.socia)).toMatchObject({ status: "present", source: "qr" });
      await page.goto(server.url + early);
      expect(await page.getByText("Todavía es temprano.").count()).toBe(1);
      expect(await accessibilityViolations(page), page.url()).toEqual([]);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("links the poster and the sign-in sheet from the session's roll call", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      page.setDefaultTimeout(15_000);
      await logInThroughForm(page, server.url + "/login", "facilitadora@minka.test", server.url + "/");
      await page.goto(`${server.url}${sessionPath(ids.now)}/roll-call`);
      expect(await page.getByRole("link", { name: "Cartel con código QR (PDF)" }).getAttribute("href")).toBe(
        `${sessionPath(ids.now)}/poster.pdf`,
      );
      expect(await page.getByRole("link", { name: "Hoja de firmas (PDF)" }).getAttribute("href")).toBe(
        `${sessionPath(ids.now)}/sign-in-sheet.pdf`,
      );
      expect(await accessibilityViolations(page), page.url()).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
