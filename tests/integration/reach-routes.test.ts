import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { makeAccount } from "../../db/factories";
import { makePerson, makeWorkshop, markAttendance, register } from "../../db/factories/reach";
import { loader as reportLoader } from "../../app/routes/reports._index";
import { loader as exportLoader } from "../../app/routes/reports.export";
import { loader as printLoader } from "../../app/routes/reports.print";
import { action as peopleAction, loader as peopleLoader } from "../../app/routes/reports.people";
import type { ReachRequest } from "../../app/reports/reach-request.server";
import { getDb } from "../../app/utils/db.server";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

const FY = "period=fy-2023";
const cookies = {} as Record<Role, string>;
let carmenAccount: number;
let otherWorkshop: number;
let otherFacilitator: number;

const call = (loader: (args: Parameters<typeof reportLoader>[0]) => Promise<unknown>, path: string, cookie?: string) =>
  settle(() => loader({ request: getRequest(path, cookie), params: {}, context: {} }));
const report = async (path: string, cookie: string) => unwrap<ReachRequest>(await call(reportLoader, path, cookie));

beforeAll(async () => {
  const db = await getDb();
  for (const role of ["member", "facilitator", "manager", "admin"] as const) {
    const { accountId } = await makeAccount({ role });
    cookies[role] = await sessionCookie(accountId);
    if (role === "facilitator") carmenAccount = accountId;
  }
  const other = await makeAccount({ role: "facilitator", fullName: "Otro Facilitador" });
  otherFacilitator = other.accountId;
  const mine = await makeWorkshop(db, {
    title: "Taller de Carmen",
    facilitatorAccountIds: [carmenAccount],
    sessions: ["2023-03-10T15:00:00.000Z"],
  });
  const theirs = await makeWorkshop(db, {
    title: "Taller ajeno",
    facilitatorAccountIds: [otherFacilitator],
    sessions: ["2023-05-10T15:00:00.000Z"],
  });
  otherWorkshop = theirs.id;
  for (let i = 0; i < 3; i++) {
    const p = await makePerson(db, { fullName: `Ñusta Peña ${i}`, sex: i ? "female" : "male", birthYear: 1990 });
    await register(db, mine.id, p);
    await markAttendance(db, mine.sessionIds[0], p);
  }
  const shared = await makePerson(db, { fullName: "Persona Compartida" });
  await markAttendance(db, mine.sessionIds[0], shared);
  await markAttendance(db, theirs.sessionIds[0], shared);
  await markAttendance(db, theirs.sessionIds[0], await makePerson(db, { fullName: "Solo Ajena" }));
});

describe("who may see the reach report", () => {
  it("sends anonymous people to log in and refuses members, on the page, its print view and its downloads", async () => {
    for (const loader of [reportLoader, printLoader, exportLoader]) {
      const anonymous = (await call(loader, `/reports?${FY}&format=csv`)) as Response;
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      expect(((await call(loader, `/reports?${FY}&format=csv`, cookies.member)) as Response).status).toBe(403);
    }
  });

  it("shows managers and admins everything", async () => {
    for (const role of ["manager", "admin"] as const) {
      const { status, data } = await report(`/reports?${FY}`, cookies[role]);
      expect(status).toBe(200);
      expect(data.report?.headline).toMatchObject({ workshops: 2, uniqueIndividuals: 5, participations: 6 });
      expect(data.duplicates).toBe(0);
    }
  });

  it("shows a facilitator only the workshops they facilitate, with no courses and no ledger", async () => {
    const { status, data } = await report(`/reports?${FY}`, cookies.facilitator);
    expect(status).toBe(200);
    expect(data.report?.workshops.map((w) => w.title)).toEqual(["Taller de Carmen"]);
    expect(data.report?.headline.uniqueIndividuals).toBe(4);
    expect(data.report?.courses).toBeNull();
    expect(data.duplicates).toBeNull();
    expect(data.options.workshops.map((w) => w.title)).toEqual(["Taller de Carmen"]);
    expect(data.options.facilitators).toEqual([]);
  });

  it("never gives a facilitator another facilitator's workshop: a message and no figures", async () => {
    const byWorkshop = await report(`/reports?${FY}&workshop=${otherWorkshop}`, cookies.facilitator);
    expect(byWorkshop.status).toBe(400);
    expect(byWorkshop.data.errors).toEqual(["reports.errors.workshopUnknown"]);
    expect(byWorkshop.data.report).toBeNull();
    const byFacilitator = await report(`/reports?${FY}&facilitator=${otherFacilitator}`, cookies.facilitator);
    expect(byFacilitator.data.errors).toEqual(["reports.errors.facilitatorUnknown"]);
    expect(byFacilitator.data.report).toBeNull();
    const download = (await call(
      exportLoader,
      `/reports/export?format=csv&${FY}&workshop=${otherWorkshop}`,
      cookies.facilitator,
    )) as Response;
    expect(download.status).toBe(400);
    expect(await download.text()).not.toContain("Solo Ajena");
  });
});

describe("bad input gets a clear message, never a 500", () => {
  const cases: Array<[string, string]> = [
    ["period=custom&from=2023-09-30&to=2023-01-01", "reports.errors.rangeInverted"],
    ["period=custom&from=2000-01-01&to=2049-12-31", "reports.errors.rangeTooLong"],
    ["period=custom&from=2023-13-01&to=2023-12-31", "reports.errors.dateInvalid"],
    ["period=someday", "reports.errors.periodUnknown"],
    ["country=ZZ", "reports.errors.countryUnknown"],
    ["workshop=abc", "reports.errors.idInvalid"],
    ["workshop=999999", "reports.errors.workshopUnknown"],
    ["course=999999", "reports.errors.courseUnknown"],
    ["facilitator=999999", "reports.errors.facilitatorUnknown"],
  ];
  for (const [query, error] of cases) {
    it(`${query} → ${error}`, async () => {
      const { status, data } = await report(`/reports?${query}`, cookies.manager);
      expect(status).toBe(400);
      expect(data.errors).toContain(error);
      expect(data.report).toBeNull();
    });
  }

  it("an empty period is an empty report, not an error", async () => {
    const { status, data } = await report("/reports?period=fy-2030", cookies.manager);
    expect(status).toBe(200);
    expect(data.report?.headline.uniqueIndividuals).toBe(0);
    expect(data.report?.bySex.reduce((sum, row) => sum + row.count, 0)).toBe(0);
  });

  it("refuses an unknown export format", async () => {
    expect(((await call(exportLoader, `/reports/export?format=pdf&${FY}`, cookies.manager)) as Response).status).toBe(
      400,
    );
  });
});

describe("downloads", () => {
  it("writes a CSV with a BOM that Excel opens with accents, with the page's totals", async () => {
    const response = (await call(exportLoader, `/reports/export?format=csv&${FY}`, cookies.manager)) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Personas únicas alcanzadas,5\r\n");
    expect(text).toContain("Talleres realizados,2\r\n");
  });

  it("writes an XLSX with one sheet per table", async () => {
    const response = (await call(exportLoader, `/reports/export?format=xlsx&${FY}`, cookies.manager)) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toContain("Resumen");
    expect(names).toContain("Por sexo");
    expect(names.length).toBeGreaterThanOrEqual(11);
    const summary = workbook.getWorksheet("Resumen")!;
    const unique = summary
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === "Personas únicas alcanzadas") as unknown[];
    expect(unique[2]).toBe(5);
  });
});

describe("person ledger page", () => {
  it("is for managers and admins only", async () => {
    for (const role of ["member", "facilitator"] as const) {
      expect(((await call(peopleLoader, "/reports/people", cookies[role])) as Response).status).toBe(403);
      const post = formRequest("/reports/people", { intent: "merge", a: "1", b: "2", keep: "1" }, cookies[role]);
      expect(((await settle(() => peopleAction({ request: post, params: {}, context: {} }))) as Response).status).toBe(
        403,
      );
    }
    expect(((await call(peopleLoader, "/reports/people")) as Response).status).toBe(302);
    for (const role of ["manager", "admin"] as const) {
      expect(unwrap(await call(peopleLoader, "/reports/people", cookies[role])).status).toBe(200);
    }
  });

  it("lists likely duplicates and merges a pair chosen by the manager", async () => {
    const db = await getDb();
    const a = await makePerson(db, { fullName: "José Ccori Tito", phone: "+51987111222" });
    const b = await makePerson(db, { fullName: "Tito Ccori, Jose", phone: "+51987111222", birthYear: 1970 });
    const list = unwrap<{ pairs: Array<{ a: { id: number }; b: { id: number }; reasons: string[] }> }>(
      await call(peopleLoader, "/reports/people", cookies.manager),
    );
    expect(list.data.pairs.find((p) => p.a.id === a)).toMatchObject({ b: { id: b }, reasons: ["phone"] });
    const bad = unwrap<{ ok: boolean }>(
      await peopleAction({
        request: formRequest(
          "/reports/people",
          { intent: "merge", a: String(a), b: String(b), keep: "999" },
          cookies.manager,
        ),
        params: {},
        context: {},
      }),
    );
    expect(bad.status).toBe(400);
    const done = unwrap<{ ok: boolean }>(
      await peopleAction({
        request: formRequest(
          "/reports/people",
          { intent: "merge", a: String(a), b: String(b), keep: String(a) },
          cookies.manager,
        ),
        params: {},
        context: {},
      }),
    );
    expect(done.data.ok).toBe(true);
    expect(await db.selectFrom("person").select("birth_year").where("id", "=", a).executeTakeFirstOrThrow()).toEqual({
      birth_year: 1970,
    });
    expect(await db.selectFrom("person").select("id").where("id", "=", b).executeTakeFirst()).toBeUndefined();
  });
});
