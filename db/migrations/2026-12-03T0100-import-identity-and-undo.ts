import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Attendance imports recognised by their content and undoable (docs/decisions/022).
 * - `attendance_import` gains the report's content identity (`meeting_key`, `participants_hash`),
 *   the decision taken for each participant (`decisions`, JSON keyed by hashed participant keys,
 *   so no name or contact is copied here) and who undid it and when (`undone_at`, `undone_by`).
 *   The UNIQUE(session, file hash) constraint goes: an undone import stays for history, and its
 *   file may be imported again; "already imported" is now a check among imports not undone.
 * - `attendance_import_change`: for each attendance row an import touched, the values before it
 *   (whether the row existed, status, minutes, source, import, who and when) and the values it left,
 *   so an undo restores only what is still as the import left it.
 * SQLite cannot drop a table constraint: the table is rebuilt (SQLite's documented 12 steps) and
 * its reach-version triggers (docs/decisions/017) are created again.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`alter table attendance_import drop constraint attendance_import_session_hash_unique`.execute(db);
    await db.schema
      .alterTable("attendance_import")
      .addColumn("meeting_key", "text")
      .addColumn("participants_hash", "text")
      .addColumn("decisions", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("undone_at", "text")
      .addColumn("undone_by", "integer", (c) => c.references("account.id"))
      .execute();
  } else {
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql`begin`.execute(db);
      await sql`create table attendance_import_new (
        id integer primary key autoincrement,
        session_id integer not null references workshop_session (id),
        file_hash text not null,
        file_name text not null,
        format text not null,
        rows_total integer not null,
        rows_matched integer not null,
        rows_ignored integer not null,
        imported_by integer references account (id),
        imported_at text not null,
        meeting_key text,
        participants_hash text,
        decisions text not null default '[]',
        undone_at text,
        undone_by integer references account (id)
      )`.execute(db);
      await sql`insert into attendance_import_new
        (id, session_id, file_hash, file_name, format, rows_total, rows_matched, rows_ignored, imported_by, imported_at)
        select id, session_id, file_hash, file_name, format, rows_total, rows_matched, rows_ignored, imported_by, imported_at
        from attendance_import`.execute(db);
      await sql`drop table attendance_import`.execute(db);
      await sql`alter table attendance_import_new rename to attendance_import`.execute(db);
      for (const event of ["insert", "update", "delete"]) {
        await sql`create trigger ${sql.id(`reach_version_attendance_import_${event}`)} after ${sql.raw(event)} on attendance_import
          begin update reach_data_version set version = version + 1 where id = 1; end`.execute(db);
      }
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`Foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  }
  await db.schema
    .createIndex("attendance_import_session_hash_idx")
    .on("attendance_import")
    .columns(["session_id", "file_hash"])
    .execute();
  await db.schema
    .createIndex("attendance_import_session_participants_idx")
    .on("attendance_import")
    .columns(["session_id", "participants_hash"])
    .execute();

  await db.schema
    .createTable("attendance_import_change")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("import_id", "integer", (c) => c.notNull().references("attendance_import.id"))
    // No foreign key to person or attendance: merges and erasure may move or drop those rows,
    // and then the undo finds the row changed since and leaves it alone.
    .addColumn("session_id", "integer", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull())
    .addColumn("existed", "integer", (c) => c.notNull())
    .addColumn("before_status", "text")
    .addColumn("before_minutes", "integer")
    .addColumn("before_source", "text")
    .addColumn("before_import_id", "integer")
    .addColumn("before_recorded_by", "integer")
    .addColumn("before_recorded_at", "text")
    .addColumn("after_status", "text")
    .addColumn("after_minutes", "integer")
    .execute();
  await db.schema
    .createIndex("attendance_import_change_import_idx")
    .on("attendance_import_change")
    .column("import_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("attendance_import_change").execute();
  await db.schema.dropIndex("attendance_import_session_participants_idx").execute();
  await db.schema.dropIndex("attendance_import_session_hash_idx").execute();
  // Not back to UNIQUE(session, file hash): undone imports may share a file with a later one.
  // SQLite cannot drop a column with a foreign key: there `undone_by` stays, unused.
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const column of [...(pg ? ["undone_by"] : []), "undone_at", "decisions", "participants_hash", "meeting_key"])
    await db.schema.alterTable("attendance_import").dropColumn(column).execute();
}
