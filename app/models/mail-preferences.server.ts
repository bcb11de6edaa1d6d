import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../utils/db.server";
import { appUrl } from "./workshop-mail.server";

const hash = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** Whether this person gets reminder e-mails (the default; turned off in "Mi cuenta" or from a reminder). */
export async function remindersOn(db: DB, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom("mail_preference")
    .select("person_id")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row === undefined;
}

export async function setReminders(db: DB, personId: number, on: boolean, now = new Date()): Promise<void> {
  if (on) {
    await db.deleteFrom("mail_preference").where("person_id", "=", personId).execute();
    return;
  }
  await db
    .insertInto("mail_preference")
    .values({ person_id: personId, reminders_off_at: now.toISOString() })
    .onConflict((oc) => oc.column("person_id").doNothing())
    .execute();
}

/**
 * A link that turns this person's reminders off and does nothing else (RFC 8058 one-click), put in
 * every reminder. 160 random bits; only the SHA-256 is stored, like session secrets.
 */
export async function newReminderOptOutUrl(db: DB, personId: number, now = new Date()): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  await db
    .insertInto("mail_opt_out_token")
    .values({ token_hash: hash(token), person_id: personId, created_at: now.toISOString() })
    .execute();
  return `${appUrl()}/mail/reminders-off?token=${token}`;
}

/** The person a reminder opt-out link belongs to, or undefined for an unknown or malformed one. */
export async function findOptOutPerson(db: DB, token: string): Promise<number | undefined> {
  if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
  const row = await db
    .selectFrom("mail_opt_out_token")
    .select("person_id")
    .where("token_hash", "=", hash(token))
    .executeTakeFirst();
  return row?.person_id;
}

/** Turns reminders off through a link; false when the link is not one of ours. */
export async function optOutWithToken(db: DB, token: string, now = new Date()): Promise<boolean> {
  const personId = await findOptOutPerson(db, token);
  if (personId === undefined) return false;
  await setReminders(db, personId, false, now);
  return true;
}
