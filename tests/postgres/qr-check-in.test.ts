import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeWorkshop } from "../../db/factories/workshops";
import { checkIn, findCheckInPlace, issueCheckInToken } from "../../app/models/checkin.server";
import { getDb } from "../../app/utils/db.server";

describe("QR check-in on PostgreSQL", () => {
  it("marks a walk-in present with source qr once; the database refuses an unknown source", async () => {
    const db = await getDb();
    const facilitator = await makeAccount({ role: "facilitator" });
    const workshop = await makeWorkshop({
      modality: "in_person",
      place: "Local comunal",
      facilitatorIds: [facilitator.accountId],
    });
    const session = await db
      .selectFrom("workshop_session")
      .selectAll()
      .where("workshop_id", "=", workshop.id)
      .executeTakeFirstOrThrow();
    const member = await makeAccount();
    const token = await issueCheckInToken(db, session.id, facilitator.accountId);
    const place = await findCheckInPlace(db, token);
    expect(place?.session.id).toBe(session.id);
    const user = { accountId: member.accountId, personId: member.personId, role: "member" as const };
    const now = new Date(Date.parse(session.starts_at) - 10 * 60_000);

    expect(await checkIn(db, place!, user, now)).toMatchObject({ kind: "done", walkIn: true });
    expect(await checkIn(db, place!, user, now)).toMatchObject({ kind: "already", at: now.toISOString() });
    const marks = await db
      .selectFrom("attendance")
      .select(["status", "source"])
      .where("session_id", "=", session.id)
      .execute();
    expect(marks).toEqual([{ status: "present", source: "qr" }]);
    const registration = await db
      .selectFrom("registration")
      .select(["status", "method"])
      .where("workshop_id", "=", workshop.id)
      .where("person_id", "=", member.personId)
      .execute();
    expect(registration).toEqual([{ status: "registered", method: "walk_in" }]);

    await expect(
      db
        .updateTable("attendance")
        .set({ source: "scanner" as never })
        .where("session_id", "=", session.id)
        .execute(),
    ).rejects.toThrow(/attendance_source_check/);
  });
});
