import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { fiscalYearFilters, makePerson, makeWorkshop, markAttendance, register } from "../../db/factories/reach";
import { correctAttendance } from "../../app/models/attendance-correction.server";
import { summarizeWorkshopAttendance } from "../../app/models/attendance-summary.server";
import { erasePerson } from "../../app/models/privacy.server";
import { computeReachReport } from "../../app/models/reach.server";
import { loader as csvLoader } from "../../app/routes/staff.workshops.$id_.attendance[.]csv";
import { getDb } from "../../app/utils/db.server";
import { getRequest, sessionCookie } from "../support/requests";

const FY2023 = fiscalYearFilters(2023);

describe("a hand correction of attendance (docs/decisions/023)", () => {
  it("decides whatever the import says, is audited with before, after and reason, and the page and the report follow", async () => {
    const db = await getDb();
    const staff = await makeAccount({ role: "facilitator" });
    const viewer = { accountId: staff.accountId, seesAll: true };
    const workshop = await makeWorkshop(db, { attendanceMinMinutes: 30, sessions: ["2023-03-10T15:00:00.000Z"] });
    const [session] = workshop.sessionIds;
    const online = await makePerson(db, { fullName: "Olga Online" });
    await register(db, workshop.id, online);
    await markAttendance(db, session, online, { status: null, minutesOnline: 90 });
    const unmarked = await makePerson(db, { fullName: "Uriel Sinmarca" });
    await register(db, workshop.id, unmarked);
    const stranger = await makePerson(db, { fullName: "Nadie Deaquí" });

    const figures = async () => {
      const row = (await computeReachReport(db, FY2023, viewer)).workshops.find((w) => w.id === workshop.id)!;
      const page = (await summarizeWorkshopAttendance(db, workshop.id)).overall;
      expect(page).toMatchObject({
        registered: row.registered,
        attended: row.attended,
        belowMinimum: row.belowMinimum,
        neverCame: row.neverCame,
      });
      return { attended: row.attended, belowMinimum: row.belowMinimum, neverCame: row.neverCame };
    };
    expect(await figures()).toEqual({ attended: 1, belowMinimum: 0, neverCame: 1 });

    const base = { workshopId: workshop.id, sessionId: session, actorAccountId: staff.accountId };
    expect(
      await correctAttendance(db, {
        ...base,
        personId: online,
        correctedStatus: "absent",
        correctedMinutes: null,
        reason: "Dejó la sesión abierta y se fue",
      }),
    ).toEqual({ ok: true, changed: true });
    expect(await figures()).toEqual({ attended: 0, belowMinimum: 0, neverCame: 2 });
    // What the import said stays; the correction sits beside it.
    const row = await db.selectFrom("attendance").selectAll().where("person_id", "=", online).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: null,
      minutes_online: 90,
      corrected_status: "absent",
      corrected_minutes: null,
      corrected_by: staff.accountId,
      correction_reason: "Dejó la sesión abierta y se fue",
    });
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "attendance.corrected")
      .where("subject_id", "=", online)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_account_id: staff.accountId, subject_type: "person" });
    expect(JSON.parse(audit[0].details)).toEqual({
      workshopId: workshop.id,
      sessionId: session,
      before: { status: null, minutesOnline: 90, correctedStatus: null, correctedMinutes: null, attended: true },
      after: { status: null, minutesOnline: 90, correctedStatus: "absent", correctedMinutes: null, attended: false },
      reason: "Dejó la sesión abierta y se fue",
    });

    // Someone with no row for that session gets one, holding only the correction.
    expect(
      await correctAttendance(db, {
        ...base,
        personId: unmarked,
        correctedStatus: "present",
        correctedMinutes: null,
        reason: "Firmó la hoja en papel",
      }),
    ).toEqual({ ok: true, changed: true });
    expect(await figures()).toEqual({ attended: 1, belowMinimum: 0, neverCame: 1 });
    expect(
      await db
        .selectFrom("attendance")
        .select(["status", "minutes_online", "import_id", "corrected_status"])
        .where("person_id", "=", unmarked)
        .execute(),
    ).toEqual([{ status: null, minutes_online: null, import_id: null, corrected_status: "present" }]);

    // Minutes corrected by hand count instead of the imported ones; "by the minutes" drops the status correction.
    await correctAttendance(db, {
      ...base,
      personId: online,
      correctedStatus: null,
      correctedMinutes: 12,
      reason: "El informe sumó dos dispositivos",
    });
    expect(await figures()).toEqual({ attended: 1, belowMinimum: 1, neverCame: 0 });

    // Removing every correction brings the import's minutes back.
    await correctAttendance(db, {
      ...base,
      personId: online,
      correctedStatus: null,
      correctedMinutes: null,
      reason: "Me equivoqué de persona",
    });
    expect(await figures()).toEqual({ attended: 2, belowMinimum: 0, neverCame: 0 });
    expect(
      await db
        .selectFrom("attendance")
        .select(["minutes_online", "corrected_status", "corrected_minutes", "correction_reason"])
        .where("person_id", "=", online)
        .executeTakeFirstOrThrow(),
    ).toEqual({ minutes_online: 90, corrected_status: null, corrected_minutes: null, correction_reason: null });
    const actions = await db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "person")
      .where("subject_id", "=", online)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "attendance.corrected",
      "attendance.corrected",
      "attendance.correction_removed",
    ]);

    // The same correction again records nothing.
    const audits = async () =>
      (
        await db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const count = await audits();
    expect(
      await correctAttendance(db, {
        ...base,
        personId: unmarked,
        correctedStatus: "present",
        correctedMinutes: null,
        reason: "Firmó la hoja en papel",
      }),
    ).toEqual({ ok: true, changed: false });
    expect(await audits()).toBe(count);

    // Someone the workshop never saw cannot be corrected into it.
    expect(
      await correctAttendance(db, {
        ...base,
        personId: stranger,
        correctedStatus: "present",
        correctedMinutes: null,
        reason: "x",
      }),
    ).toEqual({ ok: false, reason: "notOnWorkshop" });
    expect(await db.selectFrom("attendance").select("id").where("person_id", "=", stranger).execute()).toEqual([]);
    expect(await audits()).toBe(count);
  });
});

describe("the attendance CSV", () => {
  it("has each person's outcome in the page's words and shows hand corrections with their reason", async () => {
    const db = await getDb();
    const staff = await makeAccount({ role: "facilitator" });
    const workshop = await makeWorkshop(db, {
      attendanceMinMinutes: 30,
      facilitatorAccountIds: [staff.accountId],
      sessions: ["2023-03-10T15:00:00.000Z"],
    });
    const [session] = workshop.sessionIds;
    const people = {
      came: await makePerson(db, { fullName: "Ana Asistió" }),
      brief: await makePerson(db, { fullName: "Berta Breve" }),
      never: await makePerson(db, { fullName: "Carla Nunca" }),
      guest: await makePerson(db, { fullName: "Dora Invitada" }),
      corrected: await makePerson(db, { fullName: "Eva Corregida" }),
    };
    for (const person of [people.came, people.brief, people.never, people.corrected])
      await register(db, workshop.id, person);
    await markAttendance(db, session, people.came, { status: null, minutesOnline: 45 });
    await markAttendance(db, session, people.brief, { status: null, minutesOnline: 10 });
    await markAttendance(db, session, people.guest, { status: "absent", minutesOnline: null });
    await markAttendance(db, session, people.corrected, { status: null, minutesOnline: 90 });
    await correctAttendance(db, {
      workshopId: workshop.id,
      sessionId: session,
      personId: people.corrected,
      correctedStatus: "absent",
      correctedMinutes: 5,
      reason: "Dejó la sesión abierta",
      actorAccountId: staff.accountId,
    });
    const response = (await csvLoader({
      request: getRequest(`/staff/workshops/${workshop.id}/attendance.csv`, await sessionCookie(staff.accountId)),
      params: { id: String(workshop.id) },
      context: {},
    })) as Response;
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0].split(",").at(-1)).toBe("Resultado");
    const row = (name: string) => lines.find((line) => line.startsWith(name))!;
    expect(row("Ana Asistió").endsWith(",Sí,Asistió")).toBe(true);
    expect(row("Berta Breve").endsWith(",No,Conectada menos del mínimo")).toBe(true);
    expect(row("Carla Nunca").endsWith(",No,Nunca llegó")).toBe(true);
    expect(row("Dora Invitada").endsWith(',No,"Sin inscripción, no asistió"')).toBe(true);
    expect(row("Eva Corregida")).toContain("Ausente (corregido a mano: Dejó la sesión abierta),5,No,Nunca llegó");
  });
});

describe("erasure and hand corrections", () => {
  it("blanks a correction reason that names the person, in the attendance row and in the audit log; the correction still counts", async () => {
    const db = await getDb();
    const admin = await makeAccount({ role: "admin" });
    const workshop = await makeWorkshop(db, { attendanceMinMinutes: 30, sessions: ["2023-03-10T15:00:00.000Z"] });
    const [session] = workshop.sessionIds;
    const person = await makePerson(db, { fullName: "Zoila Quispe Huamán" });
    await register(db, workshop.id, person);
    await markAttendance(db, session, person, { status: null, minutesOnline: 90 });
    await correctAttendance(db, {
      workshopId: workshop.id,
      sessionId: session,
      personId: person,
      correctedStatus: "absent",
      correctedMinutes: null,
      reason: "Zoila Quispe dejó la cuenta conectada",
      actorAccountId: admin.accountId,
    });
    expect(await erasePerson(db, person, admin.accountId)).toBe(true);
    const row = await db
      .selectFrom("attendance")
      .select(["corrected_status", "correction_reason"])
      .where("person_id", "=", person)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ corrected_status: "absent", correction_reason: "" });
    const audit = await db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "attendance.corrected")
      .where("subject_id", "=", person)
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toContain("Zoila");
    expect(JSON.parse(audit.details)).toMatchObject({ reason: "", after: { correctedStatus: "absent" } });
  });
});
