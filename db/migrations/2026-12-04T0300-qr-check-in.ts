import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * QR check-in at in-person sessions (docs/decisions/032).
 * - `attendance.source` may also be `qr`: a member who scanned the session's poster and was marked
 *   present by it. SQLite cannot change a CHECK constraint: the table is rebuilt (SQLite's
 *   documented steps), and its indexes and triggers (reach data version, reach facts) are created
 *   again from their own stored SQL, so they stay exactly as the earlier migrations made them.
 * - `checkin_token`: the tokens printed on a session's posters, only as SHA-256. Each print adds
 *   one, so a poster already on the wall keeps working when another is printed.
 * Frozen in time: this file must never import application code.
 */
const OLD_CHECK = "source in ('roll_call','import')";
const NEW_CHECK = "source in ('roll_call','import','qr')";

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`alter table attendance drop constraint if exists attendance_source_check`.execute(db);
    await sql`alter table attendance add constraint attendance_source_check check (${sql.raw(NEW_CHECK)})`.execute(db);
  } else await rebuildAttendance(db, OLD_CHECK, NEW_CHECK);

  await db.schema
    .createTable("checkin_token")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("session_id", "integer", (c) => c.notNull().references("workshop_session.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "integer", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("checkin_token_session_idx").on("checkin_token").column("session_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("checkin_token").execute();
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Marks made by QR stay marks: they become the roll call's, which they are closest to.
  await sql`update attendance set source = 'roll_call' where source = 'qr'`.execute(db);
  if (pg) {
    await sql`alter table attendance drop constraint if exists attendance_source_check`.execute(db);
    await sql`alter table attendance add constraint attendance_source_check check (${sql.raw(OLD_CHECK)})`.execute(db);
  } else await rebuildAttendance(db, NEW_CHECK, OLD_CHECK);
}

async function rebuildAttendance(db: Kysely<any>, from: string, to: string) {
  const objects = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = 'attendance'`.execute(db);
  const table = objects.rows.find((row) => row.type === "table");
  if (!table?.sql?.includes(from)) throw new Error(`attendance has no constraint "${from}" to change`);
  // Indexes made by UNIQUE constraints have no SQL: the new table's definition makes them again.
  const dependents = objects.rows.filter((row) => row.type !== "table" && row.sql);
  const created = table.sql
    .replace(from, to)
    .replace(/^CREATE TABLE\s+("attendance"|attendance)/i, 'CREATE TABLE "attendance_new"');
  if (!created.includes("attendance_new")) throw new Error("could not rename attendance in its definition");
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sql.raw(created).execute(db);
    await sql`insert into attendance_new select * from attendance`.execute(db);
    await sql`drop table attendance`.execute(db);
    await sql`alter table attendance_new rename to attendance`.execute(db);
    for (const row of dependents) await sql.raw(row.sql!).execute(db);
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
