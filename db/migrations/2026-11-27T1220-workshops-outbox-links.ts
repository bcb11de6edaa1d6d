import type { Kysely } from "kysely";

// Links each queued e-mail to the workshop and person it is about, so that staff
// see undelivered mail on the workshop's page. Frozen in time: no app imports.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("email_outbox")
    .addColumn("workshop_id", "integer", (c) => c.references("workshop.id"))
    .execute();
  await db.schema
    .alterTable("email_outbox")
    .addColumn("person_id", "integer", (c) => c.references("person.id"))
    .execute();
  await db.schema
    .createIndex("email_outbox_workshop_idx")
    .on("email_outbox")
    .columns(["workshop_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("email_outbox_workshop_idx").execute();
  await db.schema.alterTable("email_outbox").dropColumn("person_id").execute();
  await db.schema.alterTable("email_outbox").dropColumn("workshop_id").execute();
}
