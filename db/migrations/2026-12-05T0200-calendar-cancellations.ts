import type { Kysely } from "kysely";

/**
 * How many calendar cancellations (METHOD:CANCEL) a person was sent for a workshop: the
 * SEQUENCE of every later file to them is raised by twice that, so an invitation sent after
 * they register again outranks the cancellation their calendar holds (docs/decisions/038).
 * Filled from the cancellations already queued (the outbox keeps every e-mail with its kind).
 * Added column only: the reach triggers and reports read nothing new (decision 025).
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("registration")
    .addColumn("calendar_cancellations", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable("registration")
    .set((eb) => ({
      calendar_cancellations: eb
        .selectFrom("email_outbox")
        .select((o) => o.fn.countAll().as("n"))
        .whereRef("email_outbox.person_id", "=", "registration.person_id")
        .whereRef("email_outbox.workshop_id", "=", "registration.workshop_id")
        .where("email_outbox.kind", "in", ["withdrawn", "cancelled"]),
    }))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registration").dropColumn("calendar_cancellations").execute();
}
