import type { Kysely } from "kysely";

/**
 * "Letra grande" remembered per account (issue #21): 1 when the member chose text at 125 %,
 * so it follows them to any phone they sign in on. A display preference of the login only;
 * a person without an account has none. Added column only: reach reads nothing new.
 * Frozen in time: this file must never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("account")
    .addColumn("large_text", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("account").dropColumn("large_text").execute();
}
