import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import {
  addRemainingAsNew,
  importReport,
  makeCostsWorkshop,
  makeMark,
  takeFirstCandidates,
  uploadReport,
} from "../../db/factories/attendance";
import { summarizeWorkshopAttendance } from "../../app/models/attendance-summary.server";
import { answerReview } from "../../app/models/attendance-import-review.server";
import { confirmImport, getUpload } from "../../app/models/attendance-upload.server";
import { getDb } from "../../app/utils/db.server";
import { fixtureBytes } from "../support/attendance-fixtures";

const ZOOM = "zoom-meeting-participants.csv";

/** Every table an import may touch, row for row: "unchanged" means equal snapshots. */
async function snapshot() {
  const db = await getDb();
  const tables = [
    "person",
    "registration",
    "attendance",
    "attendance_import",
    "attendance_upload",
    "audit_log",
  ] as const;
  const result: Record<string, unknown[]> = {};
  for (const table of tables) result[table] = await db.selectFrom(table).selectAll().orderBy("id").execute();
  return result;
}

async function attendanceOf(sessionId: number) {
  const db = await getDb();
  return db
    .selectFrom("attendance")
    .innerJoin("person", "person.id", "attendance.person_id")
    .select([
      "person.full_name as name",
      "attendance.person_id",
      "attendance.status",
      "attendance.minutes_online",
      "attendance.source",
    ])
    .where("session_id", "=", sessionId)
    .orderBy("person.full_name")
    .orderBy("attendance.person_id")
    .execute();
}

async function scenario() {
  const facilitator = await makeAccount({ role: "facilitator" });
  const workshop = await makeCostsWorkshop({ facilitatorIds: [facilitator.accountId] });
  return { actor: facilitator.accountId, workshop, session: workshop.sessions[0] };
}

describe("importing a Zoom participants report", () => {
  it("shows matched, probable and unmatched participants and saves nothing before confirmation", async () => {
    const { actor, workshop, session } = await scenario();
    const before = await snapshot();
    const { received, upload, matches, decisions } = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    expect(received.kind).toBe("review");
    const byName = Object.fromEntries(upload!.payload.participants.map((p) => [p.name, matches!.get(p.key)]));
    expect(byName).toEqual({
      "Carmen Huamán Torres": { kind: "unmatched" },
      "Rosa Quispe Mamani": { kind: "matched", personId: workshop.people.rosa, by: "email" },
      "Teodoro Mamani Ccori": { kind: "matched", personId: workshop.people.teodoro, by: "name" },
      "Juana Flores": { kind: "probable", candidates: [workshop.people.juanaNorte, workshop.people.juanaSur] },
      "+51 987 654 321": { kind: "matched", personId: workshop.people.elena, by: "phone" },
      // Unknown on a fresh database; other tests in this file create them, and then they are offered as candidates.
      "Pedro Ccama Huarca": { kind: expect.stringMatching(/^(unmatched|probable)$/) },
      'Galaxy A12 de "Mamá"': { kind: expect.stringMatching(/^(unmatched|probable)$/) },
    });
    // The host starts as ignored; the probable match has no decision until the facilitator makes one.
    expect(decisions.get("L5")).toEqual({ kind: "ignore" });
    expect(decisions.has("L10")).toBe(false);
    expect(upload!.payload.otherDate).toBeNull();

    const after = await snapshot();
    expect({ ...after, attendance_upload: [] }).toEqual({ ...before, attendance_upload: [] });
    expect(after.attendance_upload).toHaveLength(1);
  });

  it("saves everything on confirmation: rejoins summed, overlaps clipped, new people created, host and a device ignored", async () => {
    const { actor, workshop, session } = await scenario();
    const { confirmed } = await importReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
      choose: { L10: { kind: "person", personId: workshop.people.juanaSur }, L13: { kind: "ignore" } },
    });
    expect(confirmed).toMatchObject({ kind: "saved", people: 5, newPeople: 1, ignored: 2 });
    const rows = await attendanceOf(session.id);
    expect(rows.map((r) => [r.name, r.minutes_online, r.status, r.source])).toEqual([
      ["Elena Choque", 50, null, "import"],
      ["Juana Flores", 79, null, "import"],
      ["Pedro Ccama Huarca", 15, null, "import"],
      ["Rosa Quispe Mamani", 88, null, "import"],
      ["Teodoro Mamani Ccori", 77, null, "import"],
    ]);
    expect(rows.find((r) => r.name === "Juana Flores")?.person_id).toBe(workshop.people.juanaSur);
    const db = await getDb();
    const pedro = await db
      .selectFrom("person")
      .selectAll()
      .where("full_name", "=", "Pedro Ccama Huarca")
      .executeTakeFirstOrThrow();
    expect(pedro.consent_given_at).toBeNull();
    // Every person created is audit-logged by the person-matching service (docs/decisions/012).
    const created = await db
      .selectFrom("audit_log")
      .select(["actor_account_id", "subject_id", "details"])
      .where("action", "=", "person.create.import")
      .execute();
    expect(created.map((a) => ({ ...a, details: JSON.parse(a.details) }))).toEqual([
      {
        actor_account_id: actor,
        subject_id: pedro.id,
        details: { workshopId: workshop.id, sessionId: session.id, importId: expect.any(Number) },
      },
    ]);
    // Found in the report, not registered afterwards: a walk-in.
    expect(await db.selectFrom("registration").selectAll().where("person_id", "=", pedro.id).execute()).toEqual([]);
    const imports = await db.selectFrom("attendance_import").selectAll().where("session_id", "=", session.id).execute();
    expect(imports).toMatchObject([
      { format: "zoom-meeting", rows_total: 7, rows_matched: 5, rows_ignored: 2, imported_by: actor },
    ]);
    expect(await db.selectFrom("attendance_upload").selectAll().where("session_id", "=", session.id).execute()).toEqual(
      [],
    );

    const summary = await summarizeWorkshopAttendance(db, workshop.id);
    // Attended (≥ 30 min): Elena, Juana, Rosa, Teodoro; Pedro's 15 minutes do not count. No-shows: the other Juana and Marco.
    expect(summary.sessions[0]).toMatchObject({
      registered: 6,
      attended: 4,
      walkIns: 0,
      noShows: 2,
      ignored: 2,
      imports: 1,
    });
    // Pedro (15 minutes) has no registration, so he is not "below the minimum": that split is of the registered.
    expect(summary.overall).toEqual({
      registered: 6,
      attended: 4,
      walkIns: 0,
      noShows: 2,
      belowMinimum: 0,
      neverCame: 2,
      ignored: 2,
    });
  });

  it("recognises the same file again and changes nothing, before and at confirmation", async () => {
    const { actor, workshop, session } = await scenario();
    await importReport({ workshopId: workshop.id, session, bytes: fixtureBytes(ZOOM), actorAccountId: actor });
    const before = await snapshot();
    const again = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      fileName: "copia.csv",
      actorAccountId: actor,
    });
    expect(again.received).toMatchObject({ kind: "already", fileName: "participants.csv" });
    expect(await snapshot()).toEqual(before);
  });

  it("answers a second confirmation of one review (a double submit) with 'already imported'", async () => {
    const { actor, workshop, session } = await scenario();
    const first = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes("zoom-meeting-no-block.csv"),
      actorAccountId: actor,
    });
    const second = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes("zoom-meeting-no-block.csv"),
      actorAccountId: actor,
    });
    const db = await getDb();
    const confirm = (u: typeof first) => {
      // Strangers start undecided: the facilitator adds them as new people.
      addRemainingAsNew(u.matches!, u.decisions);
      return confirmImport(db, {
        uploadId: u.upload!.id,
        workshopId: workshop.id,
        sessionId: session.id,
        decisions: u.decisions,
        actorAccountId: actor,
      });
    };
    expect(await confirm(first)).toMatchObject({ kind: "saved" });
    const before = await snapshot();
    expect(await confirm(second)).toMatchObject({ kind: "already" });
    expect({ ...(await snapshot()), attendance_upload: [] }).toEqual({ ...before, attendance_upload: [] });
  });

  it.each([
    ["empty.csv", { code: "empty" }],
    ["zoom-header-only.csv", { code: "noRows", format: "zoom-meeting" }],
    ["unknown-format.csv", { code: "unknownFormat" }],
  ])("refuses %s and leaves the database unchanged", async (fixture, error) => {
    const { actor, workshop, session } = await scenario();
    const before = await snapshot();
    const { received } = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(fixture),
      actorAccountId: actor,
    });
    expect(received).toEqual({ kind: "invalid", error });
    expect(await snapshot()).toEqual(before);
  });

  it("needs a choice for every probable match and saves nothing without it", async () => {
    const { actor, workshop, session } = await scenario();
    const { upload, decisions } = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    const before = await snapshot();
    const db = await getDb();
    const outcome = await confirmImport(db, {
      uploadId: upload!.id,
      workshopId: workshop.id,
      sessionId: session.id,
      decisions,
      actorAccountId: actor,
    });
    expect(outcome).toMatchObject({ kind: "undecided", keys: expect.arrayContaining(["L10"]) });
    decisions.set("L10", { kind: "person", personId: 987_654 });
    for (const key of ["L12", "L13"]) decisions.set(key, { kind: "ignore" });
    // An id the review never offered for that row (here, nobody's) is refused before anything is written.
    expect(
      await confirmImport(db, {
        uploadId: upload!.id,
        workshopId: workshop.id,
        sessionId: session.id,
        decisions,
        actorAccountId: actor,
      }),
    ).toEqual({
      kind: "notOffered",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("saves in one transaction: a failure half-way leaves no person, registration, attendance or import behind", async () => {
    const { actor, workshop, session } = await scenario();
    const { upload, matches, decisions } = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    takeFirstCandidates(matches!, decisions);
    const db = await getDb();
    // Make the database refuse the attendance of the last person written, after the others succeeded.
    await sql
      .raw(
        `create trigger refuse_elena before insert on attendance when new.person_id = ${workshop.people.elena} begin select raise(abort, 'refused'); end`,
      )
      .execute(db);
    const before = await snapshot();
    await expect(
      confirmImport(db, {
        uploadId: upload!.id,
        workshopId: workshop.id,
        sessionId: session.id,
        decisions,
        actorAccountId: actor,
      }),
    ).rejects.toThrow(/refused/);
    await sql.raw("drop trigger refuse_elena").execute(db);
    expect(await snapshot()).toEqual(before);
    expect(await getUpload(db, upload!.id, session.id)).toBeDefined();
  });

  it("keeps roll-call marks and adds the minutes", async () => {
    const { actor, workshop, session } = await scenario();
    await makeMark({
      workshopId: workshop.id,
      sessionId: session.id,
      personId: workshop.people.rosa,
      status: "late",
      actorAccountId: actor,
    });
    await importReport({ workshopId: workshop.id, session, bytes: fixtureBytes(ZOOM), actorAccountId: actor });
    const rosa = (await attendanceOf(session.id)).find((r) => r.person_id === workshop.people.rosa);
    expect(rosa).toMatchObject({ status: "late", minutes_online: 88, source: "roll_call" });
  });

  it("keeps the longer time when a second, different report covers the same person", async () => {
    const { actor, workshop, session } = await scenario();
    await importReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes("zoom-meeting-unique-users.csv"),
      actorAccountId: actor,
    });
    await importReport({ workshopId: workshop.id, session, bytes: fixtureBytes(ZOOM), actorAccountId: actor });
    const rows = await attendanceOf(session.id);
    expect(rows.find((r) => r.person_id === workshop.people.rosa)?.minutes_online).toBe(88);
    expect(
      await (await getDb()).selectFrom("attendance_import").selectAll().where("session_id", "=", session.id).execute(),
    ).toHaveLength(2);
  });

  it("warns when the report is from another day than the session", async () => {
    const { actor, workshop } = await scenario();
    const { upload } = await uploadReport({
      workshopId: workshop.id,
      session: workshop.sessions[1],
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    expect(upload!.payload.otherDate).toBe("2026-11-19");
  });

  it("records a sign-in sheet's marks as present or absent without minutes", async () => {
    const { actor, workshop, session } = await scenario();
    const { confirmed } = await importReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes("sign-in-sheet-windows-1252.csv"),
      actorAccountId: actor,
    });
    expect(confirmed?.kind).toBe("saved");
    const rows = await attendanceOf(session.id);
    expect(rows.find((r) => r.person_id === workshop.people.rosa)).toMatchObject({
      status: "present",
      minutes_online: null,
    });
    expect(rows.find((r) => r.person_id === workshop.people.marco)).toMatchObject({
      status: "absent",
      minutes_online: null,
    });
    expect(rows.find((r) => r.name === "Pedro Ccama Huarca")).toMatchObject({ status: null, minutes_online: 90 });
  });

  it("does not create a duplicate when 'new' is chosen for someone whose e-mail is known", async () => {
    const { actor, workshop, session } = await scenario();
    const db = await getDb();
    const people = await db.selectFrom("person").select("id").execute();
    const report = (minutes: number) =>
      Buffer.from(
        `Name (Original Name),User Email,Duration (Minutes),Guest\nNilda Apaza Quispe,nilda.${workshop.id}@example.org,${minutes},No\n`,
      );
    expect(
      (await importReport({ workshopId: workshop.id, session, bytes: report(40), actorAccountId: actor })).confirmed,
    ).toMatchObject({ newPeople: 1 });
    const { confirmed } = await importReport({
      workshopId: workshop.id,
      session: workshop.sessions[1],
      bytes: report(45),
      actorAccountId: actor,
      choose: { L2: { kind: "new" } },
    });
    expect(confirmed).toMatchObject({ kind: "saved", newPeople: 0, people: 1 });
    expect(await db.selectFrom("person").select("id").execute()).toHaveLength(people.length + 1);
  });
});

describe("the session's window", () => {
  it.each(["zoom-same-meeting.csv", "teams-same-meeting-en-us.csv"])(
    "leaves out time online before the session starts and after it ends (%s, session 10:00–11:30)",
    async (fixture) => {
      const { actor, workshop, session } = await scenario();
      const { upload } = await uploadReport({
        workshopId: workshop.id,
        session,
        bytes: fixtureBytes(fixture),
        actorAccountId: actor,
      });
      expect(upload?.payload.participants.map((p) => [p.name, Math.round(p.seconds / 60)])).toEqual([
        ["Carla Díaz", 90],
        ["Ana Torres", 90],
        ["Beto Ramos Quispe", 60],
      ]);
    },
  );
});

describe("the name of a person the import creates", () => {
  async function review(names: Record<string, string>) {
    const { actor, workshop, session } = await scenario();
    const { upload, decisions } = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes("zoom-same-meeting.csv"),
      actorAccountId: actor,
    });
    const beto = upload!.payload.participants.find((p) => p.name === "Beto Ramos Quispe")!;
    const form = new FormData();
    form.set("intent", "confirm");
    form.set("uploadId", String(upload!.id));
    form.set("country", "");
    for (const participant of upload!.payload.participants)
      form.set(`d-${participant.key}`, participant === beto ? "new" : "ignore");
    // A stranger starts with no choice: "new" is what staff pick.
    expect(decisions.has(beto.key)).toBe(false);
    for (const [field, value] of Object.entries(names)) form.set(field.replace("beto", beto.key), value);
    const db = await getDb();
    const before = await snapshot();
    const step = await answerReview(
      db,
      { workshop: { ...workshop, title: "Costos" }, session },
      { form, actorAccountId: actor },
    );
    return { step, beto, before };
  }

  it("is the one staff typed in the review", async () => {
    const { step } = await review({ "name-beto": "  Alberto  Ramos Quispe " });
    expect(step).toMatchObject({ kind: "saved", newPeople: 1 });
    const db = await getDb();
    expect(await db.selectFrom("person").select("full_name").where("full_name", "like", "%Ramos%").execute()).toEqual([
      { full_name: "Alberto Ramos Quispe" },
    ]);
  });

  it("may not be left empty: the review comes back with the typed values and nothing is written", async () => {
    const { step, beto, before } = await review({ "name-beto": "   " });
    expect(step).toMatchObject({
      kind: "failed",
      status: 400,
      failure: {
        step: "review",
        errors: { [beto.key]: { key: "attendance.review.nameRequired" } },
        values: { [`name-${beto.key}`]: "   " },
      },
    });
    expect(await snapshot()).toEqual(before);
  });
});
