/**
 * `npm run reminders`: queues the reminders for sessions starting within 24 hours
 * and delivers due e-mail (when SMTP_URL is set). Safe to run from cron every few
 * minutes: each reminder is queued once per session and person, ever.
 */
import { enqueueDueReminders } from "../app/models/reminders.server";
import { deliverDueEmails } from "../app/models/email-outbox.server";
import { smtpSender } from "../app/mail/mailer.server";
import { closeDb, getDb } from "../app/utils/db.server";

const db = await getDb();
try {
  const queued = await enqueueDueReminders(db);
  console.log(`Reminders queued: ${queued}`);
  if (process.env.SMTP_URL) {
    const { sent, failed } = await deliverDueEmails(db, smtpSender(process.env.SMTP_URL), { limit: 1000 });
    console.log(`E-mails sent: ${sent}, failed (will be retried): ${failed}`);
  } else {
    console.log("SMTP_URL is not set: the e-mails wait in the outbox.");
  }
} finally {
  await closeDb();
}
