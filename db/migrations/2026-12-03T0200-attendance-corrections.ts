import { sql, type Kysely } from "kysely";

/**
 * Hand corrections of attendance (docs/decisions/023): staff say a person was present or absent
 * at a session whatever the roll call or an import recorded, and/or how many minutes they were
 * online, with a reason. Kept in their own columns, which no roll call or import ever writes, so
 * a re-import or the undo of an import leaves them alone, and what the import said stays visible.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("attendance")
    .addColumn("corrected_status", "text", (c) => c.check(sql`corrected_status in ('present','absent')`))
    .execute();
  await db.schema
    .alterTable("attendance")
    .addColumn("corrected_minutes", "integer", (c) => c.check(sql`corrected_minutes >= 0`))
    .execute();
  await db.schema
    .alterTable("attendance")
    .addColumn("corrected_by", "integer", (c) => c.references("account.id"))
    .execute();
  await db.schema.alterTable("attendance").addColumn("corrected_at", "text").execute();
  await db.schema.alterTable("attendance").addColumn("correction_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["correction_reason", "corrected_at", "corrected_by", "corrected_minutes", "corrected_status"]) {
    await db.schema.alterTable("attendance").dropColumn(column).execute();
  }
}
