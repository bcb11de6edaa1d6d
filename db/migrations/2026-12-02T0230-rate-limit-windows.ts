import type { Kysely } from "kysely";

/**
 * Rate-limit windows shared by every server process (they lived in each process's memory, so
 * two processes doubled every limit). One row per limit and key (an account, an IP address):
 * the count of the current fixed window and when it ends, in milliseconds since 1970 (bigint:
 * PostgreSQL's integer stops in 2038). Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit_window")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("reset_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_window_pk", ["name", "key"])
    .execute();
  // Expired windows are deleted in bulk now and then.
  await db.schema.createIndex("rate_limit_window_reset_idx").on("rate_limit_window").column("reset_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit_window").execute();
}
