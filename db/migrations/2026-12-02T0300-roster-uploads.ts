import { PostgresAdapter, type Kysely } from "kysely";

/**
 * A roster waiting for the staff member's confirmation (docs/decisions/014-roster-import.md):
 * the rows read from the CSV or XLSX are kept here as JSON, with what the upload form said
 * (the target workshop, or none for "only add to the ledger", and the consent box), so the
 * file travels once and the confirmation commits what was previewed, by the person who
 * uploaded it. Confirmed or abandoned rosters are deleted. Frozen in time: this file must
 * never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("roster_upload")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("file_hash", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("records", "text", (c) => c.notNull())
    .addColumn("workshop_id", "integer", (c) => c.references("workshop.id").onDelete("cascade"))
    .addColumn("consent_for_all", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("roster_upload_uploader_idx")
    .on("roster_upload")
    .columns(["uploaded_by", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("roster_upload").execute();
}
