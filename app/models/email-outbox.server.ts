import { afterFailure } from "../domain/outbox";
import type { DB } from "../utils/db.server";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The same content as `text`, for mail programs that show HTML (see app/mail/compose.ts). */
  html?: string | null;
  ics?: string | null;
  /** A one-click link that stops this kind of e-mail (reminders), sent as `List-Unsubscribe`. */
  listUnsubscribe?: string | null;
  kind: string;
  /** At most one e-mail per key, ever: makes "send exactly once" a database constraint. */
  dedupeKey?: string | null;
  workshopId?: number | null;
  personId?: number | null;
}

export type QueuedEmail = Awaited<ReturnType<typeof dueEmails>>[number];

/**
 * Queues an e-mail, in the caller's transaction, so that it exists exactly when
 * the change it reports exists. Returns false when the dedupe key was already used.
 */
export async function enqueueEmail(db: DB, mail: OutgoingEmail, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto("email_outbox")
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      ics: mail.ics ?? null,
      list_unsubscribe: mail.listUnsubscribe ?? null,
      kind: mail.kind,
      dedupe_key: mail.dedupeKey ?? null,
      workshop_id: mail.workshopId ?? null,
      person_id: mail.personId ?? null,
      status: "pending",
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether an e-mail with this dedupe key was ever queued: then it need not be built again. */
export async function dedupeKeyUsed(db: DB, dedupeKey: string): Promise<boolean> {
  const row = await db.selectFrom("email_outbox").select("id").where("dedupe_key", "=", dedupeKey).executeTakeFirst();
  return row !== undefined;
}

function dueEmails(db: DB, now: Date, limit: number) {
  return db
    .selectFrom("email_outbox")
    .select([
      "id",
      "to_address",
      "subject",
      "text_body",
      "html_body",
      "ics",
      "list_unsubscribe",
      "kind",
      "attempts",
      "next_attempt_at",
    ])
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now.toISOString())
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

// While one sender works on an e-mail, others leave it alone for this long.
const LEASE_MS = 5 * 60_000;

/**
 * Delivers the e-mails that are due. Each one is first claimed (its next attempt
 * pushed into the future) so that two senders never send the same message; a
 * failure is recorded and retried later with a growing delay.
 */
export async function deliverDueEmails(
  db: DB,
  send: (mail: QueuedEmail) => Promise<void>,
  options: { now?: Date; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  let sent = 0;
  let failed = 0;
  for (const mail of await dueEmails(db, now, options.limit ?? 50)) {
    const claimed = await db
      .updateTable("email_outbox")
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where("id", "=", mail.id)
      .where("status", "=", "pending")
      .where("next_attempt_at", "=", mail.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempts = mail.attempts + 1;
    try {
      await send(mail);
      await db
        .updateTable("email_outbox")
        .set({ status: "sent", attempts, sent_at: new Date().toISOString(), last_error: null })
        .where("id", "=", mail.id)
        .execute();
      sent++;
    } catch (error) {
      const next = afterFailure(attempts, now);
      await db
        .updateTable("email_outbox")
        .set({
          attempts,
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          status: next.status,
          ...(next.status === "pending" ? { next_attempt_at: next.nextAttemptAt } : {}),
        })
        .where("id", "=", mail.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}

/** E-mails about a workshop that have not been delivered: shown to its staff. */
export async function listUndeliveredEmails(db: DB, workshopId: number) {
  return db
    .selectFrom("email_outbox")
    .select(["id", "to_address", "kind", "status", "attempts", "last_error", "created_at"])
    .where("workshop_id", "=", workshopId)
    .where("status", "in", ["pending", "failed"])
    .orderBy("id", "desc")
    .limit(100)
    .execute();
}
