import fs from "node:fs";
import path from "node:path";
import { archiveCoursesNotIn, replaceContentProblems, upsertCourseContent } from "../models/course-content.server";
import type { DB } from "../utils/db.server";
import { defaultContentPaths, loadContent, type ContentPaths, type LoadedCourse } from "./load.server";
import type { Problem } from "./problem";

export interface BuildSummary {
  courses: number;
  lessons: number;
  compiled: number;
  fromCache: number;
  updatedCourses: number;
  /** Courses with problems: not (re)published, their last good version stays. */
  heldBack: string[];
  problems: Problem[];
}

/**
 * `npm run courses:build`, `npm start` and `npm run dev`: compile what
 * changed, copy the files pages link to, and upsert the valid courses.
 * A course with any problem is held back whole and flagged to admins
 * (docs/decisions/006-course-content-pipeline.md).
 */
export async function buildContent(db: DB, paths: ContentPaths = defaultContentPaths()): Promise<BuildSummary> {
  const load = await loadContent(paths);
  const now = new Date().toISOString();
  let updatedCourses = 0;
  for (const course of load.courses) {
    copyAssets(course, paths);
    if (await upsertCourseContent(db, course, now)) updatedCourses++;
  }
  await archiveCoursesNotIn(db, load.allSlugs, now);
  await replaceContentProblems(db, load.problems, now);
  const valid = new Set(load.courses.map((c) => c.slug));
  return {
    courses: load.courses.length,
    lessons: load.courses.reduce((n, c) => n + c.lessons.length, 0),
    compiled: load.compiled,
    fromCache: load.fromCache,
    updatedCourses,
    heldBack: load.allSlugs.filter((slug) => !valid.has(slug)),
    problems: load.problems,
  };
}

/** Files beside the lessons are served from public/course-files/<course>/ (ignored by git, rebuilt here). */
function copyAssets(course: LoadedCourse, paths: ContentPaths) {
  for (const file of course.assets) {
    const target = path.join(paths.publicDir, "course-files", course.slug, path.relative(course.dir, file));
    const source = fs.statSync(file);
    const existing = fs.existsSync(target) ? fs.statSync(target) : null;
    if (existing && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
}
