import SQLite from "better-sqlite3";
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { recipientOf as to, startServerWithMail, type ServerWithMail } from "../support/mail-server";
import type { TestServer } from "../support/server";
import type { MailCatcher } from "../support/smtp";

// Issue #17 items 2 and 3: people are told when staff change or cancel a workshop, and when their
// own registration is cancelled; every e-mail is plain text + HTML with Auto-Submitted.
const APP_URL = "https://cursos.minka.example";
let both: ServerWithMail;
let server: TestServer;
let smtp: MailCatcher;

beforeAll(async () => {
  // The outbox timer never fires: what arrives was sent by the request that queued it.
  both = await startServerWithMail({ env: { APP_URL } });
  ({ server, smtp } = both);
}, 120_000);
afterAll(() => both?.stop());

async function post(pathname: string, form: URLSearchParams, cookie: string) {
  return fetch(server.url + pathname, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: form,
  });
}

const workshopForm = (
  title: string,
  facilitatorId: number,
  session: { id?: number; date: string },
  extra: Record<string, string> = {},
) => {
  const form = new URLSearchParams({
    title,
    description: "Cuentas claras.",
    modality: "online",
    joinUrl: "https://meet.example.org/abc-defg-hij",
    timezone: "America/Lima",
    country: "PE",
    status: "published",
    capacity: "1",
    intent: "save",
    rows: "3",
    "session-0-date": session.date,
    "session-0-start": "10:00",
    "session-0-end": "12:00",
    ...(session.id ? { "session-0-id": String(session.id) } : {}),
    ...extra,
  });
  form.append("facilitatorIds", String(facilitatorId));
  return form;
};

/** The calendar attached to an e-mail, as ical.js (an independent parser) reads it. */
function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!attachment) return null;
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")));
  return {
    partMethod: (attachment.headers.get("content-type") as { params: { method?: string } }).params.method,
    method: String(calendar.getFirstPropertyValue("method")),
    events: calendar.getAllSubcomponents("vevent").map((event) => ({
      uid: String(event.getFirstPropertyValue("uid")),
      sequence: Number(event.getFirstPropertyValue("sequence")),
      start: String(event.getFirstPropertyValue("dtstart")),
      status: String(event.getFirstPropertyValue("status")),
    })),
  };
}

const received = (address: string, subject: string) =>
  smtp.messages.filter((m) => to(m) === address && m.subject === subject);

/** Plain text and HTML as alternatives of one message, large type, one button, Auto-Submitted. */
function expectWellFormed(mail: ParsedMail, lang: "es" | "en") {
  expect(smtp.source(mail)).toMatch(/Content-Type: multipart\/alternative;/i);
  expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  expect(mail.text).toBeTruthy();
  expect(mail.html).toContain(`<html lang="${lang}">`);
  expect(mail.html).toContain("font-size:18px");
  expect(mail.html).not.toMatch(/<img/);
  expect((mail.html as string).match(/display:inline-block/g)).toHaveLength(1);
}

describe("change notices over SMTP", () => {
  it("sends the registered one updated invitation per change, the waitlisted a note, and one cancellation", async () => {
    const staff = await logIn(server, "facilitadora@minka.test");
    const [facilitator] = server.query<{ id: number }>(
      "select a.id from account a join person p on p.id = a.person_id where p.email = ?",
      "facilitadora@minka.test",
    );
    const title = "Taller que cambia de fecha";
    const created = await post(
      "/staff/workshops/new",
      workshopForm(title, facilitator.id, { date: "2031-06-10" }),
      staff,
    );
    expect(created.status).toBe(302);
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const [session] = server.query<{ id: number }>("select id from workshop_session where workshop_id = ?", workshopId);

    // One seat: the member takes it, the manager (who reads English) waits.
    const db = new SQLite(server.databaseFile);
    db.prepare("update person set preferred_language = 'en' where email = ?").run("gestora@minka.test");
    db.close();
    const member = await logIn(server, "socia@minka.test");
    const waiting = await logIn(server, "gestora@minka.test");
    expect((await post(`/workshops/${workshopId}`, new URLSearchParams({ intent: "register" }), member)).status).toBe(
      302,
    );
    expect((await post(`/workshops/${workshopId}`, new URLSearchParams({ intent: "register" }), waiting)).status).toBe(
      302,
    );
    const confirmation = await smtp.waitFor((m) => m.subject === `Inscripción confirmada: ${title}`, 15_000);
    expectWellFormed(confirmation, "es");
    const uid = calendarOf(confirmation)!.events[0].uid;

    // Staff move the session a day later.
    const moved = await post(
      `/staff/workshops/${workshopId}/edit`,
      workshopForm(title, facilitator.id, { id: session.id, date: "2031-06-11" }),
      staff,
    );
    expect(moved.status).toBe(302);
    const change = await smtp.waitFor(
      (m) => to(m) === "socia@minka.test" && m.subject === `Cambio en el taller: ${title}`,
      15_000,
    );
    expectWellFormed(change, "es");
    expect(change.text).toContain("Hola, Rosa:");
    const invitation = calendarOf(change)!;
    expect(invitation).toMatchObject({ partMethod: "REQUEST", method: "REQUEST" });
    expect(invitation.events).toEqual([{ uid, sequence: 1, start: "2031-06-11T15:00:00Z", status: "CONFIRMED" }]);
    const note = await smtp.waitFor(
      (m) => to(m) === "gestora@minka.test" && m.subject === `A workshop you are waiting for changed: ${title}`,
      15_000,
    );
    expectWellFormed(note, "en");
    expect(calendarOf(note)).toBeNull();

    // Saving again without a change queues nothing.
    const queued = () =>
      server.query<{ n: number }>("select count(*) as n from email_outbox where workshop_id = ?", workshopId)[0].n;
    const before = queued();
    expect(
      (
        await post(
          `/staff/workshops/${workshopId}/edit`,
          workshopForm(title, facilitator.id, { id: session.id, date: "2031-06-11" }),
          staff,
        )
      ).status,
    ).toBe(302);
    expect(queued()).toBe(before);

    // Cancelling the workshop: one cancellation with the same UID; the waitlisted a note.
    const cancelled = await post(
      `/staff/workshops/${workshopId}/edit`,
      workshopForm(title, facilitator.id, { id: session.id, date: "2031-06-11" }, { status: "cancelled" }),
      staff,
    );
    expect(cancelled.status).toBe(302);
    const cancellation = await smtp.waitFor(
      (m) => to(m) === "socia@minka.test" && m.subject === `Taller cancelado: ${title}`,
      15_000,
    );
    expectWellFormed(cancellation, "es");
    const withdrawn = calendarOf(cancellation)!;
    expect(withdrawn).toMatchObject({ partMethod: "CANCEL", method: "CANCEL" });
    expect(withdrawn.events).toHaveLength(1);
    expect(withdrawn.events[0]).toMatchObject({ uid, status: "CANCELLED" });
    expect(withdrawn.events[0].sequence).toBeGreaterThan(invitation.events[0].sequence);
    await smtp.waitFor((m) => to(m) === "gestora@minka.test" && m.subject === `Workshop cancelled: ${title}`, 15_000);

    // Exactly one e-mail per change and person.
    expect(received("socia@minka.test", `Cambio en el taller: ${title}`)).toHaveLength(1);
    expect(received("socia@minka.test", `Taller cancelado: ${title}`)).toHaveLength(1);
    expect(received("gestora@minka.test", `A workshop you are waiting for changed: ${title}`)).toHaveLength(1);
  }, 120_000);

  it("sends a person who cancels their registration the cancellation of their invitation", async () => {
    const staff = await logIn(server, "facilitadora@minka.test");
    const [facilitator] = server.query<{ id: number }>(
      "select a.id from account a join person p on p.id = a.person_id where p.email = ?",
      "facilitadora@minka.test",
    );
    const title = "Taller al que ya no voy";
    const created = await post(
      "/staff/workshops/new",
      workshopForm(title, facilitator.id, { date: "2031-07-01" }, { capacity: "20" }),
      staff,
    );
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const member = await logIn(server, "socia@minka.test");
    await post(`/workshops/${workshopId}`, new URLSearchParams({ intent: "register" }), member);
    const confirmation = await smtp.waitFor((m) => m.subject === `Inscripción confirmada: ${title}`, 15_000);
    const uid = calendarOf(confirmation)!.events[0].uid;

    expect((await post(`/workshops/${workshopId}`, new URLSearchParams({ intent: "cancel" }), member)).status).toBe(
      302,
    );
    const mail = await smtp.waitFor(
      (m) => to(m) === "socia@minka.test" && m.subject === `Inscripción cancelada: ${title}`,
      15_000,
    );
    expectWellFormed(mail, "es");
    const calendar = calendarOf(mail)!;
    expect(calendar).toMatchObject({ partMethod: "CANCEL", method: "CANCEL" });
    expect(calendar.events.map((e) => [e.uid, e.status])).toEqual([[uid, "CANCELLED"]]);
  }, 120_000);
});
