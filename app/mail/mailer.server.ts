import nodemailer from "nodemailer";
import { deliverDueEmails, type QueuedEmail } from "../models/email-outbox.server";
import { getDb } from "../utils/db.server";
import { mailFrom } from "./from.server";

/**
 * The headers every e-mail carries: `Auto-Submitted` (RFC 3834) so that auto-responders and
 * vacation replies leave it alone; reminders also `List-Unsubscribe` with one-click (RFC 8058).
 */
export function mailHeaders(mail: Pick<QueuedEmail, "list_unsubscribe">): Record<string, string> {
  return {
    "Auto-Submitted": "auto-generated",
    ...(mail.list_unsubscribe
      ? { "List-Unsubscribe": `<${mail.list_unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : {}),
  };
}

/**
 * Sends one queued e-mail over SMTP: plain text and HTML as `multipart/alternative`, with the
 * calendar file attached when there is one.
 */
export function smtpSender(smtpUrl: string, from = mailFrom()) {
  const transport = nodemailer.createTransport(smtpUrl, {
    // Fail fast when the server is down: the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return async (mail: QueuedEmail) => {
    await transport.sendMail({
      from,
      to: mail.to_address,
      subject: mail.subject,
      headers: mailHeaders(mail),
      text: mail.text_body,
      ...(mail.html_body ? { html: mail.html_body } : {}),
      attachments: mail.ics
        ? [
            {
              filename: "taller.ics",
              content: mail.ics,
              // iTIP: the part's method must match the file's METHOD (an invitation is REQUEST).
              contentType: `text/calendar; charset=utf-8; method=${/^METHOD:(\w+)/m.exec(mail.ics)?.[1] ?? "PUBLISH"}`,
            },
          ]
        : [],
    });
  };
}

let flushing: Promise<unknown> | null = null;
let again = false;

/**
 * Delivers what is due now, if a mail server is configured (SMTP_URL). Without
 * one, e-mails wait in the outbox and staff see them on the workshop page.
 * Overlapping calls share one run, plus one more for what arrived meanwhile.
 */
export function flushOutbox(): Promise<unknown> {
  const url = process.env.SMTP_URL;
  if (!url) return Promise.resolve();
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    try {
      do {
        again = false;
        await deliverDueEmails(await getDb(), smtpSender(url));
      } while (again);
    } catch (error) {
      console.error("E-mail delivery failed:", error);
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** After queuing e-mail in a request: deliver soon, without making the person wait. */
export function kickOutbox(): void {
  setImmediate(() => void flushOutbox());
}

let timer: NodeJS.Timeout | undefined;

/** The production server's sender: retries and leftovers are picked up on a timer. */
export function startOutboxSender(intervalMs = Number(process.env.OUTBOX_INTERVAL_MS || 30_000)): void {
  if (timer || !process.env.SMTP_URL) return;
  timer = setInterval(() => void flushOutbox(), intervalMs);
  timer.unref();
  kickOutbox();
}
