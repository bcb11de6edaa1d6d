import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePerson, makeRegistration, makeWorkshop } from "../../db/factories/workshops";
import { deliverDueEmails, listUndeliveredEmails } from "../../app/models/email-outbox.server";
import { cancelRegistration } from "../../app/models/registration.server";
import { enqueueDueReminders } from "../../app/models/reminders.server";
import { cancelRegistrationByStaff } from "../../app/models/registration-cancel.server";
import { makeAccount } from "../../db/factories";
import { MAX_ATTEMPTS } from "../../app/domain/outbox";
import { smtpSender } from "../../app/mail/mailer.server";
import { getDb } from "../../app/utils/db.server";
import { startMailCatcher, type MailCatcher } from "../support/smtp";

let smtp: MailCatcher;
beforeAll(async () => {
  smtp = await startMailCatcher();
});
afterAll(() => smtp.stop());

/** A loopback port with nothing listening: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("e-mail through the outbox", () => {
  it("delivers the confirmation over SMTP with a valid .ics attached, once", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ title: "Taller de correo", sessions: [{ inDays: 5 }, { inDays: 12 }] });
    await makeRegistration(id, {
      personId: await makePerson({ fullName: "Rosa Correo", email: "rosa.correo@minka.test" }),
    });
    expect(await deliverDueEmails(db, smtpSender(smtp.url))).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverDueEmails(db, smtpSender(smtp.url))).toEqual({ sent: 0, failed: 0 });
    const mail = await smtp.waitFor((m) => m.subject === "Inscripción confirmada: Taller de correo");
    expect(mail.text).toContain("Hola, Rosa:");
    const ics = mail.attachments.find((a) => a.contentType === "text/calendar");
    expect(ics?.filename).toBe("taller.ics");
    const text = ics!.content.toString("utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(smtp.messages.filter((m) => m.subject === "Inscripción confirmada: Taller de correo")).toHaveLength(1);
  });

  it("keeps registrations working when SMTP is down, retries later, and shows the failure to staff", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ title: "Taller sin correo" });
    const registration = await makeRegistration(id, { personId: await makePerson({ email: "espera@minka.test" }) });
    expect(registration.status).toBe("registered");

    const down = smtpSender(`smtp://127.0.0.1:${await closedPort()}`);
    const now = new Date();
    expect(await deliverDueEmails(db, down, { now })).toEqual({ sent: 0, failed: 1 });
    let [pending] = await listUndeliveredEmails(db, id);
    expect(pending).toMatchObject({ status: "pending", attempts: 1, to_address: "espera@minka.test" });
    expect(pending.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due again straight away…
    expect(await deliverDueEmails(db, down, { now })).toEqual({ sent: 0, failed: 0 });
    // …and after the last attempt it is marked failed, still visible to staff.
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueEmails(db, down, { now: new Date(now.getTime() + attempt * 24 * 3600_000) });
    }
    [pending] = await listUndeliveredEmails(db, id);
    expect(pending).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    // Once the server is back, a new e-mail goes out normally.
    const other = await makeWorkshop({ title: "Taller con correo otra vez" });
    await makeRegistration(other.id, { personId: await makePerson({ email: "vuelve@minka.test" }) });
    expect((await deliverDueEmails(db, smtpSender(smtp.url))).sent).toBeGreaterThanOrEqual(1);
    await smtp.waitFor((m) => m.subject === "Inscripción confirmada: Taller con correo otra vez");
  });

  it("e-mails the promoted person in their own language", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ title: "Waitlist workshop", capacity: 1 });
    const seated = await makeRegistration(id);
    await makeRegistration(id, {
      personId: await makePerson({ fullName: "Mary Smith", email: "mary.promoted@minka.test", locale: "en" }),
    });
    await cancelRegistration(db, { workshopId: id, personId: seated.personId });
    await deliverDueEmails(db, smtpSender(smtp.url));
    const mail = await smtp.waitFor((m) => m.subject === "A place freed up for you: Waitlist workshop");
    expect(mail.text).toContain("Hello Mary,");
    expect(mail.attachments.some((a) => a.contentType === "text/calendar")).toBe(true);
  });

  it("queues reminders for sessions within 24 hours exactly once, however often it runs", async () => {
    const db = await getDb();
    const soon = await makeWorkshop({
      title: "Taller de mañana",
      sessions: [{ inDays: 1, start: "23:30", end: "23:50" }],
    });
    const later = await makeWorkshop({ title: "Taller lejano", sessions: [{ inDays: 10 }] });
    await makeRegistration(soon.id, { personId: await makePerson({ email: "recordar@minka.test" }) });
    await makeRegistration(soon.id, { personId: await makePerson({ phone: "+51987000222" }) });
    await makeRegistration(later.id, { personId: await makePerson({ email: "todavia-no@minka.test" }) });
    const session = soon.sessions[0];
    const dayBefore = new Date(Date.parse(session.starts_at) - 23 * 3600_000);
    expect(await enqueueDueReminders(db, new Date(Date.parse(session.starts_at) - 25 * 3600_000))).toBe(0);
    expect(await enqueueDueReminders(db, dayBefore)).toBe(1);
    expect(await enqueueDueReminders(db, dayBefore)).toBe(0);
    expect(await enqueueDueReminders(db, new Date(dayBefore.getTime() + 3600_000))).toBe(0);
    const reminders = await db
      .selectFrom("email_outbox")
      .selectAll()
      .where("kind", "=", "reminder")
      .where("workshop_id", "in", [soon.id, later.id])
      .execute();
    expect(reminders.map((r) => [r.to_address, r.dedupe_key])).toEqual([
      ["recordar@minka.test", `reminder:${session.id}:${reminders[0].person_id}`],
    ]);
    expect(reminders[0].subject).toMatch(/^Recordatorio: Taller de mañana, /);
    expect(reminders[0].subject).toContain("23:30");
  });

  it("withdraws the invitation of a registered person whose registration staff cancel, and tells the waitlisted nothing", async () => {
    const db = await getDb();
    const staff = await makeAccount({ role: "manager" });
    const { id } = await makeWorkshop({ title: "Taller cancelado por staff", capacity: 1 });
    const seated = await makeRegistration(id, { personId: await makePerson({ email: "seated.staff@minka.test" }) });
    const waiting = await makeRegistration(id, { personId: await makePerson({ email: "waiting.staff@minka.test" }) });
    const cancel = (registrationId: number) =>
      cancelRegistrationByStaff(db, {
        workshopId: id,
        registrationId,
        reason: "Pidió la baja",
        actorAccountId: staff.accountId,
      });
    expect(await cancel(waiting.registrationId)).toMatchObject({ ok: true, mailQueued: false });
    expect(await cancel(seated.registrationId)).toMatchObject({ ok: true, mailQueued: true });
    const mails = await db
      .selectFrom("email_outbox")
      .select(["to_address", "kind", "ics", "html_body"])
      .where("workshop_id", "=", id)
      .where("kind", "=", "withdrawn")
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual(["seated.staff@minka.test"]);
    expect(mails[0].ics).toMatch(/^METHOD:CANCEL\r$/m);
    expect(mails[0].html_body).toContain('<html lang="es">');
  });
});
