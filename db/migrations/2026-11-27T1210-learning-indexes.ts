import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// The staff course view and progress read completions by lesson; the unique
// (person, lesson) index already serves reads by person.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("lesson_completion_lesson_idx").on("lesson_completion").column("lesson_id").execute();
  await db.schema.createIndex("lesson_course_position_idx").on("lesson").columns(["course_id", "position"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("lesson_course_position_idx").execute();
  await db.schema.dropIndex("lesson_completion_lesson_idx").execute();
}
