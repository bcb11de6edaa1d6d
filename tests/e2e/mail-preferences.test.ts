import { execFile } from "node:child_process";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { ROOT } from "../support/paths";
import { recipientOf as to, startServerWithMail, type ServerWithMail } from "../support/mail-server";
import type { TestServer } from "../support/server";
import type { MailCatcher } from "../support/smtp";

// Issue #17 item 3: reminders can be turned off (a one-click link in every reminder, or "Mi cuenta"),
// the password reset e-mail leaves at once, and nobody is sent a confirmation for a workshop that is over.
const APP_URL = "https://cursos.minka.example";
let both: ServerWithMail;
let server: TestServer;
let smtp: MailCatcher;

beforeAll(async () => {
  // The outbox timer never fires: an e-mail that arrives was sent by the request that queued it.
  both = await startServerWithMail({ env: { APP_URL } });
  ({ server, smtp } = both);
}, 120_000);
afterAll(() => both?.stop());

/**
 * `npm run reminders`, as cron runs it, on the test server's database. Asynchronously: the SMTP
 * server it delivers to runs in this very process.
 */
async function runReminders(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/reminders.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: server.databaseFile, SMTP_URL: smtp.url, APP_URL },
    encoding: "utf8",
  });
  return stdout;
}

const remindersOff = (personId: number) =>
  server.query<{ n: number }>("select count(*) as n from mail_preference where person_id = ?", personId)[0].n;

describe("e-mail timing", () => {
  it("sends the password reset e-mail at once, without waiting for the outbox timer", async () => {
    const response = await fetch(`${server.url}/forgot-password`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ identifier: "socia@minka.test" }),
    });
    expect(response.status).toBe(200);
    await expect
      .poll(() => smtp.messages.filter((m) => m.subject === "Minka: cree una contraseña nueva").length, {
        timeout: 10_000,
      })
      .toBe(1);
    const mail = smtp.messages.find((m) => m.subject === "Minka: cree una contraseña nueva")!;
    expect(smtp.source(mail)).toMatch(/Content-Type: multipart\/alternative;/i);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.html).toMatch(/<a href="https:\/\/cursos\.minka\.example\/reset-password\?token=[a-z2-7]{32}"/);
  });

  it("never queues a confirmation for a workshop whose sessions are all over (the demo seed has one)", () => {
    const [{ n }] = server.query<{ n: number }>(
      `select count(*) as n from email_outbox e
       where e.kind in ('confirmation', 'promotion')
         and not exists (select 1 from workshop_session s where s.workshop_id = e.workshop_id and s.ends_at > ?)`,
      new Date().toISOString(),
    );
    expect(n).toBe(0);
  });
});

describe("turning reminders off", () => {
  it("offers a one-click link in every reminder that works only by POST, and a switch in «Mi cuenta»", async () => {
    const staff = await logIn(server, "facilitadora@minka.test");
    const [facilitator] = server.query<{ id: number }>(
      "select id from account where email = ?",
      "facilitadora@minka.test",
    );
    const [member] = server.query<{ person_id: number }>(
      "select person_id from account where email = ?",
      "socia@minka.test",
    );
    const form = new URLSearchParams({
      title: "Taller con recordatorio",
      description: "Mañana.",
      modality: "online",
      joinUrl: "https://meet.example.org/recordar",
      timezone: "America/Lima",
      country: "PE",
      status: "published",
      intent: "save",
      rows: "3",
      "session-0-date": "2031-08-01",
      "session-0-start": "10:00",
      "session-0-end": "12:00",
      facilitatorIds: String(facilitator.id),
    });
    const created = await fetch(`${server.url}/staff/workshops/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: staff },
      body: form,
    });
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(created.headers.get("Location")!)![1]);
    const cookie = await logIn(server, "socia@minka.test");
    await fetch(`${server.url}/workshops/${workshopId}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ intent: "register" }),
    });
    // The session moves to a few hours from now (behind the app's back: no change e-mail).
    const soon = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
    const db = new SQLite(server.databaseFile);
    db.prepare("update workshop_session set starts_at = ?, ends_at = ? where workshop_id = ?").run(
      soon(3),
      soon(5),
      workshopId,
    );
    db.close();

    expect(await runReminders()).toContain("Reminders queued: 1");
    const reminder = await smtp.waitFor(
      (m) => to(m) === "socia@minka.test" && m.subject?.startsWith("Recordatorio: Taller con recordatorio") === true,
      15_000,
    );
    const source = smtp.source(reminder);
    expect(source).toMatch(/Content-Type: multipart\/alternative;/i);
    expect(reminder.headers.get("auto-submitted")).toBe("auto-generated");
    expect(source).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // The header may be folded onto a second line before the "<".
    const link = /^List-Unsubscribe:\s*<([^>]+)>\r?$/m.exec(source)?.[1];
    expect(link).toMatch(/^https:\/\/cursos\.minka\.example\/mail\/reminders-off\?token=[a-z2-7]{32}$/);
    expect(reminder.text).toContain(link);
    const local = link!.replace(APP_URL, server.url);

    // Opening the link (as a link scanner would) only asks.
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Dejar de recibir recordatorios");
    expect(remindersOff(member.person_id)).toBe(0);

    // A forged link changes nothing.
    const forged = await fetch(`${server.url}/mail/reminders-off?token=${"a".repeat(32)}`, {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
    });
    expect(forged.status).toBe(404);
    expect(remindersOff(member.person_id)).toBe(0);

    // The mail program's one-click POST (RFC 8058), without a login, turns them off.
    const oneClick = new FormData();
    oneClick.set("List-Unsubscribe", "One-Click");
    const posted = await fetch(local, { method: "POST", body: oneClick });
    expect(posted.status).toBe(200);
    expect(remindersOff(member.person_id)).toBe(1);

    // A second session tomorrow: no reminder for her now.
    const write = new SQLite(server.databaseFile);
    write
      .prepare(
        "insert into workshop_session (workshop_id, starts_at, ends_at, calendar_changed_at) values (?, ?, ?, ?)",
      )
      .run(workshopId, soon(20), soon(22), soon(0));
    write.close();
    expect(await runReminders()).toContain("Reminders queued: 0");

    // «Mi cuenta» shows the choice and turns them back on, without JavaScript (a plain form post).
    const account = await (await fetch(`${server.url}/account`, { headers: { Cookie: cookie } })).text();
    expect(account).toContain("Recordatorios por correo");
    expect(account).toContain('action="/account/reminders"');
    expect(account).toContain("Volver a recibir recordatorios");
    const on = await fetch(`${server.url}/account/reminders`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ reminders: "on" }),
    });
    expect(on.status).toBe(302);
    expect(on.headers.get("Location")).toBe("/account?reminders=saved#reminders");
    expect(remindersOff(member.person_id)).toBe(0);
    expect(await runReminders()).toContain("Reminders queued: 1");

    // And off again from «Mi cuenta».
    await fetch(`${server.url}/account/reminders`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ reminders: "off" }),
    });
    expect(remindersOff(member.person_id)).toBe(1);
    const saved = await (await fetch(`${server.url}/account?reminders=saved`, { headers: { Cookie: cookie } })).text();
    expect(saved).toContain("Guardamos su preferencia.");
    expect(saved).toContain("Volver a recibir recordatorios");
  }, 120_000);
});
