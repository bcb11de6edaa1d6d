import { PostgresAdapter, sql, type Kysely } from "kysely";

// Password resets and privacy rights. Frozen in time: never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable("password_reset")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("account_id", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    // SHA-256 of the e-mailed token or of the code a staff member read out; never the secret itself.
    .addColumn("secret_hash", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('email','staff_code')`))
    .addColumn("issued_by", "integer", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("password_reset_account_idx").on("password_reset").column("account_id").execute();

  await db.schema.alterTable("person").addColumn("consent_withdrawn_at", "text").execute();
  // Set when an admin processed a deletion request: personal fields are gone, counts stay.
  await db.schema.alterTable("person").addColumn("erased_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person").dropColumn("erased_at").execute();
  await db.schema.alterTable("person").dropColumn("consent_withdrawn_at").execute();
  await db.schema.dropTable("password_reset").execute();
}
