import type { Kysely } from "kysely";

/**
 * Reminder e-mails a person can turn off (issue #17, docs/decisions/028):
 * - `mail_preference`: one row per person who turned reminders off (no row: reminders on). Its own
 *   table, not a person column, so the reach triggers on person (decision 025) never see it.
 * - `mail_opt_out_token`: the SHA-256 of each single-purpose link put in a reminder's
 *   `List-Unsubscribe` header; it can only turn that person's reminders off.
 * - `email_outbox.list_unsubscribe`: that link, for the sender's headers.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mail_preference")
    .addColumn("person_id", "integer", (c) => c.primaryKey().references("person.id").onDelete("cascade"))
    .addColumn("reminders_off_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("mail_opt_out_token")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_opt_out_token_person_idx").on("mail_opt_out_token").column("person_id").execute();
  await db.schema.alterTable("email_outbox").addColumn("list_unsubscribe", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("email_outbox").dropColumn("list_unsubscribe").execute();
  await db.schema.dropTable("mail_opt_out_token").execute();
  await db.schema.dropTable("mail_preference").execute();
}
