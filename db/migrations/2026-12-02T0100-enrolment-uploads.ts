import { PostgresAdapter, type Kysely } from "kysely";

/**
 * An enrolment list waiting for the staff member's confirmation: the decoded CSV is kept here
 * (not sent back by the browser) so a large file travels once and the confirmation can only
 * commit what was previewed, by the person who uploaded it. Confirmed or abandoned uploads are
 * deleted. Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("enrolment_upload")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("file_hash", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    // An upload nobody can confirm is useless: it goes with its uploader.
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("enrolment_upload_uploader_idx")
    .on("enrolment_upload")
    .columns(["uploaded_by", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("enrolment_upload").execute();
}
