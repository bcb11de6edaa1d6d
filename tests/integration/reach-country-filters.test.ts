import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { enrol, makeCourse, makePerson, makeWorkshop, markAttendance, register } from "../../db/factories/reach";
import { parseReachFilters } from "../../app/domain/reach-filters";
import { loader as reportLoader } from "../../app/routes/reports._index";
import { loader as exportLoader } from "../../app/routes/reports.export";
import { computeReachReport, type ReachViewer } from "../../app/models/reach.server";
import type { ReachRequest } from "../../app/reports/reach-request.server";
import { getDb } from "../../app/utils/db.server";
import { ROOT } from "../support/paths";
import { getRequest, sessionCookie, settle, unwrap } from "../support/requests";

/**
 * Seven Guatemalans and two Peruvians at a workshop held in Peru; one Peruvian and one Guatemalan at a
 * workshop held in Guatemala (and a Peruvian registered there who never came); one Peruvian and one
 * Guatemalan who finished a course. FY 2023.
 */
let manager: ReachViewer;
let cookie: string;
const FY = "period=fy-2023";

beforeAll(async () => {
  const db = await getDb();
  const boss = await makeAccount({ role: "manager" });
  manager = { accountId: boss.accountId, seesAll: true };
  cookie = await sessionCookie(boss.accountId);
  const lima = await makeWorkshop(db, {
    title: "Taller en Lima",
    country: "PE",
    sessions: ["2023-03-10T15:00:00.000Z"],
  });
  const xela = await makeWorkshop(db, {
    title: "Taller en Xela",
    country: "GT",
    timezone: "America/Guatemala",
    sessions: ["2023-04-10T15:00:00.000Z"],
  });
  const attend = async (workshop: typeof lima, person: number) => {
    await register(db, workshop.id, person);
    await markAttendance(db, workshop.sessionIds[0], person);
  };
  for (let i = 0; i < 7; i++) await attend(lima, await makePerson(db, { fullName: `Chapina ${i}`, country: "GT" }));
  const peruvian = await makePerson(db, { fullName: "Peruana Uno", country: "PE" });
  await attend(lima, peruvian);
  await attend(lima, await makePerson(db, { fullName: "Peruano Dos", country: "PE" }));
  await register(db, xela.id, peruvian); // registered in Guatemala, never came: a no-show there
  await attend(xela, await makePerson(db, { fullName: "Peruana Tres", country: "PE" }));
  await attend(xela, await makePerson(db, { fullName: "Chapín Ocho", country: "GT" }));
  const course = await makeCourse(db);
  const done = { enrolledAt: "2023-05-01T15:00:00.000Z", completedAt: "2023-05-20T15:00:00.000Z" };
  await enrol(db, course.id, await makePerson(db, { fullName: "Peruano Cuatro", country: "PE" }), done);
  await enrol(db, course.id, await makePerson(db, { fullName: "Chapina Nueve", country: "GT" }), done);
});

const reportFor = async (query: string) => {
  const parsed = parseReachFilters(new URLSearchParams(`${FY}&${query}`), { kind: "fy", year: 2023 });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return computeReachReport(await getDb(), parsed.filters, manager);
};

describe("the workshop's country and the person's country are two filters", () => {
  it("workshop country PE counts the Guatemalans who came to the Peruvian workshop, and leaves courses out", async () => {
    const report = await reportFor("workshopCountry=PE");
    expect(report.workshops.map((w) => [w.title, w.attended, w.registered])).toEqual([["Taller en Lima", 9, 9]]);
    expect(report.headline.uniqueIndividuals).toBe(9);
    expect(report.byCountry).toEqual([
      { key: "GT", count: 7 },
      { key: "PE", count: 2 },
    ]);
    expect(report.courses).toBeNull();
    // The older link's country= is the workshop's country.
    expect(await reportFor("country=PE")).toEqual(report);
  });

  it("person country PE counts only Peruvians, in every workshop and course, and not the Guatemalans", async () => {
    const report = await reportFor("personCountry=PE");
    expect(report.headline.uniqueIndividuals).toBe(4);
    expect(report.headline.viaCoursesOnly).toBe(1);
    expect(report.byCountry).toEqual([{ key: "PE", count: 4 }]);
    expect(report.workshops.map((w) => [w.title, w.attended, w.registered, w.noShows])).toEqual([
      ["Taller en Lima", 2, 2, 0],
      ["Taller en Xela", 1, 2, 1],
    ]);
    expect(report.courses).toMatchObject({ enrolled: 1, completed: 1 });
    expect(report.headline).toMatchObject({ participations: 3, registered: 4, noShows: 1 });
  });

  it("person country GT counts the Guatemalans wherever they came; both filters together narrow both ways", async () => {
    expect((await reportFor("personCountry=GT")).headline.uniqueIndividuals).toBe(9);
    const both = await reportFor("workshopCountry=PE&personCountry=PE");
    expect(both.headline.uniqueIndividuals).toBe(2);
    expect(both.byCountry).toEqual([{ key: "PE", count: 2 }]);
  });
});

describe("page = CSV = command line", () => {
  const page = async (query: string) =>
    unwrap<ReachRequest>(
      await settle(() => reportLoader({ request: getRequest(`/reports?${query}`, cookie), params: {}, context: {} })),
    ).data;
  const csv = async (query: string) => {
    const response = (await settle(() =>
      exportLoader({ request: getRequest(`/reports/export?format=csv&${query}`, cookie), params: {}, context: {} }),
    )) as Response;
    expect(response.status).toBe(200);
    return (await response.text()).replace(/^\uFEFF/, "");
  };
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/report.ts", "--fy", "2023", ...args], {
      cwd: ROOT,
      env: { ...process.env },
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return result.stdout.replace(/^\uFEFF/, "");
  };

  // Each command-line run starts tsx on a busy 2-core machine: allow minutes, not seconds.
  it("gives the same figures for the person's country", { timeout: 180_000 }, async () => {
    const data = await page(`${FY}&personCountry=PE`);
    expect(data.filters).toMatchObject({ country: null, personCountry: "PE" });
    expect(data.report?.headline.uniqueIndividuals).toBe(4);
    const download = await csv(`${FY}&personCountry=PE`);
    expect(download).toContain("Perú");
    expect(cli("--person-country", "PE")).toBe(download);
  });

  it(
    "gives the same figures for the workshop's country, under its new name and the old one",
    { timeout: 300_000 },
    async () => {
      const data = await page(`${FY}&country=PE`);
      expect(data.filters).toMatchObject({ country: "PE", personCountry: null });
      expect(data.report?.headline.uniqueIndividuals).toBe(9);
      const download = await csv(`${FY}&workshopCountry=PE`);
      expect(await csv(`${FY}&country=PE`)).toBe(download);
      expect(cli("--workshop-country", "PE")).toBe(download);
      expect(cli("--country", "PE")).toBe(download);
    },
  );
});
