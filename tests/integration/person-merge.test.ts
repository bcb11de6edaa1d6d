import { describe, expect, it } from "vitest";
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
import {
  countLikelyDuplicates,
  listLikelyDuplicates,
  markDistinct,
  mergePersons,
} from "../../app/models/person-ledger.server";
import { computeReachReport } from "../../app/models/reach.server";
import { getDb } from "../../app/utils/db.server";

const FY2023 = fiscalYearFilters(2023);

describe("merging two persons", () => {
  it("moves everything to the kept person, resolves each conflict, and counts the human once", async () => {
    const db = await getDb();
    const manager = await makeAccount({ role: "manager" });
    const viewer = { accountId: manager.accountId, seesAll: true };
    const keep = await makePerson(db, { fullName: "Rosa Quispe", sex: "female", country: "PE" });
    const drop = await makePerson(db, {
      fullName: "ROSA QUISPE",
      birthYear: 1961,
      cooperative: "Coop Sur",
      country: "GT",
      phone: "+51999888777",
    });
    const a = await makeWorkshop(db, {
      title: "A",
      sessions: ["2023-03-10T15:00:00.000Z", "2023-03-17T15:00:00.000Z"],
    });
    const b = await makeWorkshop(db, { title: "B", sessions: ["2023-05-10T15:00:00.000Z"] });
    // Same workshop A: kept person cancelled, the other registered (stronger) → the registered one stays.
    await register(db, a.id, keep, { status: "cancelled", createdAt: "2023-03-01T00:00:00.000Z" });
    await register(db, a.id, drop, { status: "registered", method: "walk_in", createdAt: "2023-03-10T15:00:00.000Z" });
    // Same session: 10 minutes and absent vs. 45 minutes → one row, absent, 45 minutes: attended once.
    await markAttendance(db, a.sessionIds[0], keep, { status: "absent", minutesOnline: 10 });
    await markAttendance(db, a.sessionIds[0], drop, { status: null, minutesOnline: 45 });
    await markAttendance(db, a.sessionIds[1], drop, { status: "late" });
    // Workshop B only by the kept person.
    await register(db, b.id, keep);
    await markAttendance(db, b.sessionIds[0], keep);
    // The same course twice: earliest enrolment and earliest completion survive.
    const course = await makeCourse(db, { lessons: 2 });
    await enrol(db, course.id, keep, { enrolledAt: "2023-02-01T15:00:00.000Z" });
    await enrol(db, course.id, drop, {
      enrolledAt: "2023-01-05T15:00:00.000Z",
      completedAt: "2023-01-20T15:00:00.000Z",
      leftAt: null,
    });
    await db
      .insertInto("lesson_completion")
      .values([
        { person_id: keep, lesson_id: course.lessonIds[0], method: "manual", completed_at: "2023-02-02T00:00:00.000Z" },
        { person_id: drop, lesson_id: course.lessonIds[0], method: "video", completed_at: "2023-01-10T00:00:00.000Z" },
        { person_id: drop, lesson_id: course.lessonIds[1], method: "manual", completed_at: "2023-01-20T15:00:00.000Z" },
      ])
      .execute();
    const certificate = {
      course_id: course.id,
      full_name: "Rosa",
      course_title: "Curso",
      hours: 2,
      completed_at: "2023-01-20T15:00:00.000Z",
    };
    await db
      .insertInto("certificate")
      .values([
        { ...certificate, person_id: keep, code: "KEEP-LATER", issued_at: "2023-02-10T00:00:00.000Z" },
        { ...certificate, person_id: drop, code: "DROP-EARLIER", issued_at: "2023-01-20T15:00:00.000Z" },
      ])
      .execute();
    // The dropped person has a login: it moves with them.
    const login = await makeAccount({ fullName: "Rosa Quispe (cuenta)" });
    const loginPerson = login.personId;
    await db.updateTable("account").set({ person_id: drop }).where("id", "=", login.accountId).execute();
    await db.deleteFrom("person").where("id", "=", loginPerson).execute();

    const before = await computeReachReport(db, FY2023, viewer);
    // A: only the other record attended (10 minutes and absent do not count); B: the kept one.
    expect(before.headline).toMatchObject({ uniqueIndividuals: 2, participations: 2, registered: 2, walkIns: 1 });

    const result = await mergePersons(db, { keepId: keep, dropId: drop, actorAccountId: manager.accountId });
    expect(result).toEqual({ ok: true, keptId: keep, name: "Rosa Quispe" });

    const after = await computeReachReport(db, FY2023, viewer);
    expect(after.headline).toMatchObject({
      uniqueIndividuals: 1,
      participations: 2,
      registered: 2,
      walkIns: 1,
      noShows: 0,
    });
    expect(after.byAge.find((r) => r.key === "30_64")?.count).toBe(1); // birth year came from the other record

    const registrations = await db
      .selectFrom("registration")
      .select(["workshop_id", "status", "method"])
      .where("person_id", "=", keep)
      .orderBy("workshop_id")
      .execute();
    expect(registrations).toEqual([
      { workshop_id: a.id, status: "registered", method: "walk_in" },
      { workshop_id: b.id, status: "registered", method: "self" },
    ]);
    const attendance = await db
      .selectFrom("attendance")
      .select(["session_id", "status", "minutes_online"])
      .where("person_id", "=", keep)
      .orderBy("session_id")
      .execute();
    expect(attendance).toEqual([
      { session_id: a.sessionIds[0], status: "absent", minutes_online: 45 },
      { session_id: a.sessionIds[1], status: "late", minutes_online: null },
      { session_id: b.sessionIds[0], status: "present", minutes_online: null },
    ]);
    expect(
      await db
        .selectFrom("enrolment")
        .select(["enrolled_at", "completed_at", "left_at"])
        .where("person_id", "=", keep)
        .execute(),
    ).toEqual([{ enrolled_at: "2023-01-05T15:00:00.000Z", completed_at: "2023-01-20T15:00:00.000Z", left_at: null }]);
    expect(
      await db
        .selectFrom("lesson_completion")
        .select(["lesson_id", "completed_at"])
        .where("person_id", "=", keep)
        .orderBy("lesson_id")
        .execute(),
    ).toEqual([
      { lesson_id: course.lessonIds[0], completed_at: "2023-01-10T00:00:00.000Z" },
      { lesson_id: course.lessonIds[1], completed_at: "2023-01-20T15:00:00.000Z" },
    ]);
    expect(await db.selectFrom("certificate").select("code").where("person_id", "=", keep).execute()).toEqual([
      { code: "DROP-EARLIER" },
    ]);
    expect(
      await db.selectFrom("account").select("person_id").where("id", "=", login.accountId).executeTakeFirstOrThrow(),
    ).toEqual({ person_id: keep });
    const person = await db.selectFrom("person").selectAll().where("id", "=", keep).executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      sex: "female",
      birth_year: 1961,
      cooperative: "Coop Sur",
      country: "PE",
      phone: "+51999888777",
    });
    expect(await db.selectFrom("person").select("id").where("id", "=", drop).executeTakeFirst()).toBeUndefined();

    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "person.merged")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_account_id: manager.accountId, subject_type: "person", subject_id: keep });
    expect(Date.parse(audit.created_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.parse(audit.details)).toMatchObject({
      droppedId: drop,
      droppedName: "ROSA QUISPE",
      accountMoved: true,
      differingValues: { country: "GT" },
      droppedCertificateCodes: ["KEEP-LATER"],
      moved: { conflictsResolved: 5 },
    });
  });

  it("refuses two logins, unknown people and a person merged with themself, changing nothing", async () => {
    const db = await getDb();
    const actor = (await makeAccount({ role: "manager" })).accountId;
    const one = await makeAccount({ fullName: "Uno" });
    const two = await makeAccount({ fullName: "Dos" });
    expect(await mergePersons(db, { keepId: one.personId, dropId: two.personId, actorAccountId: actor })).toEqual({
      ok: false,
      error: "bothAccounts",
    });
    expect(await mergePersons(db, { keepId: one.personId, dropId: 987654, actorAccountId: actor })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await mergePersons(db, { keepId: one.personId, dropId: one.personId, actorAccountId: actor })).toEqual({
      ok: false,
      error: "same",
    });
    expect(
      await db.selectFrom("person").select("id").where("id", "in", [one.personId, two.personId]).execute(),
    ).toHaveLength(2);
  });
});

describe("likely duplicates", () => {
  it("pairs the same e-mail, phone, name and birth year, or name and cooperative; not names alone", async () => {
    const db = await getDb();
    const start = await countLikelyDuplicates(db);
    const e1 = await makePerson(db, { fullName: "Eva Uno", email: "eva@correo.example" });
    const e2 = await makePerson(db, { fullName: "Otra Eva", email: "eva@correo.example" });
    const n1 = await makePerson(db, { fullName: "Mamani Choque, Nélida", birthYear: 1975 });
    const n2 = await makePerson(db, { fullName: "nelida choque mamani", birthYear: 1975 });
    const c1 = await makePerson(db, { fullName: "Teófilo Ancco", cooperative: "Coop Lanera" });
    const c2 = await makePerson(db, { fullName: "Teofilo Ancco", cooperative: "coop lanera" });
    await makePerson(db, { fullName: "Teófilo Ancco", birthYear: 1980 }); // same name, nothing else shared
    const pairs = await listLikelyDuplicates(db);
    const reasons = (a: number, b: number) => pairs.find((p) => p.a.id === a && p.b.id === b)?.reasons;
    expect(reasons(e1, e2)).toEqual(["email"]);
    expect(reasons(n1, n2)).toEqual(["name_birth_year"]);
    expect(reasons(c1, c2)).toEqual(["name_cooperative"]);
    expect(await countLikelyDuplicates(db)).toBe(start + 3);

    const actor = (await makeAccount({ role: "manager" })).accountId;
    expect(await markDistinct(db, { personIds: [c2, c1], actorAccountId: actor })).toBe(true);
    expect(await countLikelyDuplicates(db)).toBe(start + 2);
  });
});
