import { PostgresAdapter, sql, type Kysely } from "kysely";

// What the content pipeline stores beside the shared course/lesson rows:
// compiled lesson code (so requests never compile), search text, and the
// problems found in content (held back and shown to admins).
// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable("course").addColumn("cover_image", "text").execute();
  await db.schema.alterTable("course").addColumn("cover_alt", "text").execute();
  await db.schema.alterTable("course").addColumn("content_hash", "text").execute();

  await db.schema.alterTable("lesson").addColumn("content_hash", "text").execute();
  // mdx-bundler output: a function body evaluated by getMDXComponent.
  await db.schema.alterTable("lesson").addColumn("code", "text").execute();
  // JSON: video sources/captions/transcript, and the self-check questions.
  await db.schema.alterTable("lesson").addColumn("video", "text").execute();
  await db.schema.alterTable("lesson").addColumn("quiz", "text").execute();
  // Plain text of the lesson, for search.
  await db.schema
    .alterTable("lesson")
    .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("content_problem")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("course_slug", "text", (c) => c.notNull())
    .addColumn("file", "text", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("col", "integer", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("found_at", "text", (c) => c.notNull())
    .execute();

  // Full-text search over courses (SQLite FTS5); PostgreSQL searches with ILIKE in the model.
  if (!pg) {
    await sql`create virtual table course_search using fts5(
      course_id unindexed, title, summary, body, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!pg) await sql`drop table course_search`.execute(db);
  await db.schema.dropTable("content_problem").execute();
  for (const column of ["body_text", "quiz", "video", "code", "content_hash"]) {
    await db.schema.alterTable("lesson").dropColumn(column).execute();
  }
  for (const column of ["content_hash", "cover_alt", "cover_image"]) {
    await db.schema.alterTable("course").dropColumn(column).execute();
  }
}
