import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { ReachFilters } from "../../app/domain/reach-filters";
import { setMarkInTransaction } from "../../app/models/attendance.server";
import { correctAttendance } from "../../app/models/attendance-correction.server";
import { undoImport } from "../../app/models/attendance-import-undo.server";
import { countLikelyDuplicates, markDistinct, mergePersons } from "../../app/models/person-ledger.server";
import { reuseWhileUnchanged } from "../../app/models/reach-cache.server";
import { reachFactsCurrent, refreshReachFacts } from "../../app/models/reach-facts.server";
import { erasePerson } from "../../app/models/privacy.server";
import { computeReachReport, countAfresh, type ReachReport, type ReachViewer } from "../../app/models/reach.server";
import { createDatabase, getDb, writeTransaction } from "../../app/utils/db.server";
import { enrol, makeCourse, makePerson, register } from "../../db/factories/reach";
import { seedDemo } from "../../db/seed";
import { importReport } from "../../db/factories/attendance";
import { fixtureBytes } from "../support/attendance-fixtures";

const filters = (period: ReachFilters["period"], countEnrolments = true): ReachFilters => ({
  period,
  country: null,
  workshopId: null,
  facilitatorId: null,
  courseId: null,
  countEnrolments,
});

const FY2023 = { kind: "fy", year: 2023 } as const;
const IN_FY2023 = "2023-03-15T15:00:00.000Z";

/**
 * The report served after a write must be the one a fresh computation gives: the data version
 * (docs/decisions/017) has to move for every kind of write that changes reach, and the reach facts
 * kept per fiscal year (docs/decisions/025) must be brought up to date by it. Each step below
 * changes the figures (checked), then the report of the running process is compared with one
 * counted from the ledger by a new connection, which has nothing remembered and reads no facts.
 */
describe("the reach report after each kind of write", () => {
  it("is always the one computed from scratch", async () => {
    const db = await getDb();
    await seedDemo(db);
    const admin = await db
      .selectFrom("account")
      .select("id")
      .where("email", "=", "admin@minka.test")
      .executeTakeFirstOrThrow();
    const facilitator = await db
      .selectFrom("account")
      .select("id")
      .where("email", "=", "facilitadora@minka.test")
      .executeTakeFirstOrThrow();
    const manager: ReachViewer = { accountId: admin.id, seesAll: true };
    const views: Array<[ReachFilters, ReachViewer]> = [
      [filters(FY2023), manager],
      [filters(FY2023, false), manager],
      [filters({ kind: "all" }, false), manager],
      [filters(FY2023), { accountId: facilitator.id, seesAll: false }],
    ];
    const file = process.env.DATABASE_URL!;

    const served = () => Promise.all(views.map(([f, v]) => computeReachReport(db, f, v)));
    const fromScratch = async () => {
      const other = await createDatabase(file);
      try {
        const reports: ReachReport[] = [];
        for (const [f, v] of views) reports.push(await countAfresh(other, f, v));
        return reports;
      } finally {
        await other.destroy();
      }
    };
    let previous: ReachReport[] = await served();
    // Served twice without a write: the same figures.
    expect(await served()).toEqual(previous);
    // The likely-duplicates count shown beside the report is reused the same way.
    const duplicates = () => reuseWhileUnchanged(db, "likely-duplicates", () => countLikelyDuplicates(db));
    let previousDuplicates = await duplicates();
    const afterLedgerChange = async (write: string) => {
      const now = await duplicates();
      expect(now, write).toBe(await countLikelyDuplicates(db));
      expect(now, `${write} changes the count`).not.toBe(previousDuplicates);
      previousDuplicates = now;
    };
    // The fiscal-year views are served from the facts: nothing left stale once they are read.
    const servedFromFacts = async () => {
      expect(await reachFactsCurrent(db)).toBe(true);
      const facts = await db
        .selectFrom("reach_fy_person")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("fy", "=", 2023)
        .executeTakeFirstOrThrow();
      expect(Number(facts.n)).toBeGreaterThan(0);
    };
    await servedFromFacts();
    const after = async (write: string, changesFigures = true) => {
      const now = await served();
      await servedFromFacts();
      expect(now, write).toEqual(await fromScratch());
      expect(await duplicates(), write).toBe(await countLikelyDuplicates(db));
      if (changesFigures) expect(now, `${write} changes the figures`).not.toEqual(previous);
      previous = now;
    };

    const session = await db
      .selectFrom("workshop_session as s")
      .innerJoin("workshop_facilitator as wf", "wf.workshop_id", "s.workshop_id")
      .select(["s.id", "s.workshop_id", "s.starts_at"])
      .where("wf.account_id", "=", facilitator.id)
      .where("s.local_date", ">=", "2022-10-01")
      .where("s.local_date", "<=", "2023-09-30")
      .orderBy("s.id")
      .executeTakeFirstOrThrow();

    const newcomer = await makePerson(db, { sex: "female", birthYear: 1950, country: "PE" });
    await after("a new person nobody reached yet", false);

    await register(db, session.workshop_id, newcomer, { createdAt: IN_FY2023 });
    await after("a registration");

    await db
      .updateTable("registration")
      .set({ status: "cancelled" })
      .where("person_id", "=", newcomer)
      .where("workshop_id", "=", session.workshop_id)
      .execute();
    await after("a cancelled registration");

    await writeTransaction(db, (tx) =>
      setMarkInTransaction(tx, {
        sessionId: session.id,
        personId: newcomer,
        status: "present",
        actorAccountId: admin.id,
      }),
    );
    await after("a roll-call mark");

    await writeTransaction(db, (tx) =>
      setMarkInTransaction(tx, {
        sessionId: session.id,
        personId: newcomer,
        status: "absent",
        actorAccountId: admin.id,
      }),
    );
    await after("a mark corrected to absent");

    await db
      .insertInto("attendance")
      .values({
        session_id: session.id,
        person_id: newcomer,
        status: null,
        minutes_online: 25,
        source: "import",
        recorded_at: IN_FY2023,
      })
      .onConflict((oc) => oc.columns(["session_id", "person_id"]).doUpdateSet({ status: null, minutes_online: 25 }))
      .execute();
    await after("an imported 25 minutes online (below the threshold)", false);

    await db
      .updateTable("workshop")
      .set({ attendance_min_minutes: 20 })
      .where("id", "=", session.workshop_id)
      .execute();
    await after("the workshop's threshold lowered to 20 minutes");

    expect(
      await correctAttendance(db, {
        workshopId: session.workshop_id,
        sessionId: session.id,
        personId: newcomer,
        correctedStatus: "absent",
        correctedMinutes: null,
        reason: "Dejó la sesión abierta",
        actorAccountId: admin.id,
      }),
    ).toEqual({ ok: true, changed: true });
    await after("a hand correction to absent, whatever the imported minutes");

    await correctAttendance(db, {
      workshopId: session.workshop_id,
      sessionId: session.id,
      personId: newcomer,
      correctedStatus: null,
      correctedMinutes: null,
      reason: "Me equivoqué de persona",
      actorAccountId: admin.id,
    });
    await after("the hand correction removed (the imported minutes count again)");

    await db.deleteFrom("attendance").where("person_id", "=", newcomer).execute();
    await after("attendance rows deleted by hand");

    // The real import and undo paths (docs/decisions/022). Without the session's end, no time is clipped.
    const importRowsBefore = previous[0].quality.importRowsTotal;
    const imported = await importReport({
      workshopId: session.workshop_id,
      session: { id: session.id, starts_at: session.starts_at },
      bytes: fixtureBytes("zoom-meeting-participants.csv"),
      actorAccountId: facilitator.id,
    });
    if (imported.confirmed?.kind !== "saved") throw new Error(`import not saved: ${imported.confirmed?.kind}`);
    await after("an attendance report imported");
    const undone = await undoImport(db, {
      importId: imported.confirmed.importId,
      sessionId: session.id,
      workshopId: session.workshop_id,
      actorAccountId: facilitator.id,
    });
    expect(undone.kind).toBe("undone");
    await after("the import undone");
    // An undone import's rows leave the data-quality figures too.
    expect(previous[0].quality.importRowsTotal).toBe(importRowsBefore);

    const course = await makeCourse(db);
    await enrol(db, course.id, newcomer, { enrolledAt: IN_FY2023 });
    await after("a course enrolment");

    await db
      .updateTable("enrolment")
      .set({ completed_at: "2023-04-01T15:00:00.000Z" })
      .where("person_id", "=", newcomer)
      .execute();
    await after("a course completed");

    await db.updateTable("person").set({ birth_year: 2000, sex: "male" }).where("id", "=", newcomer).execute();
    await after("sex and birth year corrected");

    await db.updateTable("person").set({ country: "GT", region: "GT-01" }).where("id", "=", newcomer).execute();
    await after("country and region corrected");

    const twin = await makePerson(db, { fullName: "Gemela Quispe", email: "gemela@correo.example" });
    await db.updateTable("person").set({ email: "gemela@correo.example" }).where("id", "=", newcomer).execute();
    await afterLedgerChange("a person given the e-mail of another (a likely duplicate)");
    expect(await markDistinct(db, { personIds: [newcomer, twin], actorAccountId: admin.id })).toBe(true);
    await afterLedgerChange("the pair marked as different people");

    const [a, b] = await db
      .selectFrom("attendance as a")
      .innerJoin("workshop_session as s", "s.id", "a.session_id")
      .select("a.person_id")
      .distinct()
      .where("s.local_date", ">=", "2022-10-01")
      .where("s.local_date", "<=", "2023-09-30")
      .where("a.status", "=", "present")
      .orderBy("a.person_id")
      .limit(2)
      .execute();
    expect(
      await mergePersons(db, { keepId: a.person_id, dropId: b.person_id, actorAccountId: admin.id }),
    ).toMatchObject({
      ok: true,
    });
    await after("two people merged");

    expect(await erasePerson(db, a.person_id, admin.id)).toBe(true);
    await after("a person erased (the figures stay)", false);

    await db
      .updateTable("workshop_session")
      .set({ starts_at: "2021-03-15T15:00:00.000Z" })
      .where("id", "=", session.id)
      .execute();
    await after("a session moved out of the year");

    await db.updateTable("workshop").set({ status: "cancelled" }).where("id", "=", session.workshop_id).execute();
    await after("a workshop cancelled");

    await db.deleteFrom("workshop_facilitator").where("account_id", "=", facilitator.id).execute();
    await after("a facilitator taken off their workshops");
  });
});

describe("the reach facts rebuilt whole", () => {
  it("give the figures counted from the ledger, every fiscal year, with and without enrolments", async () => {
    const db = await getDb();
    await seedDemo(db);
    const admin = await db
      .selectFrom("account")
      .select("id")
      .where("email", "=", "admin@minka.test")
      .executeTakeFirstOrThrow();
    const manager: ReachViewer = { accountId: admin.id, seesAll: true };
    // As after the migration: everyone and every workshop dirty, past the "rebuild whole" limits.
    await db.deleteFrom("reach_fy_person").execute();
    await db.deleteFrom("reach_fy_workshop").execute();
    await sql`insert or ignore into reach_dirty_person (person_id, fy) select id, 0 from person`.execute(db);
    await sql`insert or ignore into reach_dirty_workshop (workshop_id, people) select id, 1 from workshop`.execute(db);
    expect(await refreshReachFacts(db, { persons: 0, workshops: 0 })).toMatchObject({ persons: expect.any(Number) });
    expect(await reachFactsCurrent(db)).toBe(true);
    let reached = 0;
    for (const year of [2022, 2023, 2024, 2025]) {
      for (const countEnrolments of [false, true]) {
        const wanted = filters({ kind: "fy", year }, countEnrolments);
        const served = await computeReachReport(db, wanted, manager);
        expect(served, `FY ${year}`).toEqual(await countAfresh(db, wanted, manager));
        reached += served.headline.uniqueIndividuals;
      }
    }
    expect(reached).toBeGreaterThan(0);
  });
});
