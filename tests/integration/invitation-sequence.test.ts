import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makePerson, makeWorkshop } from "../../db/factories/workshops";
import { cancelRegistration, registerForWorkshop } from "../../app/models/registration.server";
import { cancelRegistrationByStaff } from "../../app/models/registration-cancel.server";
import { getDb } from "../../app/utils/db.server";
import * as calendarCancellations from "../../db/migrations/2026-12-05T0200-calendar-cancellations";

/** Every calendar file queued for this person and workshop, oldest first: method and SEQUENCE of each event. */
async function filesSent(workshopId: number, personId: number) {
  const db = await getDb();
  const rows = await db
    .selectFrom("email_outbox")
    .select(["kind", "ics"])
    .where("workshop_id", "=", workshopId)
    .where("person_id", "=", personId)
    .where("ics", "is not", null)
    .orderBy("id")
    .execute();
  return rows.map((row) => {
    const calendar = new ICAL.Component(ICAL.parse(row.ics!));
    return {
      kind: row.kind,
      method: String(calendar.getFirstPropertyValue("method")),
      sequences: calendar.getAllSubcomponents("vevent").map((e) => Number(e.getFirstPropertyValue("sequence"))),
    };
  });
}

// Decision 028 left this open: a calendar program ignores an invitation whose SEQUENCE is not
// above the cancellation it already has, so whoever registered again kept a cancelled event.
describe("the invitation of a person who registers again", () => {
  it("outranks every cancellation they were sent before, however often they leave and come back", async () => {
    const db = await getDb();
    const { id: workshopId } = await makeWorkshop({ title: "Taller de ida y vuelta", capacity: 10 });
    const personId = await makePerson({ fullName: "Julia Vuelve", email: "julia.vuelve@minka.test" });
    const staff = await makeAccount({ role: "manager" });
    const register = async () => {
      const outcome = await registerForWorkshop(db, { workshopId, personId, method: "self" });
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.registrationId;
    };

    await register();
    expect(await cancelRegistration(db, { workshopId, personId })).toMatchObject({ ok: true, mailQueued: true });
    const registrationId = await register();
    expect(
      await cancelRegistrationByStaff(db, {
        workshopId,
        registrationId,
        reason: "Pidió salir por teléfono",
        actorAccountId: staff.accountId,
      }),
    ).toMatchObject({ ok: true, mailQueued: true });
    await register();

    const files = await filesSent(workshopId, personId);
    expect(files.map((f) => `${f.kind}:${f.method}`)).toEqual([
      "confirmation:REQUEST",
      "withdrawn:CANCEL",
      "confirmation:REQUEST",
      "withdrawn:CANCEL",
      "confirmation:REQUEST",
    ]);
    const sequences = files.map((f) => f.sequences[0]);
    for (let i = 1; i < sequences.length; i++) {
      expect(sequences[i], `file ${i + 1} of ${sequences.join(", ")}`).toBeGreaterThan(sequences[i - 1]);
    }
  });

  it("starts existing registrations from the cancellations already in the outbox", async () => {
    const db = await getDb();
    const { id: workshopId } = await makeWorkshop({ title: "Taller de antes", capacity: 10 });
    const personId = await makePerson({ fullName: "Rita Antes", email: "rita.antes@minka.test" });
    await registerForWorkshop(db, { workshopId, personId, method: "self" });
    await cancelRegistration(db, { workshopId, personId });
    await registerForWorkshop(db, { workshopId, personId, method: "self" });
    const count = async () =>
      (
        await db
          .selectFrom("registration")
          .select("calendar_cancellations")
          .where("workshop_id", "=", workshopId)
          .where("person_id", "=", personId)
          .executeTakeFirstOrThrow()
      ).calendar_cancellations;
    expect(await count()).toBe(1);
    // As if the database predated the column: the migration counts the cancellation already sent.
    await calendarCancellations.down(db);
    await calendarCancellations.up(db);
    expect(await count()).toBe(1);
  });
});
