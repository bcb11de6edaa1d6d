import { sql, type Kysely } from "kysely";

/**
 * Reach counts people by the *local* date of each participation (the workshop's time zone for
 * sessions, America/Lima for courses). Time-zone math is not portable SQL, so the local dates are
 * precomputed into columns, each with the source value it was computed from (`*_key`): the reach
 * model refreshes any row whose key no longer matches before it counts (see app/models/local-dates.server.ts).
 * Also: the "not the same person" marks of the person ledger, and the indexes the report needs.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("workshop_session").addColumn("local_date", "text").execute();
  await db.schema.alterTable("workshop_session").addColumn("local_date_key", "text").execute();
  await db.schema.alterTable("enrolment").addColumn("enrolled_local_date", "text").execute();
  await db.schema.alterTable("enrolment").addColumn("completed_local_date", "text").execute();
  await db.schema.alterTable("enrolment").addColumn("local_dates_key", "text").execute();

  // Sessions of a period, with their workshop: the first step of every reach query.
  await db.schema
    .createIndex("workshop_session_local_date_idx")
    .on("workshop_session")
    .columns(["local_date", "workshop_id"])
    .execute();
  // Covering index: the attendance rule reads only these columns, so counting never touches the table.
  await db.schema
    .createIndex("attendance_session_person_rule_idx")
    .on("attendance")
    .columns(["session_id", "person_id", "status", "minutes_online"])
    .execute();
  await db.schema
    .createIndex("enrolment_completed_local_idx")
    .on("enrolment")
    .columns(["completed_local_date", "person_id"])
    .execute();
  await db.schema
    .createIndex("enrolment_enrolled_local_idx")
    .on("enrolment")
    .columns(["enrolled_local_date", "person_id"])
    .execute();
  await db.schema.createIndex("attendance_import_session_idx").on("attendance_import").column("session_id").execute();
  await db.schema.createIndex("person_cooperative_idx").on("person").columns(["cooperative", "name_key"]).execute();

  // Two persons a manager has judged to be different people: no longer listed as likely duplicates.
  await db.schema
    .createTable("person_distinct")
    .addColumn("person_a", "integer", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("person_b", "integer", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("decided_by", "integer", (c) => c.references("account.id"))
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("person_distinct_pk", ["person_a", "person_b"])
    .addCheckConstraint("person_distinct_order", sql`person_a < person_b`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("person_distinct").execute();
  for (const index of [
    "person_cooperative_idx",
    "attendance_import_session_idx",
    "enrolment_enrolled_local_idx",
    "enrolment_completed_local_idx",
    "attendance_session_person_rule_idx",
    "workshop_session_local_date_idx",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ["local_dates_key", "completed_local_date", "enrolled_local_date"]) {
    await db.schema.alterTable("enrolment").dropColumn(column).execute();
  }
  await db.schema.alterTable("workshop_session").dropColumn("local_date_key").execute();
  await db.schema.alterTable("workshop_session").dropColumn("local_date").execute();
}
