import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * A counter that moves whenever anything the reach report reads changes, so a report computed
 * for a counter value can be served again until the next change (docs/decisions/017). It is
 * kept by triggers on the tables it reads (and person_distinct, for the likely-duplicates count
 * shown beside it), not by application code: no write path (imports, roll call, undo, merges,
 * erasure, person edits, scripts, a manual fix in the database shell) can forget it.
 * SQLite only: there writers are serialised anyway, so one counter row costs no concurrency. On
 * PostgreSQL every writer would update the same row and SERIALIZABLE transactions would abort
 * each other, so there the table exists but stays unused and the report is computed every time.
 * Frozen in time: this file must never import application code.
 */
export const REACH_SOURCE_TABLES = [
  "person",
  "account",
  "course",
  "enrolment",
  "workshop",
  "workshop_facilitator",
  "workshop_session",
  "registration",
  "attendance",
  "attendance_import",
  // Not a reach figure, but the likely-duplicates count shown with the report reads it.
  "person_distinct",
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reach_data_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("reach_data_version").values({ id: 1, version: 0 }).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const table of REACH_SOURCE_TABLES) {
    for (const event of ["insert", "update", "delete"]) {
      await sql`create trigger ${sql.id(`reach_version_${table}_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update reach_data_version set version = version + 1 where id = 1; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const table of REACH_SOURCE_TABLES) {
      for (const event of ["insert", "update", "delete"]) {
        await sql`drop trigger if exists ${sql.id(`reach_version_${table}_${event}`)}`.execute(db);
      }
    }
  }
  await db.schema.dropTable("reach_data_version").execute();
}
