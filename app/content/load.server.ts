import fs from "node:fs";
import { startContentRun, type ContentPaths } from "./content-run.server";
import { lessonSlugsOf, loadCourse, type LessonLink } from "./load-course.server";
import { brokenLink } from "./links";
import type { Problem } from "./problem";
import type { CourseMeta, LessonMeta, LessonVideo, QuizQuestion } from "./schema";

export { defaultContentPaths, type ContentPaths } from "./content-run.server";

export interface LoadedLesson {
  slug: string;
  file: string;
  meta: LessonMeta;
  code: string;
  hash: string;
  video: LessonVideo | null;
  quiz: QuizQuestion[] | null;
  text: string;
}

export interface LoadedCourse {
  slug: string;
  meta: CourseMeta;
  coverUrl: string | null;
  lessons: LoadedLesson[];
  hash: string;
  /** Absolute paths of files beside the lessons that pages link to (images, captions, attachments). */
  assets: string[];
  dir: string;
}

export interface ContentLoad {
  /** Valid courses only: a course with any problem is held back whole. */
  courses: LoadedCourse[];
  /** Every course folder, valid or not (a held-back course is not "removed"). */
  allSlugs: string[];
  problems: Problem[];
  compiled: number;
  fromCache: number;
}

/**
 * Reads, checks and compiles every course folder (or only some): a course with any problem is
 * held back whole, and links between lessons are checked once every course's lessons are known.
 */
export async function loadContent(paths: ContentPaths, options: { onlyCourses?: string[] } = {}): Promise<ContentLoad> {
  const run = startContentRun(paths);
  const { problems } = run;
  const folders = fs.existsSync(paths.contentDir)
    ? fs
        .readdirSync(paths.contentDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith("."))
        .map((d) => d.name)
        .sort()
    : [];
  const selected = options.onlyCourses ? folders.filter((f) => options.onlyCourses!.includes(f)) : folders;

  const loaded: Array<{ course: LoadedCourse | null; links: LessonLink[] }> = [];
  for (const slug of selected) {
    const before = problems.length;
    const result = await loadCourse(run, slug);
    for (const problem of problems.slice(before)) problem.course = slug;
    if (result) loaded.push(problems.length === before ? result : { ...result, course: null });
  }

  const lessonsBySlug = new Map<string, Set<string>>();
  for (const slug of folders) lessonsBySlug.set(slug, lessonSlugsOf(run, slug));
  const valid: LoadedCourse[] = [];
  for (const { course, links } of loaded) {
    const before = problems.length;
    for (const link of links) {
      const message = brokenLink(link.url, link.from, lessonsBySlug);
      if (message)
        problems.push({
          file: link.file,
          line: link.line,
          col: link.col,
          message,
          course: course?.slug ?? link.from.split("/")[2],
        });
    }
    if (course && problems.length === before) valid.push(course);
  }
  return { courses: valid, allSlugs: folders, problems, ...run.counts };
}
