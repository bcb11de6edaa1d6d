import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makePerson, makeRegistration, makeWorkshop } from "../../db/factories/workshops";
import {
  cancelRegistration,
  findRegistration,
  listRegistrations,
  registerForWorkshop,
} from "../../app/models/registration.server";
import { lookUpPerson } from "../../app/models/person-resolution.server";
import { registerWalkIn } from "../../app/models/walk-in.server";
import { getDb } from "../../app/utils/db.server";

async function outbox(workshopId: number) {
  const db = await getDb();
  return db.selectFrom("email_outbox").selectAll().where("workshop_id", "=", workshopId).orderBy("id").execute();
}

describe("registering for a workshop", () => {
  it("seats people up to the capacity, then waitlists them with their position", async () => {
    const { id } = await makeWorkshop({ capacity: 2 });
    const a = await makeRegistration(id);
    const b = await makeRegistration(id);
    const c = await makeRegistration(id);
    const d = await makeRegistration(id);
    expect([a.status, b.status, c.status, d.status]).toEqual(["registered", "registered", "waitlisted", "waitlisted"]);
    expect([c.position, d.position]).toEqual([1, 2]);
    const list = await listRegistrations(await getDb(), id);
    expect(list.map((r) => r.position)).toEqual([null, null, 1, 2]);
  });

  it("is idempotent: registering twice changes nothing and queues no second e-mail", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ capacity: 5 });
    const personId = await makePerson({ email: "doble@minka.test" });
    const first = await registerForWorkshop(db, { workshopId: id, personId, method: "self" });
    const second = await registerForWorkshop(db, { workshopId: id, personId, method: "self" });
    expect(first).toMatchObject({ ok: true, status: "registered", already: false, mailQueued: true });
    expect(second).toMatchObject({ ok: true, status: "registered", already: true, mailQueued: false });
    expect(await listRegistrations(db, id)).toHaveLength(1);
    expect(await outbox(id)).toHaveLength(1);
  });

  it("refuses drafts, cancelled, past, not-yet-open and closed workshops", async () => {
    const db = await getDb();
    const personId = await makePerson();
    const cases = [
      [{ status: "draft" as const }, "notPublished"],
      [{ status: "cancelled" as const }, "cancelled"],
      [{ sessions: [{ inDays: -3 }] }, "past"],
      [{ registrationOpensAt: new Date(Date.now() + 86_400_000).toISOString() }, "notOpenYet"],
      [{ registrationClosesAt: new Date(Date.now() - 60_000).toISOString() }, "closed"],
    ] as const;
    for (const [spec, reason] of cases) {
      const { id } = await makeWorkshop(spec);
      expect(await registerForWorkshop(db, { workshopId: id, personId, method: "self" }), reason).toEqual({
        ok: false,
        reason,
      });
      expect(await findRegistration(db, id, personId)).toBeNull();
    }
    expect(await registerForWorkshop(db, { workshopId: 999_999, personId, method: "self" })).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  it("confirms by e-mail in the person's language, with the calendar attached", async () => {
    const { id } = await makeWorkshop({ title: "Cooperativismo hoy", capacity: 3 });
    await makeRegistration(id, {
      personId: await makePerson({ fullName: "Ana Ruiz", email: "ana@minka.test", locale: "es" }),
    });
    await makeRegistration(id, {
      personId: await makePerson({ fullName: "Mary Smith", email: "mary@minka.test", locale: "en" }),
    });
    const mails = await outbox(id);
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ["ana@minka.test", "Inscripción confirmada: Cooperativismo hoy"],
      ["mary@minka.test", "Registration confirmed: Cooperativismo hoy"],
    ]);
    expect(mails[0].text_body).toContain("Hola, Ana:");
    expect(mails[0].text_body).toContain("(hora de Lima)");
    expect(mails[0].ics).toContain("BEGIN:VEVENT");
    expect(mails[0].ics).toContain("zoom.us");
  });

  it("sends no e-mail to people without an address", async () => {
    const { id } = await makeWorkshop();
    const result = await makeRegistration(id, { personId: await makePerson({ phone: "+51987000111" }) });
    expect(result.mailQueued).toBe(false);
    expect(await outbox(id)).toHaveLength(0);
  });
});

describe("cancelling", () => {
  it("frees the seat for the first person waiting, who is e-mailed", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ capacity: 1 });
    const seated = await makeRegistration(id);
    const first = await makeRegistration(id, { personId: await makePerson({ email: "primera@minka.test" }) });
    const second = await makeRegistration(id);
    const result = await cancelRegistration(db, { workshopId: id, personId: seated.personId });
    expect(result).toEqual({
      ok: true,
      wasStatus: "registered",
      promotedPersonIds: [first.personId],
      mailQueued: true,
    });
    expect((await findRegistration(db, id, first.personId))?.status).toBe("registered");
    expect(await findRegistration(db, id, second.personId)).toMatchObject({ status: "waitlisted", position: 1 });
    const promotion = (await outbox(id)).filter((m) => m.kind === "promotion");
    expect(promotion.map((m) => m.to_address)).toEqual(["primera@minka.test"]);
  });

  it("promotes nobody when someone leaves the waitlist, and refuses to cancel twice", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ capacity: 1 });
    await makeRegistration(id);
    const waiting = await makeRegistration(id);
    expect(await cancelRegistration(db, { workshopId: id, personId: waiting.personId })).toEqual({
      ok: true,
      wasStatus: "waitlisted",
      promotedPersonIds: [],
      mailQueued: false,
    });
    expect(await cancelRegistration(db, { workshopId: id, personId: waiting.personId })).toEqual({ ok: false });
  });

  it("treats registering again after cancelling as a new arrival at the end of the line", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ capacity: 1 });
    const seated = await makeRegistration(id);
    const waiting = await makeRegistration(id);
    await cancelRegistration(db, { workshopId: id, personId: seated.personId });
    const again = await registerForWorkshop(db, { workshopId: id, personId: seated.personId, method: "self" });
    expect(again).toMatchObject({ ok: true, status: "waitlisted", position: 1, already: false });
    expect((await findRegistration(db, id, waiting.personId))?.status).toBe("registered");
  });
});

describe("assisted registration (walk-ins)", () => {
  it("reuses a person found by exact e-mail or phone under the same name, and asks when the name differs", async () => {
    const db = await getDb();
    const personId = await makePerson({ fullName: "Juana Mamani", email: "juana@minka.test", phone: "+51987111222" });
    const typed = { choice: null, askOnSimilarName: true, consent: "missing", scope: null } as const;
    expect(
      await lookUpPerson(db, {
        ...typed,
        details: { fullName: "mamani juana", email: "juana@minka.test", phone: null },
      }),
    ).toMatchObject({ kind: "found", person: { id: personId }, matchedBy: "email" });
    // Another name with her contact is never taken for her silently (docs/decisions/013).
    expect(
      await lookUpPerson(db, { ...typed, details: { fullName: "J. Mamani", email: "juana@minka.test", phone: null } }),
    ).toMatchObject({ kind: "confirm", person: { id: personId }, matchedBy: "email" });
    expect(
      await lookUpPerson(db, { ...typed, details: { fullName: "Otra", email: null, phone: "+51987111222" } }),
    ).toMatchObject({ kind: "confirm", person: { id: personId }, matchedBy: "phone" });
  });

  it("asks «¿es esta persona?» for a similar name, and creates a new person only when told to", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop();
    const { accountId } = await makeAccount({ role: "facilitator" });
    const existing = await makePerson({ fullName: "Teodora Ccori Huanca" });
    const asked = await registerWalkIn(db, {
      workshopId: id,
      person: { fullName: "huanca ccori, TEÓDORA" },
      method: "walk_in",
      actorAccountId: accountId,
    });
    expect(asked).toMatchObject({ kind: "choose", candidates: [{ id: existing }] });
    expect(await listRegistrations(db, id)).toHaveLength(0);

    const same = await registerWalkIn(db, {
      workshopId: id,
      person: { fullName: "huanca ccori, TEÓDORA", choice: existing },
      method: "walk_in",
      actorAccountId: accountId,
    });
    expect(same).toMatchObject({
      kind: "done",
      personId: existing,
      createdPerson: false,
      registration: { ok: true, status: "registered" },
    });

    const other = await registerWalkIn(db, {
      workshopId: id,
      person: { fullName: "Teodora Ccori Huanca", choice: "new", verbalConsent: true },
      method: "walk_in",
      actorAccountId: accountId,
    });
    const noConsent = await registerWalkIn(db, {
      workshopId: id,
      person: { fullName: "Teodora Ccori Huanca", choice: "new" },
      method: "walk_in",
      actorAccountId: accountId,
    });
    expect(noConsent).toEqual({ kind: "needsConsent" });
    expect(other).toMatchObject({ kind: "done", createdPerson: true });
    if (other.kind !== "done") return;
    const person = await db.selectFrom("person").selectAll().where("id", "=", other.personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ consent_method: "staff", consent_recorded_by: accountId });
    expect(person.consent_given_at).not.toBeNull();
    const registration = await db
      .selectFrom("registration")
      .selectAll()
      .where("person_id", "=", other.personId)
      .executeTakeFirstOrThrow();
    expect(registration).toMatchObject({ method: "walk_in", registered_by: accountId, status: "registered" });
  });

  it("seats a walk-in even when the advance places are taken, but not for a cancelled workshop", async () => {
    const db = await getDb();
    const { accountId } = await makeAccount({ role: "facilitator" });
    const full = await makeWorkshop({ capacity: 1 });
    await makeRegistration(full.id);
    const walkIn = await registerWalkIn(db, {
      workshopId: full.id,
      person: { fullName: "Persona Que Vino Hoy", verbalConsent: true },
      method: "walk_in",
      actorAccountId: accountId,
    });
    expect(walkIn).toMatchObject({ kind: "done", registration: { ok: true, status: "registered" } });
    const onBehalf = await registerWalkIn(db, {
      workshopId: full.id,
      person: { fullName: "Persona Inscrita Antes", verbalConsent: true },
      method: "staff",
      actorAccountId: accountId,
    });
    expect(onBehalf).toMatchObject({ kind: "done", registration: { ok: true, status: "waitlisted", position: 1 } });
    const cancelled = await makeWorkshop({ status: "cancelled" });
    const refused = await registerWalkIn(db, {
      workshopId: cancelled.id,
      person: { fullName: "Nadie Más" },
      method: "walk_in",
      actorAccountId: accountId,
    });
    expect(refused).toEqual({ kind: "refused", reason: "cancelled" });
    expect(await db.selectFrom("person").select("id").where("full_name", "=", "Nadie Más").execute()).toEqual([]);
  });
});
