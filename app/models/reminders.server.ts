import { enqueueWorkshopMail } from "./workshop-mail.server";
import type { DB } from "../utils/db.server";

export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Queues a reminder for every registered person with an e-mail whose session
 * starts within the next 24 hours, unless they turned reminders off. The dedupe key (one per session and person)
 * makes running this again, from cron or by hand, queue nothing twice.
 */
export async function enqueueDueReminders(db: DB, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom("workshop_session")
    .innerJoin("workshop", "workshop.id", "workshop_session.workshop_id")
    .innerJoin("registration", "registration.workshop_id", "workshop.id")
    .innerJoin("person", "person.id", "registration.person_id")
    .select(["workshop_session.id as sessionId", "workshop.id as workshopId", "registration.person_id as personId"])
    .where("workshop.status", "=", "published")
    .where("registration.status", "=", "registered")
    .where("person.email", "is not", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("mail_preference").select("person_id").whereRef("mail_preference.person_id", "=", "person.id"),
        ),
      ),
    )
    .where("workshop_session.starts_at", ">", now.toISOString())
    .where("workshop_session.starts_at", "<=", new Date(now.getTime() + REMINDER_LEAD_MS).toISOString())
    .execute();
  let queued = 0;
  for (const row of due) {
    const added = await enqueueWorkshopMail(db, "reminder", {
      workshopId: row.workshopId,
      personId: row.personId,
      sessionId: row.sessionId,
      dedupeKey: `reminder:${row.sessionId}:${row.personId}`,
      now,
    });
    if (added) queued++;
  }
  return queued;
}
