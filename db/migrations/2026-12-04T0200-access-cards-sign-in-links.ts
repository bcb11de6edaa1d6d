import { PostgresAdapter, type Kysely } from "kysely";

/**
 * Ways in without a password (docs/decisions/031-access-cards-and-sign-in-links.md):
 * - `access_card`: a printed card of a member's account. Only SHA-256 hashes of its QR token and of
 *   its short code are kept; a revoked card keeps its row (revoked_at) for the audit trail.
 * - `session.access_card_id`: the card a session was started with, so revoking the card ends the
 *   sessions it opened (signs those devices out).
 * - `sign_in_link`: a single-use link e-mailed to a member, valid 15 minutes; only its hash is kept.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (table: ReturnType<Kysely<any>["schema"]["createTable"]>) =>
    table.addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()));
  await id(db.schema.createTable("access_card"))
    .addColumn("account_id", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("issued_by", "integer", (c) => c.references("account.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "integer", (c) => c.references("account.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("access_card_account_idx").on("access_card").column("account_id").execute();
  await db.schema
    .alterTable("session")
    .addColumn("access_card_id", "integer", (c) => c.references("access_card.id").onDelete("cascade"))
    .execute();
  await db.schema.createIndex("session_access_card_idx").on("session").column("access_card_id").execute();
  await id(db.schema.createTable("sign_in_link"))
    .addColumn("account_id", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("sign_in_link_account_idx").on("sign_in_link").column("account_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_in_link").execute();
  await db.schema.dropIndex("session_access_card_idx").execute();
  await db.schema.alterTable("session").dropColumn("access_card_id").execute();
  await db.schema.dropTable("access_card").execute();
}
