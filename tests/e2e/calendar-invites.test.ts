import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import SQLite from "better-sqlite3";
import ICAL from "ical.js";
import { PDFDocument, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { TEST_TMP } from "../support/paths";
import { readQrFromPdf } from "../support/pdf-qr";
import { startServerWithMail, type ServerWithMail } from "../support/mail-server";
import type { TestServer } from "../support/server";
import type { MailCatcher } from "../support/smtp";

// Issue #17 items 1 and 5: calendar files and certificates name the public address (APP_URL),
// whatever Host header a request came with.
const APP_URL = "https://cursos.minka.example";
let both: ServerWithMail;
let server: TestServer;
let smtp: MailCatcher;

beforeAll(async () => {
  both = await startServerWithMail({ outboxIntervalMs: 1000, env: { APP_URL } });
  ({ server, smtp } = both);
}, 120_000);
afterAll(() => both?.stop());

/** A GET with a chosen Host header (fetch cannot set one), as a proxy or another name of this machine would send. */
function getWithHost(pathname: string, host: string, cookie?: string): Promise<{ status: number; body: Buffer }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        hostname,
        port,
        path: pathname,
        headers: {
          Host: host,
          // A host other than loopback counts as secure: the session cookie then has the __Host- name.
          ...(cookie ? { Cookie: `${cookie}; __Host-${cookie}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

async function post(pathname: string, form: URLSearchParams, cookie: string) {
  return fetch(server.url + pathname, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: form,
  });
}

/** The calendar as ical.js (an independent parser) reads it. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    lastModified: event.hasProperty("last-modified") ? String(event.getFirstPropertyValue("last-modified")) : null,
    start: String(event.getFirstPropertyValue("dtstart")),
    organizer: event.hasProperty("organizer") ? String(event.getFirstPropertyValue("organizer")).toLowerCase() : null,
    attendee: event.hasProperty("attendee") ? String(event.getFirstPropertyValue("attendee")).toLowerCase() : null,
  }));
  return { method: String(calendar.getFirstPropertyValue("method")), events };
}

const workshopForm = (title: string, facilitatorId: number, session: { id?: number; date: string }) => {
  const form = new URLSearchParams({
    title,
    description: "Cuentas claras.",
    modality: "online",
    joinUrl: "https://meet.example.org/abc-defg-hij",
    timezone: "America/Lima",
    country: "PE",
    status: "published",
    intent: "save",
    rows: "3",
    "session-0-date": session.date,
    "session-0-start": "10:00",
    "session-0-end": "12:00",
    ...(session.id ? { "session-0-id": String(session.id) } : {}),
  });
  form.append("facilitatorIds", String(facilitatorId));
  return form;
};

describe("calendar files (RFC 5545 / iTIP)", () => {
  it("keep one UID per session across hosts and the e-mail, raise SEQUENCE when staff move it, and invite with METHOD:REQUEST", async () => {
    const staff = await logIn(server, "facilitadora@minka.test");
    const [facilitator] = server.query<{ id: number }>(
      "select a.id from account a join person p on p.id = a.person_id where p.email = ?",
      "facilitadora@minka.test",
    );
    const title = "Invitaciones que no se duplican";
    const created = await post(
      "/staff/workshops/new",
      workshopForm(title, facilitator.id, { date: "2031-05-06" }),
      staff,
    );
    expect(created.status).toBe(302);
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const [session] = server.query<{ id: number }>("select id from workshop_session where workshop_id = ?", workshopId);

    // A member registers with JavaScript off (a plain form post) and gets the invitation by e-mail.
    const member = await logIn(server, "socia@minka.test");
    const registered = await post(`/workshops/${workshopId}`, new URLSearchParams({ intent: "register" }), member);
    expect(registered.status).toBeLessThan(400);
    const mail = await smtp.waitFor((m) => m.subject === `Inscripción confirmada: ${title}`, 15_000);
    const attachment = mail.attachments.find((a) => a.contentType === "text/calendar")!;
    expect(attachment.headers.get("content-type")).toMatchObject({ params: { method: "REQUEST" } });
    const invitation = parse(attachment.content.toString("utf8"));
    expect(invitation.method).toBe("REQUEST");
    expect(invitation.events).toHaveLength(1);
    expect(invitation.events[0]).toMatchObject({
      uid: `workshop-${workshopId}-session-${session.id}@cursos.minka.example`,
      sequence: 0,
      organizer: "mailto:no-reply@minka.test",
      attendee: "mailto:socia@minka.test",
    });
    expect(invitation.events[0].lastModified).not.toBeNull();

    // The download, over two different Host headers: PUBLISH, the same UID as the e-mail.
    const downloads = [];
    for (const host of [new URL(server.url).host, `localhost:${new URL(server.url).port}`, "otro-nombre.example"]) {
      const response = await getWithHost(`/workshops/${workshopId}/calendar.ics`, host, member);
      expect(response.status, host).toBe(200);
      const ics = response.body.toString("utf8");
      expect(ics, host).not.toContain("127.0.0.1");
      expect(ics, host).not.toContain("otro-nombre");
      // Still the registered member over every host: the private join link is in the file.
      expect(ics, host).toContain("meet.example.org");
      downloads.push(parse(ics));
    }
    for (const download of downloads) {
      expect(download.method).toBe("PUBLISH");
      expect(download.events.map((e) => e.uid)).toEqual([invitation.events[0].uid]);
      expect(download.events[0].organizer).toBeNull();
    }

    // Staff move the session a day later (a plain form post): the same UID, a higher SEQUENCE.
    const moved = await post(
      `/staff/workshops/${workshopId}/edit`,
      workshopForm(title, facilitator.id, { id: session.id, date: "2031-05-07" }),
      staff,
    );
    expect(moved.status).toBe(302);
    const after = parse(
      (await getWithHost(`/workshops/${workshopId}/calendar.ics`, "otro-nombre.example", member)).body.toString("utf8"),
    );
    expect(after.events).toHaveLength(1);
    expect(after.events[0].uid).toBe(invitation.events[0].uid);
    expect(after.events[0].start).toBe("2031-05-07T15:00:00Z");
    expect(after.events[0].sequence).toBeGreaterThan(invitation.events[0].sequence);
    expect(after.events[0].lastModified! >= invitation.events[0].lastModified!).toBe(true);

    // Saving the form unchanged is no new revision; changing the link is one.
    await post(
      `/staff/workshops/${workshopId}/edit`,
      workshopForm(title, facilitator.id, { id: session.id, date: "2031-05-07" }),
      staff,
    );
    const same = parse(
      (await getWithHost(`/workshops/${workshopId}/calendar.ics`, "x.example", member)).body.toString("utf8"),
    );
    expect(same.events[0].sequence).toBe(after.events[0].sequence);
    const relinked = workshopForm(title, facilitator.id, { id: session.id, date: "2031-05-07" });
    relinked.set("joinUrl", "https://meet.example.org/nuevo-enlace");
    expect((await post(`/staff/workshops/${workshopId}/edit`, relinked, staff)).status).toBe(302);
    const third = parse(
      (await getWithHost(`/workshops/${workshopId}/calendar.ics`, "x.example", member)).body.toString("utf8"),
    );
    expect(third.events[0].sequence).toBe(after.events[0].sequence + 1);

    // Cancelling the workshop is one more revision: the same UID, STATUS:CANCELLED.
    const cancelled = workshopForm(title, facilitator.id, { id: session.id, date: "2031-05-07" });
    cancelled.set("joinUrl", "https://meet.example.org/nuevo-enlace");
    cancelled.set("status", "cancelled");
    expect((await post(`/staff/workshops/${workshopId}/edit`, cancelled, staff)).status).toBe(302);
    const ics = (await getWithHost(`/workshops/${workshopId}/calendar.ics`, "x.example", member)).body.toString("utf8");
    const last = parse(ics);
    expect(last.method).toBe("PUBLISH");
    expect(last.events[0].uid).toBe(invitation.events[0].uid);
    expect(last.events[0].sequence).toBe(third.events[0].sequence + 1);
    expect(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe(
      "CANCELLED",
    );
  }, 120_000);
});

describe("certificate PDF", () => {
  it("prints APP_URL in the text and the QR code whatever the Host, in the holder's language with /Lang and /Title", async () => {
    const code = "MK-7Q2D-4K9P-XW3M-HT6R";
    const db = new SQLite(server.databaseFile);
    const [person] = server.query<{ id: number }>("select id from person where email = ?", "socia@minka.test");
    const [course] = server.query<{ id: number; title: string }>("select id, title from course order by id limit 1");
    db.prepare("update person set preferred_language = 'en' where id = ?").run(person.id);
    db.prepare(
      `insert into certificate (person_id, course_id, code, full_name, course_title, hours, completed_at, issued_at)
       values (?, ?, ?, 'Rosa Quispe', ?, 2, '2026-11-20T15:00:00.000Z', '2026-11-20T15:00:00.000Z')`,
    ).run(person.id, course.id, code, course.title);
    db.close();

    // A manager whose own pages are in Spanish downloads it over another host name.
    const manager = await logIn(server, "gestora@minka.test");
    const response = await getWithHost(`/certificates/${code}/pdf`, "otro-nombre.example", manager);
    expect(response.status).toBe(200);
    const file = path.join(TEST_TMP, `certificate-${code}.pdf`);
    fs.writeFileSync(file, response.body);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const verifyUrl = `${APP_URL}/certificates/${code}`;
    expect(text).toContain(verifyUrl);
    expect(text).not.toContain("otro-nombre");
    expect(text).toContain("Rosa Quispe");
    expect(text).not.toContain("Certificado");
    const pdf = await PDFDocument.load(response.body);
    expect(pdf.getTitle()).toBe(`Certificate of Rosa Quispe: ${course.title}`);
    expect(pdf.catalog.get(PDFName.of("Lang"))?.toString()).toBe("(en)");
    // The QR code is the one of the public address (and not the one of the requested host).
    expect(readQrFromPdf(response.body)).toBe(verifyUrl);

    // Chosen language: ?lang=es prints it in Spanish.
    const spanish = await getWithHost(`/certificates/${code}/pdf?lang=es`, "otro-nombre.example", manager);
    const chosen = await PDFDocument.load(spanish.body);
    expect(chosen.getTitle()).toBe(`Certificado de Rosa Quispe: ${course.title}`);
    expect(chosen.catalog.get(PDFName.of("Lang"))?.toString()).toBe("(es)");
  }, 120_000);
});
