import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Reach facts kept per fiscal year, so that the first report of a fiscal year after a write reads
 * a few hundred workshop rows and three index scans instead of counting a year of attendance
 * again (docs/decisions/025).
 *
 * - `reach_fy_workshop`: each workshop's figures (sessions, attended, walk-ins, registered,
 *   no-shows, below the minimum) for each fiscal year it has sessions in.
 * - `reach_fy_person`: one row per person reached in a fiscal year (twice: counting course
 *   completions only, and completions and enrolments), with what the disaggregations read.
 * - `reach_dirty_person`, `reach_dirty_workshop`: what changed since the facts were last brought
 *   up to date (a person in one fiscal year, or in every year: fy 0; a workshop's figures, or
 *   with `people` also whether each of its attendees attended it). SQLite triggers fill them on every write that can change reach, so no write
 *   path (imports, roll call, undo, merges, erasure, person edits, a fix in the database shell)
 *   can forget them; the reach model recomputes only those people and workshops, with the same
 *   SQL as a report counted afresh, before it reads the facts. The triggers only name what
 *   changed: what counts as reach is decided in one place, the reach model.
 *
 * Every person with a participation and every workshop starts dirty: the first report after
 * this migration builds the facts. SQLite only (like reach_data_version): on PostgreSQL the
 * tables exist but stay empty and the report is counted afresh.
 * Frozen in time: this file must never import application code.
 */
// Not INSERT OR IGNORE: an outer statement's conflict clause (an upsert into attendance) overrides
// the one of a statement inside a trigger, and a second mark of the same row would then fail.

/** The fiscal year (1 Oct – 30 Sep) of a local date, 0 when unknown (then every year is recomputed). */
const FISCAL_YEAR_OF = (date: string) =>
  `case when ${date} is null then 0 else cast(substr(${date}, 1, 4) as integer) + case when substr(${date}, 6, 2) >= '10' then 1 else 0 end end`;

/** The person's facts of every fiscal year (fy 0): their details, enrolments or a workshop of theirs changed. */
const DIRTY_PERSON = (person: string) =>
  `insert into reach_dirty_person (person_id, fy) select ${person}, 0
    where not exists (select 1 from reach_dirty_person where person_id = ${person} and fy = 0);`;
/** An attendance row counts only in the fiscal year of its session: an import touches one year of its people. */
const DIRTY_PERSON_IN_YEAR_OF_SESSION = (person: string, session: string) =>
  `insert into reach_dirty_person (person_id, fy)
    select ${person}, y.fy from (select coalesce((select ${FISCAL_YEAR_OF("s.local_date")} from workshop_session s where s.id = ${session}), 0) as fy) y
    where not exists (select 1 from reach_dirty_person d where d.person_id = ${person} and d.fy = y.fy);`;
/** The workshop's figures; with `people`, also whether each of its attendees attended it. */
const DIRTY_WORKSHOP = (workshop: string, people: 0 | 1) =>
  `insert into reach_dirty_workshop (workshop_id, people) select ${workshop}, ${people}
    where not exists (select 1 from reach_dirty_workshop where workshop_id = ${workshop});` +
  (people ? `update reach_dirty_workshop set people = 1 where workshop_id = ${workshop} and people = 0;` : "");
const DIRTY_WORKSHOP_OF_SESSION = (session: string) =>
  `insert into reach_dirty_workshop (workshop_id, people) select s.workshop_id, 0 from workshop_session s
    where s.id = ${session} and not exists (select 1 from reach_dirty_workshop d where d.workshop_id = s.workshop_id);`;

/** table → what each row change makes dirty, given the row (NEW or OLD). */
const TRIGGERS: Record<string, (row: "NEW" | "OLD") => string> = {
  attendance: (row) =>
    DIRTY_PERSON_IN_YEAR_OF_SESSION(`${row}.person_id`, `${row}.session_id`) +
    DIRTY_WORKSHOP_OF_SESSION(`${row}.session_id`),
  registration: (row) => DIRTY_WORKSHOP(`${row}.workshop_id`, 0),
  workshop_session: (row) => DIRTY_WORKSHOP(`${row}.workshop_id`, 1),
  workshop: (row) => DIRTY_WORKSHOP(`${row}.id`, 1),
  enrolment: (row) => DIRTY_PERSON(`${row}.person_id`),
  person: (row) => DIRTY_PERSON(`${row}.id`),
};

function triggerName(table: string, event: string): string {
  return `reach_facts_${table}_${event}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("reach_dirty_person")
    .addColumn("person_id", "integer", (c) => c.notNull())
    .addColumn("fy", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reach_dirty_person_pk", ["person_id", "fy"])
    .execute();
  await db.schema
    .createTable("reach_dirty_workshop")
    .addColumn("workshop_id", "integer", (c) => c.primaryKey())
    .addColumn("people", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("reach_fy_workshop")
    .addColumn("fy", "integer", (c) => c.notNull())
    .addColumn("workshop_id", "integer", (c) => c.notNull())
    .addColumn("first_date", "text", (c) => c.notNull())
    .addColumn("last_date", "text", (c) => c.notNull())
    .addColumn("sessions", "integer", (c) => c.notNull())
    .addColumn("attended", "integer", (c) => c.notNull())
    .addColumn("walk_ins", "integer", (c) => c.notNull())
    .addColumn("registered", "integer", (c) => c.notNull())
    .addColumn("no_shows", "integer", (c) => c.notNull())
    .addColumn("below_minimum", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reach_fy_workshop_pk", ["fy", "workshop_id"])
    .execute();
  await db.schema.createIndex("reach_fy_workshop_workshop_idx").on("reach_fy_workshop").column("workshop_id").execute();
  await db.schema
    .createTable("reach_fy_person")
    .addColumn("fy", "integer", (c) => c.notNull())
    .addColumn("with_enrolments", "integer", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull())
    .addColumn("first_date", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.notNull())
    .addColumn("age_band", "text", (c) => c.notNull())
    .addColumn("no_birth_year", "integer", (c) => c.notNull())
    .addColumn("modality_group", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("region", "text")
    .addColumn("cooperative", "text")
    .addPrimaryKeyConstraint("reach_fy_person_pk", ["fy", "with_enrolments", "person_id"])
    .execute();
  await db.schema.createIndex("reach_fy_person_person_idx").on("reach_fy_person").column("person_id").execute();
  // One covering index per GROUP BY of the report: SQLite then counts in index order, with no sort.
  await db.schema
    .createIndex("reach_fy_person_categories_idx")
    .on("reach_fy_person")
    .columns(["fy", "with_enrolments", "sex", "age_band", "no_birth_year", "modality_group", "month"])
    .execute();
  await db.schema
    .createIndex("reach_fy_person_place_idx")
    .on("reach_fy_person")
    .columns(["fy", "with_enrolments", "country", "region"])
    .execute();
  await db.schema
    .createIndex("reach_fy_person_cooperative_idx")
    .on("reach_fy_person")
    .columns(["fy", "with_enrolments", "cooperative"])
    .execute();
  // The course figures read an enrolment's course, person and both dates: from the index alone.
  for (const [column, other] of [
    ["enrolled_local_date", "completed_local_date"],
    ["completed_local_date", "enrolled_local_date"],
  ]) {
    await db.schema.dropIndex(`enrolment_${column.replace("_date", "")}_idx`).execute();
    await db.schema
      .createIndex(`enrolment_${column.replace("_date", "")}_cover_idx`)
      .on("enrolment")
      .columns([column, "course_id", "person_id", other])
      .execute();
  }
  if (postgres) return;

  for (const [table, dirty] of Object.entries(TRIGGERS)) {
    const events: Array<[string, string]> = [
      ["insert", dirty("NEW")],
      ["update", dirty("OLD") + dirty("NEW")],
      ["delete", dirty("OLD")],
    ];
    for (const [event, body] of events) {
      // A new person has reached nobody yet: only their later participations count.
      if (table === "person" && event === "insert") continue;
      await sql`create trigger ${sql.id(triggerName(table, event))} after ${sql.raw(event)} on ${sql.table(table)}
        begin ${sql.raw(body)} end`.execute(db);
    }
  }
  await sql`insert or ignore into reach_dirty_person (person_id, fy)
    select person_id, 0 from attendance union select person_id, 0 from enrolment`.execute(db);
  await sql`insert or ignore into reach_dirty_workshop (workshop_id, people) select id, 1 from workshop`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const table of Object.keys(TRIGGERS)) {
      for (const event of ["insert", "update", "delete"]) {
        await sql`drop trigger if exists ${sql.id(triggerName(table, event))}`.execute(db);
      }
    }
  }
  for (const column of ["enrolled_local_date", "completed_local_date"]) {
    await db.schema.dropIndex(`enrolment_${column.replace("_date", "")}_cover_idx`).execute();
    await db.schema
      .createIndex(`enrolment_${column.replace("_date", "")}_idx`)
      .on("enrolment")
      .columns([column, "person_id"])
      .execute();
  }
  for (const table of ["reach_fy_person", "reach_fy_workshop", "reach_dirty_workshop", "reach_dirty_person"]) {
    await db.schema.dropTable(table).execute();
  }
}
