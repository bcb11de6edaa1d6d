import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEXES } from "../../db/schema";
import { makeAccount } from "../../db/factories";
import { enrol, makeCourse, makePerson, makeWorkshop, markAttendance, register } from "../../db/factories/reach";
import { attendedSession } from "../../app/domain/attendance-rule";
import type { Period, ReachFilters } from "../../app/domain/reach-filters";
import { mergePersons } from "../../app/models/person-ledger.server";
import { computeReachReport, countAfresh, type ReachReport } from "../../app/models/reach.server";
import { getDb } from "../../app/utils/db.server";

/** Instants around the FY 2023 boundaries in Lima (UTC−5), so periods cut through ledgers. */
const INSTANTS = [
  "2022-09-30T15:00:00.000Z",
  "2022-10-01T04:30:00.000Z", // 30 Sep 2022, 23:30 in Lima: FY 2022
  "2022-10-01T05:30:00.000Z", // 1 Oct 2022, 00:30 in Lima: FY 2023
  "2022-12-31T23:00:00.000Z",
  "2023-03-10T15:00:00.000Z",
  "2023-10-01T04:30:00.000Z", // 30 Sep 2023 in Lima: FY 2023
  "2023-10-02T15:00:00.000Z",
];

const ledgerArbitrary = fc.record({
  persons: fc.array(
    fc.record({
      sex: fc.constantFrom(...SEXES),
      birthYear: fc.option(fc.integer({ min: 1930, max: 2030 }), { nil: null }),
      country: fc.option(fc.constantFrom("PE", "GT", "HN"), { nil: null }),
      cooperative: fc.option(fc.constantFrom("Coop A", "Coop B"), { nil: null }),
    }),
    { minLength: 2, maxLength: 8 },
  ),
  workshops: fc.array(
    fc.record({
      modality: fc.constantFrom("online", "in_person", "hybrid") as fc.Arbitrary<"online" | "in_person" | "hybrid">,
      country: fc.option(fc.constantFrom("PE", "GT"), { nil: null }),
      minMinutes: fc.constantFrom(20, 30, 45),
      cancelled: fc.constantFrom(false, false, false, false, false, true),
      sessions: fc.uniqueArray(fc.constantFrom(...INSTANTS), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  marks: fc.array(
    fc.record({
      person: fc.nat(),
      workshop: fc.nat(),
      session: fc.nat(),
      status: fc.option(
        fc.constantFrom("present", "late", "excused", "absent") as fc.Arbitrary<
          "present" | "late" | "excused" | "absent"
        >,
        { nil: null },
      ),
      minutes: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    }),
    { maxLength: 25 },
  ),
  registrations: fc.array(
    fc.record({
      person: fc.nat(),
      workshop: fc.nat(),
      status: fc.constantFrom("registered", "waitlisted", "cancelled") as fc.Arbitrary<
        "registered" | "waitlisted" | "cancelled"
      >,
      method: fc.constantFrom("self", "staff", "walk_in") as fc.Arbitrary<"self" | "staff" | "walk_in">,
      createdAt: fc.constantFrom(...INSTANTS),
    }),
    { maxLength: 20 },
  ),
  enrolments: fc.array(
    fc.record({
      person: fc.nat(),
      enrolledAt: fc.constantFrom(...INSTANTS),
      completedAfterDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    }),
    { maxLength: 6 },
  ),
  merge: fc.tuple(fc.nat(), fc.nat()),
});
type Ledger = typeof ledgerArbitrary extends fc.Arbitrary<infer L> ? L : never;

async function clearLedger() {
  const db = await getDb();
  for (const table of [
    "attendance",
    "attendance_import",
    "registration",
    "workshop_session",
    "workshop_facilitator",
    "lesson_completion",
    "certificate",
    "enrolment",
    "person_distinct",
  ] as const) {
    await db.deleteFrom(table).execute();
  }
  await db.deleteFrom("audit_log").execute();
  await db.deleteFrom("workshop").execute();
  await db
    .deleteFrom("person")
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("account").select("account.id").whereRef("account.person_id", "=", "person.id"))),
    )
    .execute();
}

async function build(ledger: Ledger, courseId: number) {
  const db = await getDb();
  const persons: number[] = [];
  for (const p of ledger.persons) persons.push(await makePerson(db, p));
  const workshops = [];
  for (const w of ledger.workshops) {
    workshops.push(
      await makeWorkshop(db, {
        modality: w.modality,
        country: w.country,
        attendanceMinMinutes: w.minMinutes,
        status: w.cancelled ? "cancelled" : "published",
        sessions: w.sessions,
      }),
    );
  }
  const seen = new Set<string>();
  for (const m of ledger.marks) {
    const workshop = workshops[m.workshop % workshops.length];
    const session = workshop.sessionIds[m.session % workshop.sessionIds.length];
    const person = persons[m.person % persons.length];
    if (seen.has(`${session}-${person}`)) continue;
    seen.add(`${session}-${person}`);
    await markAttendance(db, session, person, { status: m.status, minutesOnline: m.minutes });
  }
  for (const r of ledger.registrations) {
    const workshop = workshops[r.workshop % workshops.length].id;
    const person = persons[r.person % persons.length];
    if (seen.has(`r${workshop}-${person}`)) continue;
    seen.add(`r${workshop}-${person}`);
    await register(db, workshop, person, { status: r.status, method: r.method, createdAt: r.createdAt });
  }
  for (const e of ledger.enrolments) {
    const person = persons[e.person % persons.length];
    if (seen.has(`e${person}`)) continue;
    seen.add(`e${person}`);
    const completedAt =
      e.completedAfterDays === null
        ? null
        : new Date(Date.parse(e.enrolledAt) + e.completedAfterDays * 86_400_000).toISOString();
    await enrol(db, courseId, person, { enrolledAt: e.enrolledAt, completedAt });
  }
  return persons;
}

/**
 * The people reached over the life of the project, counted from the ledger itself with the
 * attendance rule in TypeScript (not from the report's SQL), and their split by sex.
 */
function expectedAllTime(ledger: Ledger, countEnrolments: boolean) {
  const reached = new Set<number>();
  const seen = new Set<string>();
  for (const m of ledger.marks) {
    const w = m.workshop % ledger.workshops.length;
    const workshop = ledger.workshops[w];
    const key = `${w}-${m.session % workshop.sessions.length}-${m.person % ledger.persons.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!workshop.cancelled && attendedSession({ status: m.status, minutesOnline: m.minutes }, workshop.minMinutes))
      reached.add(m.person % ledger.persons.length);
  }
  const enrolled = new Set<number>();
  for (const e of ledger.enrolments) {
    const person = e.person % ledger.persons.length;
    if (enrolled.has(person)) continue;
    enrolled.add(person);
    if (countEnrolments || e.completedAfterDays !== null) reached.add(person);
  }
  const bySex = new Map<string, number>();
  for (const person of reached) bySex.set(ledger.persons[person].sex, (bySex.get(ledger.persons[person].sex) ?? 0) + 1);
  return { unique: reached.size, bySex };
}

function checkReconciles(report: ReachReport) {
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
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(total);
  }
  expect(report.headline.viaWorkshops).toBeLessThanOrEqual(report.headline.participations);
  expect(total).toBeLessThanOrEqual(
    report.headline.participations +
      (report.courses?.completed ?? 0) +
      (report.countEnrolments ? (report.courses?.enrolled ?? 0) : 0),
  );
  for (const w of report.workshops) {
    expect(w.noShows).toBeLessThanOrEqual(w.registered);
    // A walk-in is someone who attended without registering in advance.
    expect(w.walkIns).toBeLessThanOrEqual(w.attended);
    expect(w.belowMinimum + w.neverCame).toBe(w.noShows);
  }
}

const filters = (period: Period, countEnrolments: boolean): ReachFilters => ({
  period,
  country: null,
  workshopId: null,
  facilitatorId: null,
  courseId: null,
  countEnrolments,
});

describe("reach over random ledgers", () => {
  it("reconciles every disaggregation, never counts more unique people than participations, and merging never raises a count", async () => {
    const db = await getDb();
    const manager = await makeAccount({ role: "manager" });
    const viewer = { accountId: manager.accountId, seesAll: true };
    await fc.assert(
      fc.asyncProperty(ledgerArbitrary, fc.boolean(), async (ledger, countEnrolments) => {
        await clearLedger();
        const course = await makeCourse(db);
        const persons = await build(ledger, course.id);
        const views = [
          filters({ kind: "fy", year: 2023 }, countEnrolments),
          filters({ kind: "all" }, countEnrolments),
          filters({ kind: "year", year: 2022 }, countEnrolments),
        ];
        const before = [];
        for (const view of views) {
          const report = await computeReachReport(db, view, viewer);
          checkReconciles(report);
          before.push(report);
        }
        // The fiscal year is served from the reach facts (docs/decisions/025): the same as counted from the ledger.
        expect(before[0], "FY 2023 from the facts").toEqual(await countAfresh(db, views[0], viewer));
        const expected = expectedAllTime(ledger, countEnrolments);
        expect(before[1].headline.uniqueIndividuals, "unique people, counted independently").toBe(expected.unique);
        for (const row of before[1].bySex) expect(row.count, `sex ${row.key}`).toBe(expected.bySex.get(row.key) ?? 0);
        const [x, y] = [persons[ledger.merge[0] % persons.length], persons[ledger.merge[1] % persons.length]];
        if (x === y) return;
        expect(await mergePersons(db, { keepId: x, dropId: y, actorAccountId: manager.accountId })).toMatchObject({
          ok: true,
        });
        for (const [i, view] of views.entries()) {
          const after = await computeReachReport(db, view, viewer);
          checkReconciles(after);
          if (i === 0)
            expect(after, "FY 2023 from the facts, after a merge").toEqual(await countAfresh(db, view, viewer));
          for (const key of [
            "uniqueIndividuals",
            "participations",
            "registered",
            "noShows",
            "walkIns",
            "viaWorkshops",
          ] as const) {
            expect(after.headline[key], key).toBeLessThanOrEqual(before[i].headline[key]);
          }
          expect(after.headline.workshops).toBe(before[i].headline.workshops);
          expect(after.courses!.enrolled).toBeLessThanOrEqual(before[i].courses!.enrolled);
          expect(after.courses!.completed).toBeLessThanOrEqual(before[i].courses!.completed);
          for (const [w, row] of after.workshops.entries())
            expect(row.attended).toBeLessThanOrEqual(before[i].workshops[w].attended);
        }
      }),
      { numRuns: 40, seed: 20231001 },
    );
  }, 120_000);
});
