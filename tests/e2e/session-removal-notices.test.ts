import ICAL from "ical.js";
import SQLite from "better-sqlite3";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { recipientOf, startServerWithMail, type ServerWithMail } from "../support/mail-server";
import type { TestServer } from "../support/server";
import type { MailCatcher } from "../support/smtp";

// Decision 038: removing a session withdraws it from the calendars of the people registered
// (METHOD:CANCEL of that session's UID), and tells the waitlisted, like every other change.
const APP_URL = "https://cursos.minka.example";
let mail: ServerWithMail;
let server: TestServer;
let smtp: MailCatcher;

beforeAll(async () => {
  // The default long tick: what arrives was sent by the request that queued it, not by a timer.
  mail = await startServerWithMail({ env: { APP_URL } });
  ({ server, smtp } = mail);
}, 120_000);
afterAll(() => mail.stop());

async function post(pathname: string, form: URLSearchParams, cookie: string) {
  return fetch(server.url + pathname, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: form,
  });
}

/** The workshop form with these sessions (10:00–12:00 Lima time each), one seat. */
const workshopForm = (title: string, facilitatorId: number, sessions: Array<{ id?: number; date: string }>) => {
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
  });
  sessions.forEach((session, i) => {
    form.set(`session-${i}-date`, session.date);
    form.set(`session-${i}-start`, "10:00");
    form.set(`session-${i}-end`, "12:00");
    if (session.id) form.set(`session-${i}-id`, String(session.id));
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
      status: String(event.getFirstPropertyValue("status")),
    })),
  };
}

const to = recipientOf;

describe("removing a session", () => {
  it("cancels that session in the registered person's calendar and tells the waitlisted, once", async () => {
    const staff = await logIn(server, "facilitadora@minka.test");
    const [facilitator] = server.query<{ id: number }>(
      "select a.id from account a join person p on p.id = a.person_id where p.email = ?",
      "facilitadora@minka.test",
    );
    const title = "Taller que pierde una sesión";
    const created = await post(
      "/staff/workshops/new",
      workshopForm(title, facilitator.id, [{ date: "2031-06-10" }, { date: "2031-06-17" }]),
      staff,
    );
    expect(created.status).toBe(302);
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const [kept, removed] = server.query<{ id: number }>(
      "select id from workshop_session where workshop_id = ? order by starts_at",
      workshopId,
    );

    // One seat: the member takes it, the manager (who reads English) waits.
    const db = new SQLite(server.databaseFile);
    db.prepare("update person set preferred_language = 'en' where email = ?").run("gestora@minka.test");
    db.close();
    const member = await logIn(server, "socia@minka.test");
    const waiting = await logIn(server, "gestora@minka.test");
    for (const cookie of [member, waiting]) {
      expect((await post(`/workshops/${workshopId}`, new URLSearchParams({ intent: "register" }), cookie)).status).toBe(
        302,
      );
    }
    const confirmation = await smtp.waitFor((m) => m.subject === `Inscripción confirmada: ${title}`, 15_000);
    const invited = calendarOf(confirmation)!.events;
    expect(invited).toHaveLength(2);
    const removedUid = `workshop-${workshopId}-session-${removed.id}@cursos.minka.example`;
    const removedInvitation = invited.find((e) => e.uid === removedUid)!;
    expect(removedInvitation).toBeDefined();

    // Staff remove the second session and change nothing else.
    const saved = await post(
      `/staff/workshops/${workshopId}/edit`,
      workshopForm(title, facilitator.id, [{ id: kept.id, date: "2031-06-10" }]),
      staff,
    );
    expect(saved.status).toBe(302);
    expect(server.query("select id from workshop_session where id = ?", removed.id)).toEqual([]);

    const notice = await smtp.waitFor(
      (m) => to(m) === "socia@minka.test" && m.subject === `Se quitó una sesión del taller: ${title}`,
      15_000,
    );
    expect(notice.headers.get("auto-submitted")).toBe("auto-generated");
    expect(notice.html).toContain('<html lang="es">');
    // The text names the removed session and lists what remains.
    expect(notice.text).toContain("17 de junio");
    expect(notice.text).toContain("10 de junio");
    const withdrawn = calendarOf(notice)!;
    expect(withdrawn).toMatchObject({ partMethod: "CANCEL", method: "CANCEL" });
    // Only the removed session's event: the one that remains stays in the calendar as it was.
    expect(withdrawn.events).toEqual([
      { uid: removedUid, sequence: removedInvitation.sequence + 1, status: "CANCELLED" },
    ]);

    const note = await smtp.waitFor(
      (m) => to(m) === "gestora@minka.test" && m.subject === `A workshop you are waiting for changed: ${title}`,
      15_000,
    );
    expect(calendarOf(note)).toBeNull();
    expect(note.text).toContain("June 10");
    expect(note.text).not.toContain("June 17");

    // Saving the same form again sends nothing more.
    const queued = () =>
      server.query<{ n: number }>("select count(*) as n from email_outbox where workshop_id = ?", workshopId)[0].n;
    const before = queued();
    expect(
      (
        await post(
          `/staff/workshops/${workshopId}/edit`,
          workshopForm(title, facilitator.id, [{ id: kept.id, date: "2031-06-10" }]),
          staff,
        )
      ).status,
    ).toBe(302);
    expect(queued()).toBe(before);
    const sentTo = (address: string) =>
      server.query<{ kind: string }>(
        "select kind from email_outbox where workshop_id = ? and to_address = ? order by id",
        workshopId,
        address,
      );
    expect(sentTo("socia@minka.test").map((m) => m.kind)).toEqual(["confirmation", "session_removed"]);
    expect(sentTo("gestora@minka.test").map((m) => m.kind)).toEqual(["waitlist_change"]);
  }, 120_000);
});
