import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Completions and quiz answers sent by the browser with a client id (issue #20, offline;
 * docs/decisions/037): one row per (account, client id), written in the same transaction as
 * the completion, so the same submission sent again answers as the first time and writes
 * nothing new. `answer` is what the first time answered (JSON), to repeat it.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("client_submission")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("account_id", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('completion','quiz')`))
    .addColumn("lesson_id", "integer", (c) => c.notNull().references("lesson.id").onDelete("cascade"))
    .addColumn("answer", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("client_submission_account_client_key", ["account_id", "client_id"])
    .execute();
  await db.schema
    .createIndex("client_submission_created_idx")
    .on("client_submission")
    .columns(["account_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_submission").execute();
}
