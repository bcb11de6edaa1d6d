import { PostgresAdapter, type Kysely } from "kysely";

/**
 * An attendance report waiting for the facilitator's review: the parsed participants are kept
 * here (not in the browser) so the review survives page loads without JavaScript, and nothing
 * touches attendance until it is confirmed. Confirmed or abandoned uploads are deleted.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("attendance_upload")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("session_id", "integer", (c) => c.notNull().references("workshop_session.id").onDelete("cascade"))
    .addColumn("file_hash", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    // JSON: the merged participants, the per-line problems and the report's meeting details.
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("account.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("attendance_upload_session_idx")
    .on("attendance_upload")
    .columns(["session_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("attendance_upload").execute();
}
