/**
 * `npm run courses:build`: compiles changed lessons and upserts valid courses
 * into the database (DATABASE_URL). Invalid courses are held back and listed
 * for admins; the command then exits 1 so a deploy notices.
 */
import { pathToFileURL } from "node:url";
import { buildContent } from "../app/content/build.server";
import { formatProblem } from "../app/content/problem";
import { closeDb, getDb } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";

export async function buildContentAndReport(): Promise<number> {
  const db = await getDb();
  await migrateToLatest(db);
  const started = Date.now();
  const summary = await buildContent(db);
  for (const problem of summary.problems) console.error(formatProblem(problem));
  console.log(
    `Courses: ${summary.courses} published from content (${summary.lessons} lessons), ` +
      `compiled ${summary.compiled}, from cache ${summary.fromCache}, ${summary.updatedCourses} updated in the database ` +
      `in ${Date.now() - started} ms.` +
      (summary.heldBack.length ? ` Held back (last good version kept): ${summary.heldBack.join(", ")}.` : ""),
  );
  return summary.problems.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = await buildContentAndReport();
  await closeDb();
  process.exitCode = problems ? 1 : 0;
}
