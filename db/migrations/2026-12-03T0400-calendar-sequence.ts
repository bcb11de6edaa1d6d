import type { Kysely } from "kysely";

/**
 * Calendar revisions of each session (RFC 5545 SEQUENCE and LAST-MODIFIED): calendar programs
 * replace an event they already hold only when its SEQUENCE is higher, so a moved session must
 * carry a higher number than the invitation people imported. Staff edits raise it in the same
 * transaction as the change of time, place, join link or status. Existing sessions start at 0,
 * changed "now" unknown (null: the calendar then says nothing about it).
 * Added columns only: the reach triggers and reports read nothing new (decision 025).
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("workshop_session")
    .addColumn("calendar_sequence", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("workshop_session").addColumn("calendar_changed_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("workshop_session").dropColumn("calendar_changed_at").execute();
  await db.schema.alterTable("workshop_session").dropColumn("calendar_sequence").execute();
}
