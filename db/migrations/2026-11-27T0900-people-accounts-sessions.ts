import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? "serial" : "integer";
  const now = pg
    ? sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

  await db.schema
    .createTable("person")
    .addColumn("id", id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("full_name", "text", (c) => c.notNull())
    // Accent-, case- and order-insensitive form of the name, for finding duplicates.
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("sex", "text", (c) =>
      c
        .notNull()
        .defaultTo("not_stated")
        .check(sql`sex in ('female','male','other','not_stated')`),
    )
    .addColumn("birth_year", "integer")
    .addColumn("country", "text")
    .addColumn("region", "text")
    .addColumn("cooperative", "text")
    .addColumn("preferred_language", "text", (c) =>
      c
        .notNull()
        .defaultTo("es")
        .check(sql`preferred_language in ('es','en')`),
    )
    .addColumn("consent_given_at", "text")
    .addColumn("consent_notice_version", "text")
    .addColumn("consent_method", "text", (c) => c.check(sql`consent_method in ('self','staff')`))
    .addColumn("consent_recorded_by", "integer")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("person_email_idx").on("person").column("email").execute();
  await db.schema.createIndex("person_phone_idx").on("person").column("phone").execute();
  await db.schema.createIndex("person_name_key_idx").on("person").column("name_key").execute();

  await db.schema
    .createTable("account")
    .addColumn("id", id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("person_id", "integer", (c) => c.notNull().unique().references("person.id"))
    .addColumn("email", "text", (c) => c.unique())
    .addColumn("phone", "text", (c) => c.unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .defaultTo("member")
        .check(sql`role in ('member','facilitator','manager','admin')`),
    )
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("account_has_identifier", sql`email is not null or phone is not null`)
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("account_id", "integer", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_verified_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_account_idx").on("session").column("account_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("session").execute();
  await db.schema.dropTable("account").execute();
  await db.schema.dropTable("person").execute();
}
