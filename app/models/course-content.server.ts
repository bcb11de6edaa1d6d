import { sql } from "kysely";
import type { LoadedCourse } from "../content/load.server";
import type { Problem } from "../content/problem";
import { isPostgres, toNumber, writeTransaction, type DB } from "../utils/db.server";

/**
 * Writes one valid course from content into the database, matching rows by
 * slug so ids (and everything pointing at them: enrolments, completions)
 * survive edits and re-ordering. Lessons gone from content are archived.
 * Returns false when the course was already up to date.
 */
export async function upsertCourseContent(
  db: DB,
  course: LoadedCourse,
  now = new Date().toISOString(),
): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const existing = await tx
      .selectFrom("course")
      .select(["id", "content_hash", "archived_at"])
      .where("slug", "=", course.slug)
      .executeTakeFirst();
    if (existing && existing.content_hash === course.hash && existing.archived_at === null) return false;
    const { meta } = course;
    const fields = {
      title: meta.title,
      summary: meta.summary,
      language: meta.language,
      topic: meta.topic,
      level: meta.level,
      estimated_minutes: meta.estimatedMinutes,
      published: meta.published ? 1 : 0,
      cover_image: course.coverUrl,
      cover_alt: meta.cover?.alt ?? null,
      content_hash: course.hash,
      archived_at: null,
      updated_at: now,
    };
    const courseId = existing
      ? (await tx.updateTable("course").set(fields).where("id", "=", existing.id).execute(), existing.id)
      : (
          await tx
            .insertInto("course")
            .values({ ...fields, slug: course.slug, created_at: now })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;

    const rows = await tx
      .selectFrom("lesson")
      .select(["id", "slug", "content_hash", "position", "archived_at"])
      .where("course_id", "=", courseId)
      .execute();
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    for (const [index, lesson] of course.lessons.entries()) {
      const values = {
        title: lesson.meta.title,
        summary: lesson.meta.summary,
        kind: lesson.meta.kind,
        duration_minutes: lesson.meta.duration,
        required: lesson.meta.required ? 1 : 0,
        has_quiz: lesson.quiz ? 1 : 0,
        position: index + 1,
        content_hash: lesson.hash,
        code: lesson.code,
        video: lesson.video ? JSON.stringify(lesson.video) : null,
        quiz: lesson.quiz ? JSON.stringify(lesson.quiz) : null,
        body_text: lesson.text,
        archived_at: null,
      };
      const row = bySlug.get(lesson.slug);
      if (!row) {
        await tx
          .insertInto("lesson")
          .values({ ...values, course_id: courseId, slug: lesson.slug, created_at: now, updated_at: now })
          .execute();
      } else if (row.content_hash !== lesson.hash || row.position !== index + 1 || row.archived_at !== null) {
        await tx
          .updateTable("lesson")
          .set({ ...values, updated_at: now })
          .where("id", "=", row.id)
          .execute();
      }
    }
    const current = course.lessons.map((l) => l.slug);
    await tx
      .updateTable("lesson")
      .set({ archived_at: now, updated_at: now })
      .where("course_id", "=", courseId)
      .where("archived_at", "is", null)
      .$if(current.length > 0, (q) => q.where("slug", "not in", current))
      .execute();

    await indexCourseForSearch(tx, courseId, course);
    return true;
  });
}

async function indexCourseForSearch(tx: DB, courseId: number, course: LoadedCourse) {
  // PostgreSQL searches the course and lesson columns directly (see searchCourses).
  if (isPostgres(tx)) return;
  const body = course.lessons.map((l) => `${l.meta.title}. ${l.meta.summary}. ${l.text}`).join("\n");
  await sql`delete from course_search where course_id = ${courseId}`.execute(tx);
  await sql`insert into course_search (course_id, title, summary, body) values (${courseId}, ${course.meta.title}, ${course.meta.summary}, ${body})`.execute(
    tx,
  );
}

/** Courses whose folder is gone from content disappear from the catalog; their rows and history stay. */
export async function archiveCoursesNotIn(db: DB, slugs: string[], now = new Date().toISOString()): Promise<number> {
  const result = await db
    .updateTable("course")
    .set({ archived_at: now, updated_at: now })
    .where("archived_at", "is", null)
    .$if(slugs.length > 0, (q) => q.where("slug", "not in", slugs))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Replaces the list of problems admins see with those of the latest build. */
export async function replaceContentProblems(
  db: DB,
  problems: Problem[],
  now = new Date().toISOString(),
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.deleteFrom("content_problem").execute();
    for (const p of problems) {
      await tx
        .insertInto("content_problem")
        .values({
          course_slug: p.course ?? "",
          file: p.file,
          line: p.line,
          col: p.col,
          message: p.message,
          found_at: now,
        })
        .execute();
    }
  });
}

export async function listContentProblems(db: DB) {
  return db
    .selectFrom("content_problem")
    .select(["course_slug", "file", "line", "col", "message", "found_at"])
    .orderBy("file")
    .orderBy("line")
    .execute();
}

export async function countContentProblems(db: DB): Promise<number> {
  const row = await db
    .selectFrom("content_problem")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}
