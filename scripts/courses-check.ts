/**
 * `npm run courses:check [content-folder]`: validates and compiles every
 * course and lesson; prints `file:line:col: message` for each problem and
 * exits 1 when there is any. Changes nothing (except the compile cache).
 */
import path from "node:path";
import { defaultContentPaths, loadContent } from "../app/content/load.server";
import { formatProblem } from "../app/content/problem";

const paths = defaultContentPaths();
if (process.argv[2]) paths.contentDir = path.resolve(process.argv[2]);
const result = await loadContent(paths);
for (const problem of result.problems) console.error(formatProblem(problem));
const lessons = result.courses.reduce((n, c) => n + c.lessons.length, 0);
console.log(
  `${path.relative(process.cwd(), paths.contentDir) || "."}: ${result.allSlugs.length} course(s), ${lessons} valid lesson(s); ` +
    `compiled ${result.compiled}, from cache ${result.fromCache}; ${result.problems.length} problem(s).`,
);
process.exitCode = result.problems.length ? 1 : 0;
