import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { importReport, makeCostsWorkshop, makeMark, uploadReport } from "../../db/factories/attendance";
import { importPage } from "../../app/models/attendance-import-review.server";
import { previewUndo, undoImport } from "../../app/models/attendance-import-undo.server";
import { summarizeWorkshopAttendance } from "../../app/models/attendance-summary.server";
import { getDb } from "../../app/utils/db.server";
import { decodeUpload } from "../../app/utils/csv.server";
import { fixtureBytes } from "../support/attendance-fixtures";

const ZOOM = "zoom-meeting-participants.csv";

/** The fixture as Excel in Spanish saves it back: Windows-1252, CRLF, its participant rows in another order. */
function resaved(name: string): Buffer {
  const lines = decodeUpload(fixtureBytes(name)).split(/\r?\n/);
  const header = lines.findIndex((line) => line.startsWith("Name (Original Name)"));
  const rows = lines.slice(header + 1).filter(Boolean);
  return iconv.encode([...lines.slice(0, header + 1), ...rows.reverse(), ""].join("\r\n"), "win1252");
}

async function tables() {
  const db = await getDb();
  const result: Record<string, unknown[]> = {};
  for (const table of [
    "person",
    "registration",
    "attendance",
    "attendance_import",
    "attendance_import_change",
    "audit_log",
  ] as const)
    result[table] = await db.selectFrom(table).selectAll().orderBy("id").execute();
  return result;
}

async function attendanceRows(sessionId: number) {
  const db = await getDb();
  return db
    .selectFrom("attendance")
    .select(["person_id", "status", "minutes_online", "source", "import_id", "recorded_by", "recorded_at"])
    .where("session_id", "=", sessionId)
    .orderBy("person_id")
    .execute();
}

async function scenario() {
  const facilitator = await makeAccount({ role: "facilitator" });
  const workshop = await makeCostsWorkshop({ facilitatorIds: [facilitator.accountId] });
  return { actor: facilitator.accountId, workshop, session: workshop.sessions[0], other: workshop.sessions[1] };
}

describe("a re-saved copy of an imported report", () => {
  it("is answered 'already imported' with the first file's name and date, and writes nothing", async () => {
    const { actor, workshop, session } = await scenario();
    await importReport({ workshopId: workshop.id, session, bytes: fixtureBytes(ZOOM), actorAccountId: actor });
    const before = await tables();
    const again = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: resaved(ZOOM),
      fileName: "participantes (1).csv",
      actorAccountId: actor,
    });
    expect(again.received).toMatchObject({ kind: "already", fileName: "participants.csv" });
    expect(await tables()).toEqual(before);
  });

  it("is a new review when the same meeting was exported later with one more participant, starting from the earlier decisions", async () => {
    const { actor, workshop, session } = await scenario();
    // Juana is a probable match (two namesakes): staff chose the second one, and ignored the host.
    const first = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    const juana = first.upload!.payload.participants.find((p) => p.name === "Juana Flores")!;
    await importReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
      choose: { [juana.key]: { kind: "person", personId: workshop.people.juanaSur } },
    });
    const later =
      decodeUpload(fixtureBytes(ZOOM)).trimEnd() +
      "\nLucía Nueva,lucia@example.org,11/19/2026 10:05:00 AM,11/19/2026 11:00:00 AM,55,No,Y\n";
    const second = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: Buffer.from(later),
      fileName: "later.csv",
      actorAccountId: actor,
    });
    expect(second.received.kind).toBe("review");
    const page = await importPage(
      await getDb(),
      { workshop: { ...workshop, title: "Costos", timezone: "America/Lima" }, session },
      String(second.upload!.id),
    );
    const initial = Object.fromEntries(page.review!.items.map((i) => [i.participant.name, i.initial]));
    expect(initial["Juana Flores"]).toBe(`person:${workshop.people.juanaSur}`);
    // Someone nobody decided yet starts undecided, as on any review (docs/decisions/021).
    expect(initial["Lucía Nueva"]).toBe("");
    expect(page.review!.earlier).toMatchObject({ fileName: "participants.csv", people: 7 });
  });
});

describe("undoing an import", () => {
  it("removes the rows it created, restores the ones it changed, keeps later changes, audits, and touches nothing else", async () => {
    const { actor, workshop, session, other } = await scenario();
    const db = await getDb();
    // Before the import: Rosa marked present in the room, Marco absent (not in the report), Elena at the next session.
    await makeMark({
      workshopId: workshop.id,
      sessionId: session.id,
      personId: workshop.people.rosa,
      actorAccountId: actor,
    });
    await makeMark({
      workshopId: workshop.id,
      sessionId: session.id,
      personId: workshop.people.marco,
      status: "absent",
      actorAccountId: actor,
    });
    await makeMark({
      workshopId: workshop.id,
      sessionId: other.id,
      personId: workshop.people.elena,
      actorAccountId: actor,
    });
    const before = await attendanceRows(session.id);
    const otherBefore = await attendanceRows(other.id);
    const peopleBefore = await db.selectFrom("person").select("id").execute();

    const { confirmed } = await importReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    if (confirmed?.kind !== "saved") throw new Error(`not saved: ${confirmed?.kind}`);
    const importId = confirmed.importId;
    const imported = await attendanceRows(session.id);
    const peopleImported = await db.selectFrom("person").select("id").orderBy("id").execute();
    expect(imported.find((r) => r.person_id === workshop.people.rosa)).toMatchObject({
      status: "present",
      minutes_online: 88,
      import_id: importId,
    });

    // Afterwards: Teodoro's minutes corrected by hand, Elena marked late at the roll call.
    await db
      .updateTable("attendance")
      .set({ minutes_online: 90 })
      .where("session_id", "=", session.id)
      .where("person_id", "=", workshop.people.teodoro)
      .execute();
    await makeMark({
      workshopId: workshop.id,
      sessionId: session.id,
      personId: workshop.people.elena,
      status: "late",
      actorAccountId: actor,
    });
    const elenaImported = imported.find((r) => r.person_id === workshop.people.elena)!;

    expect(await previewUndo(db, importId, session.id)).toMatchObject({ counts: { restored: 1, kept: 2 } });
    const outcome = await undoImport(db, {
      importId,
      sessionId: session.id,
      workshopId: workshop.id,
      actorAccountId: actor,
    });
    const created = imported.length - before.length;
    expect(outcome).toEqual({ kind: "undone", deleted: created - 2, restored: 1, kept: 2 });

    const after = await attendanceRows(session.id);
    // Everything as before the import, but the two rows changed since.
    expect(
      after.filter((r) => r.person_id !== workshop.people.teodoro && r.person_id !== workshop.people.elena),
    ).toEqual(before);
    // The hand correction stays; the import's own value (none for status) is gone, and the row no longer names the import.
    expect(after.find((r) => r.person_id === workshop.people.teodoro)).toMatchObject({
      status: null,
      minutes_online: 90,
      import_id: null,
    });
    // The roll-call mark stays; the report's minutes go.
    expect(elenaImported.minutes_online).toBeGreaterThan(0);
    expect(after.find((r) => r.person_id === workshop.people.elena)).toMatchObject({
      status: "late",
      minutes_online: null,
      import_id: null,
    });
    expect(await attendanceRows(other.id)).toEqual(otherBefore);
    // People the import created (or reused) stay.
    expect(peopleImported.length).toBeGreaterThanOrEqual(peopleBefore.length);
    expect(await db.selectFrom("person").select("id").orderBy("id").execute()).toEqual(peopleImported);

    const record = await db
      .selectFrom("attendance_import")
      .selectAll()
      .where("id", "=", importId)
      .executeTakeFirstOrThrow();
    expect(record.undone_at).not.toBeNull();
    expect(record.undone_by).toBe(actor);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "attendance.import.undo")
      .where("subject_id", "=", session.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({
      importId,
      workshopId: workshop.id,
      deleted: created - 2,
      restored: 1,
      kept: 2,
    });

    // The attendance page no longer counts the undone import or the rows it ignored.
    const summary = await summarizeWorkshopAttendance(db, workshop.id);
    expect(summary.overall.ignored).toBe(0);
    expect(summary.sessions[0].imports).toBe(0);

    // Undone twice: refused, nothing written.
    const snapshot = await tables();
    expect(
      await undoImport(db, { importId, sessionId: session.id, workshopId: workshop.id, actorAccountId: actor }),
    ).toEqual({ kind: "alreadyUndone" });
    // Another session's import id: not found.
    expect(
      await undoImport(db, { importId, sessionId: other.id, workshopId: workshop.id, actorAccountId: actor }),
    ).toEqual({ kind: "notFound" });
    expect(await tables()).toEqual(snapshot);

    // The same file may now be imported again.
    const again = await uploadReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes(ZOOM),
      actorAccountId: actor,
    });
    expect(again.received.kind).toBe("review");
  });

  it("keeps the rows a later import took over", async () => {
    const { actor, workshop, session } = await scenario();
    const db = await getDb();
    const first = await importReport({
      workshopId: workshop.id,
      session,
      bytes: fixtureBytes("zoom-meeting-unique-users.csv"),
      actorAccountId: actor,
    });
    if (first.confirmed?.kind !== "saved") throw new Error("not saved");
    await importReport({ workshopId: workshop.id, session, bytes: fixtureBytes(ZOOM), actorAccountId: actor });
    const outcome = await undoImport(db, {
      importId: first.confirmed.importId,
      sessionId: session.id,
      workshopId: workshop.id,
      actorAccountId: actor,
    });
    // Rosa and Juana were in both reports: the later one's values stay.
    expect(outcome).toMatchObject({ kind: "undone", deleted: 0, restored: 0, kept: 2 });
  });
});
