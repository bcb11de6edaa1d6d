import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from "kysely";

// The domain model shared by courses, learning, workshops, attendance and reach.
// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const withId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    table.addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()));
  const real = pg ? "double precision" : "real";

  // ── Courses (content in git, rows upserted by slug) ───────────────────────
  await withId(db.schema.createTable("course"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("es")
        .check(sql`language in ('es','en')`),
    )
    .addColumn("topic", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("level", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("estimated_minutes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable("lesson"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("course.id"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("text")
        .check(sql`kind in ('text','video')`),
    )
    .addColumn("duration_minutes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("required", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("has_quiz", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("lesson_course_slug_unique", ["course_id", "slug"])
    .execute();

  // ── Learning ───────────────────────────────────────────────────────────────
  await withId(db.schema.createTable("enrolment"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("course.id"))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('self','staff','import')`))
    .addColumn("enrolled_by", "integer", (c) => c.references("account.id"))
    .addColumn("enrolled_at", "text", (c) => c.notNull())
    .addColumn("left_at", "text")
    .addColumn("completed_at", "text")
    .addUniqueConstraint("enrolment_person_course_unique", ["person_id", "course_id"])
    .execute();
  await db.schema.createIndex("enrolment_course_idx").on("enrolment").column("course_id").execute();

  await withId(db.schema.createTable("lesson_completion"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("lesson_id", "integer", (c) => c.notNull().references("lesson.id"))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('manual','video','quiz')`))
    .addColumn("completed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("lesson_completion_person_lesson_unique", ["person_id", "lesson_id"])
    .execute();

  await withId(db.schema.createTable("certificate"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("course.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("course_title", "text", (c) => c.notNull())
    .addColumn("hours", real, (c) => c.notNull())
    .addColumn("completed_at", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addUniqueConstraint("certificate_person_course_unique", ["person_id", "course_id"])
    .execute();

  // ── Workshops ──────────────────────────────────────────────────────────────
  await withId(db.schema.createTable("workshop"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("course_id", "integer", (c) => c.references("course.id"))
    .addColumn("modality", "text", (c) => c.notNull().check(sql`modality in ('online','in_person','hybrid')`))
    .addColumn("place", "text")
    .addColumn("join_url", "text")
    .addColumn("country", "text")
    .addColumn("region", "text")
    .addColumn("timezone", "text", (c) => c.notNull().defaultTo("America/Lima"))
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn("registration_opens_at", "text")
    .addColumn("registration_closes_at", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft','published','cancelled')`),
    )
    // Attendance rule: present/late in roll call, or at least this many minutes online.
    .addColumn("attendance_min_minutes", "integer", (c) => c.notNull().defaultTo(30))
    .addColumn("created_by", "integer", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("workshop_facilitator")
    .addColumn("workshop_id", "integer", (c) => c.notNull().references("workshop.id").onDelete("cascade"))
    .addColumn("account_id", "integer", (c) => c.notNull().references("account.id"))
    .addPrimaryKeyConstraint("workshop_facilitator_pk", ["workshop_id", "account_id"])
    .execute();
  await db.schema
    .createIndex("workshop_facilitator_account_idx")
    .on("workshop_facilitator")
    .column("account_id")
    .execute();

  await withId(db.schema.createTable("workshop_session"))
    .addColumn("workshop_id", "integer", (c) => c.notNull().references("workshop.id").onDelete("cascade"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addCheckConstraint("workshop_session_order", sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex("workshop_session_workshop_idx")
    .on("workshop_session")
    .columns(["workshop_id", "starts_at"])
    .execute();
  await db.schema.createIndex("workshop_session_starts_idx").on("workshop_session").column("starts_at").execute();

  await withId(db.schema.createTable("registration"))
    .addColumn("workshop_id", "integer", (c) => c.notNull().references("workshop.id"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('registered','waitlisted','cancelled')`))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('self','staff','walk_in','import')`))
    .addColumn("registered_by", "integer", (c) => c.references("account.id"))
    // Arrival order decides seats and waitlist positions.
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("promoted_at", "text")
    .addColumn("cancelled_at", "text")
    .addUniqueConstraint("registration_workshop_person_unique", ["workshop_id", "person_id"])
    .execute();
  await db.schema.createIndex("registration_person_idx").on("registration").column("person_id").execute();
  await db.schema
    .createIndex("registration_workshop_status_idx")
    .on("registration")
    .columns(["workshop_id", "status", "created_at"])
    .execute();

  // ── Attendance ─────────────────────────────────────────────────────────────
  await withId(db.schema.createTable("attendance_import"))
    .addColumn("session_id", "integer", (c) => c.notNull().references("workshop_session.id"))
    .addColumn("file_hash", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("rows_total", "integer", (c) => c.notNull())
    .addColumn("rows_matched", "integer", (c) => c.notNull())
    .addColumn("rows_ignored", "integer", (c) => c.notNull())
    .addColumn("imported_by", "integer", (c) => c.references("account.id"))
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("attendance_import_session_hash_unique", ["session_id", "file_hash"])
    .execute();

  await withId(db.schema.createTable("attendance"))
    .addColumn("session_id", "integer", (c) => c.notNull().references("workshop_session.id"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    // Roll call mark; null when only an online report is known.
    .addColumn("status", "text", (c) => c.check(sql`status in ('present','late','excused','absent')`))
    .addColumn("minutes_online", "integer", (c) => c.check(sql`minutes_online is null or minutes_online >= 0`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('roll_call','import')`))
    .addColumn("import_id", "integer", (c) => c.references("attendance_import.id"))
    .addColumn("recorded_by", "integer", (c) => c.references("account.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("attendance_session_person_unique", ["session_id", "person_id"])
    .execute();
  await db.schema.createIndex("attendance_person_idx").on("attendance").column("person_id").execute();

  // ── Cross-cutting ──────────────────────────────────────────────────────────
  await withId(db.schema.createTable("email_outbox"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text")
    .addColumn("ics", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    // Makes "send exactly once" a constraint (e.g. one reminder per person and session).
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending','sent','failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("email_outbox_pending_idx")
    .on("email_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  await withId(db.schema.createTable("audit_log"))
    .addColumn("actor_account_id", "integer", (c) => c.references("account.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "integer")
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_log_subject_idx")
    .on("audit_log")
    .columns(["subject_type", "subject_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_log",
    "email_outbox",
    "attendance",
    "attendance_import",
    "registration",
    "workshop_session",
    "workshop_facilitator",
    "workshop",
    "certificate",
    "lesson_completion",
    "enrolment",
    "lesson",
    "course",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
