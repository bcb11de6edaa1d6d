import { beforeAll, describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import {
  enrol,
  fiscalYearFilters,
  makeCourse,
  makePerson,
  makeWorkshop,
  markAttendance,
  register,
} from "../../db/factories/reach";
import { computeReachReport, type ReachViewer } from "../../app/models/reach.server";
import { getDb } from "../../app/utils/db.server";

/**
 * A small ledger whose every figure was computed by hand (see the comments). FY 2023 runs
 * 1 Oct 2022 – 30 Sep 2023 in each workshop's local time.
 */
const FY2023 = fiscalYearFilters(2023);
let manager: ReachViewer;
let fac1: ReachViewer;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const db = await getDb();
  const f1 = await makeAccount({ role: "facilitator", fullName: "Facilitadora Uno" });
  const f2 = await makeAccount({ role: "facilitator", fullName: "Facilitador Dos" });
  const boss = await makeAccount({ role: "manager" });
  manager = { accountId: boss.accountId, seesAll: true };
  fac1 = { accountId: f1.accountId, seesAll: false };
  ids.fac2 = f2.accountId;

  const person = (spec: Parameters<typeof makePerson>[1]) => makePerson(db, spec);
  const p1 = await person({
    fullName: "Ana Apaza",
    sex: "female",
    birthYear: 1990,
    country: "PE",
    cooperative: "Coop Andina",
  });
  const p2 = await person({ fullName: "Beto Bustos", sex: "male", birthYear: 1993, country: "PE", region: "Cusco" }); // turns 30 in 2023
  const p3 = await person({ fullName: "Carla Cano", country: null }); // never counts
  const p4 = await person({ fullName: "Dina Diaz", sex: "female", birthYear: 2012, country: "PE" }); // 11: under 15
  const p5 = await person({
    fullName: "Eva Estrada",
    sex: "other",
    birthYear: 1950,
    country: "GT",
    region: "Quetzaltenango",
  });
  const p6 = await person({ fullName: "Fel Flores", sex: "male", birthYear: 1980 });
  const p7 = await person({ fullName: "Gil Gomez", sex: "male", birthYear: 1985 });
  const p8 = await person({ fullName: "Hilda Huaman", sex: "female", birthYear: 1970 });
  const p9 = await person({ fullName: "Ivan Ito", birthYear: 2030, country: null }); // impossible year: age not stated
  const p10 = await person({ fullName: "Julia Jara", sex: "female", birthYear: 2000, country: "PE" });
  const p11 = await person({ fullName: "Kike Kana", sex: "male", birthYear: 2001, country: "PE" });
  const p12 = await person({ fullName: "Luz Lima", sex: "female", birthYear: 1999, country: "PE" });
  Object.assign(ids, { p1, p2, p3, p4, p5, p9, p10, p11 });

  // A: in person, Peru, two sessions in March 2023.
  const a = await makeWorkshop(db, {
    title: "A",
    facilitatorAccountIds: [f1.accountId],
    region: "Cusco",
    sessions: ["2023-03-10T15:00:00.000Z", "2023-03-17T15:00:00.000Z"],
  });
  ids.a = a.id;
  await register(db, a.id, p1);
  await register(db, a.id, p2);
  await register(db, a.id, p3);
  await register(db, a.id, p4, { method: "walk_in" });
  await register(db, a.id, p6, { status: "cancelled" });
  await register(db, a.id, p7, { status: "waitlisted" });
  await markAttendance(db, a.sessionIds[0], p1); // present, and again next week: counted once
  await markAttendance(db, a.sessionIds[1], p1);
  await markAttendance(db, a.sessionIds[0], p2, { status: "late" });
  await markAttendance(db, a.sessionIds[0], p3, { status: "excused" });
  await markAttendance(db, a.sessionIds[1], p4);

  // B: online, Guatemala time, facilitated by the other facilitator.
  const b = await makeWorkshop(db, {
    title: "B",
    modality: "online",
    country: "GT",
    timezone: "America/Guatemala",
    facilitatorAccountIds: [f2.accountId],
    sessions: ["2023-06-01T16:00:00.000Z"],
  });
  ids.b = b.id;
  for (const p of [p1, p3, p5]) await register(db, b.id, p);
  await markAttendance(db, b.sessionIds[0], p1, { status: null, minutesOnline: 45 });
  await markAttendance(db, b.sessionIds[0], p3, { status: null, minutesOnline: 20 }); // below 30 minutes
  await markAttendance(db, b.sessionIds[0], p5, { status: null, minutesOnline: 30 }); // exactly the rule
  await db
    .insertInto("attendance_import")
    .values({
      session_id: b.sessionIds[0],
      file_hash: "h",
      file_name: "zoom.csv",
      format: "zoom",
      rows_total: 5,
      rows_matched: 3,
      rows_ignored: 2,
      imported_at: "2023-06-02T00:00:00.000Z",
    })
    .execute();

  // C: 23:30 on 30 September 2023 in Lima (04:30 UTC on 1 October): still FY 2023.
  const c = await makeWorkshop(db, {
    title: "C",
    facilitatorAccountIds: [f1.accountId],
    sessions: ["2023-10-01T04:30:00.000Z"],
  });
  await register(db, c.id, p2);
  await markAttendance(db, c.sessionIds[0], p2);
  await markAttendance(db, c.sessionIds[0], p9, { status: "absent", minutesOnline: 40 }); // unregistered; minutes count

  // D: 23:30 on 30 September 2022 in Lima: FY 2022.
  const d = await makeWorkshop(db, {
    title: "D",
    facilitatorAccountIds: [f2.accountId],
    sessions: ["2022-10-01T04:30:00.000Z"],
  });
  await markAttendance(db, d.sessionIds[0], p6);

  // E: cancelled, so ignored entirely.
  const e = await makeWorkshop(db, { title: "E", status: "cancelled", sessions: ["2023-04-01T15:00:00.000Z"] });
  await markAttendance(db, e.sessionIds[0], p8);

  // F: November 2022, when Beto was still 29.
  const f = await makeWorkshop(db, {
    title: "F",
    facilitatorAccountIds: [f1.accountId],
    sessions: ["2022-11-15T15:00:00.000Z"],
  });
  await markAttendance(db, f.sessionIds[0], p2);

  const k = await makeCourse(db, { title: "Curso K" });
  ids.k = k.id;
  await enrol(db, k.id, p1, { enrolledAt: "2023-01-10T15:00:00.000Z", completedAt: "2023-02-01T15:00:00.000Z" });
  await enrol(db, k.id, p10, { enrolledAt: "2023-08-01T15:00:00.000Z", completedAt: "2023-10-01T03:00:00.000Z" }); // 22:00 on 30 Sep in Lima
  await enrol(db, k.id, p11, { enrolledAt: "2023-05-01T15:00:00.000Z" });
  await enrol(db, k.id, p12, { enrolledAt: "2022-09-01T15:00:00.000Z", completedAt: "2022-09-30T12:00:00.000Z" });
});

const counts = <K>(rows: Array<{ key: K; count: number }>) =>
  Object.fromEntries(rows.map((r) => [String(r.key), r.count]));

describe("reach for FY 2023, as a manager", () => {
  it("counts workshops, participations and unique individuals by hand-computed rules", async () => {
    const report = await computeReachReport(await getDb(), FY2023, manager);
    expect(report.from).toBe("2022-10-01");
    expect(report.to).toBe("2023-09-30");
    // A, B, C, F; D is FY 2022 in Lima time, E is cancelled.
    expect(report.workshops.map((w) => w.title)).toEqual(["F", "A", "B", "C"]);
    expect(report.headline).toEqual({
      workshops: 4,
      sessions: 5,
      participations: 8, // A 3 + B 2 + C 2 + F 1
      uniqueIndividuals: 6, // Ana, Beto, Dina, Eva, Ivan + Julia (course)
      viaWorkshops: 5,
      viaCoursesOnly: 1,
      registered: 8,
      noShows: 2,
      walkIns: 3, // Dina at A's door, Ivan at C and Beto at F without registering
      belowMinimum: 1, // Carla's 20 minutes at B
      neverCame: 1, // Carla excused at A
    });
  });

  it("fills the per-workshop table: registered excludes cancelled and waitlisted; walk-ins count as registered", async () => {
    const report = await computeReachReport(await getDb(), FY2023, manager);
    const byTitle = Object.fromEntries(report.workshops.map((w) => [w.title, w]));
    expect(byTitle.A).toMatchObject({
      sessions: 2,
      registered: 4,
      attended: 3,
      walkIns: 1,
      noShows: 1,
      belowMinimum: 0,
      neverCame: 1,
      attendanceRate: 0.75,
      facilitators: ["Facilitadora Uno"],
    });
    expect(byTitle.B).toMatchObject({
      registered: 3,
      attended: 2,
      walkIns: 0,
      noShows: 1,
      belowMinimum: 1,
      neverCame: 0,
      firstDate: "2023-06-01",
    });
    expect(byTitle.B.attendanceRate).toBeCloseTo(2 / 3);
    expect(byTitle.C).toMatchObject({
      registered: 1,
      attended: 2,
      walkIns: 1, // Ivan, unregistered, online long enough
      noShows: 0,
      attendanceRate: 1,
      firstDate: "2023-09-30",
    });
    expect(byTitle.F).toMatchObject({ registered: 0, attended: 1, walkIns: 1, attendanceRate: null });
  });

  it("disaggregates every dimension to the same total", async () => {
    const report = await computeReachReport(await getDb(), FY2023, manager);
    expect(counts(report.bySex)).toEqual({ female: 3, male: 1, other: 1, not_stated: 1 });
    // Beto's first participation in FY 2023 was in 2022, at 29.
    expect(counts(report.byAge)).toEqual({ under_15: 1, "15_29": 2, "30_64": 1, "65_plus": 1, not_stated: 1 });
    expect(counts(report.byFunderAge)).toEqual({ "15_29": 2, "30_plus": 2, under_15: 1, not_available: 1 });
    expect(counts(report.byCountry)).toEqual({ PE: 4, GT: 1, null: 1 });
    expect(report.byRegion).toContainEqual({ country: "GT", region: "Quetzaltenango", count: 1 });
    expect(counts(report.byModality)).toEqual({ in_person: 3, online: 1, hybrid: 0, several: 1, courses_only: 1 });
    expect(counts(report.byCooperative)).toEqual({ "Coop Andina": 1, null: 5 });
    // Ana first took part by completing the course in February.
    expect(counts(report.byMonth)).toEqual({ "2022-11": 1, "2023-02": 1, "2023-03": 1, "2023-06": 1, "2023-09": 2 });
    const total = report.headline.uniqueIndividuals;
    for (const rows of [
      report.bySex,
      report.byAge,
      report.byFunderAge,
      report.byCountry,
      report.byRegion,
      report.byCooperative,
      report.byModality,
      report.byMonth,
    ]) {
      expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(total);
    }
  });

  it("reports course reach by the completion moment in Lima time", async () => {
    const report = await computeReachReport(await getDb(), FY2023, manager);
    expect(report.courses?.rows).toEqual([
      { id: ids.k, title: "Curso K", enrolled: 3, completed: 2, cohortCompleted: 2, completionRate: 2 / 3 },
    ]);
    const withEnrolments = await computeReachReport(await getDb(), { ...FY2023, countEnrolments: true }, manager);
    expect(withEnrolments.headline.uniqueIndividuals).toBe(7); // + Kike, enrolled but not finished
  });

  it("shows data quality: import rows matched and missing personal data among those reached", async () => {
    const report = await computeReachReport(await getDb(), FY2023, manager);
    expect(report.quality).toEqual({
      importRowsTotal: 5,
      importRowsMatched: 3,
      importRowsIgnored: 2,
      matchedShare: 0.6,
      missingSex: 1,
      missingBirthYear: 0,
      missingCountry: 1,
    });
  });
});

describe("periods and filters", () => {
  it("in calendar year 2023 the person who turned 30 is 30", async () => {
    const report = await computeReachReport(
      await getDb(),
      { ...FY2023, period: { kind: "year", year: 2023 } },
      manager,
    );
    expect(report.workshops.map((w) => w.title)).toEqual(["A", "B", "C"]);
    expect(report.headline.uniqueIndividuals).toBe(6);
    expect(counts(report.byAge)).toMatchObject({ "15_29": 1, "30_64": 2 });
  });

  it("a custom range ending on 30 September 2022 holds the 23:30 session of workshop D, and nothing of FY 2023", async () => {
    const report = await computeReachReport(
      await getDb(),
      { ...FY2023, period: { kind: "custom", from: "2022-09-30", to: "2022-09-30" } },
      manager,
    );
    expect(report.workshops.map((w) => w.title)).toEqual(["D"]);
    expect(report.headline.uniqueIndividuals).toBe(2); // Fel at D, Luz completed the course that day
  });

  it("filters by country, workshop and facilitator", async () => {
    const db = await getDb();
    const gt = await computeReachReport(db, { ...FY2023, country: "GT" }, manager);
    expect(gt.workshops.map((w) => w.title)).toEqual(["B"]);
    expect(gt.headline.uniqueIndividuals).toBe(2);
    const a = await computeReachReport(db, { ...FY2023, workshopId: ids.a }, manager);
    expect(a.headline.uniqueIndividuals).toBe(3);
    expect(a.courses).toBeNull();
    const byFac2 = await computeReachReport(db, { ...FY2023, facilitatorId: ids.fac2 }, manager);
    expect(byFac2.workshops.map((w) => w.title)).toEqual(["B"]);
    const life = await computeReachReport(db, { ...FY2023, period: { kind: "all" } }, manager);
    expect(life.headline.workshops).toBe(5);
    expect(life.headline.uniqueIndividuals).toBe(8); // + Fel, Luz
  });

  it("a facilitator sees only the workshops they facilitate, and no courses", async () => {
    const db = await getDb();
    const mine = await computeReachReport(db, FY2023, fac1);
    expect(mine.workshops.map((w) => w.title)).toEqual(["F", "A", "C"]);
    expect(mine.headline.uniqueIndividuals).toBe(4);
    expect(mine.courses).toBeNull();
    const theirs = await computeReachReport(db, { ...FY2023, workshopId: ids.b }, fac1);
    expect(theirs.workshops).toEqual([]);
    expect(theirs.headline.uniqueIndividuals).toBe(0);
  });
});
