import fs from "node:fs";
import path from "node:path";
import { cacheKey } from "./cache.server";
import type { ContentRun } from "./content-run.server";
import { loadLesson, type PendingLesson } from "./load-lesson.server";
import type { LoadedCourse, LoadedLesson } from "./load.server";
import { resolveAsset, type AssetContext } from "./remark-lesson";
import { courseSchema, SLUG } from "./schema";
import { parseYaml } from "./yaml-positions";

/** A link written in a lesson, checked once every course's lessons are known. */
export interface LessonLink {
  file: string;
  from: string;
  url: string;
  line: number;
  col: number;
}

const COMPILED_EXTENSIONS = /\.(mdx|md|tsx|ts|jsx|js)$/;

/**
 * One course folder: its course.yaml, its lessons in the listed order, and its assets.
 * Problems go to the run; null means the folder is not a course at all.
 */
export async function loadCourse(
  run: ContentRun,
  slug: string,
): Promise<{ course: LoadedCourse; links: LessonLink[] } | null> {
  const { problems } = run;
  const dir = path.join(run.paths.contentDir, slug);
  const courseFile = path.join(dir, "course.yaml");
  const courseRel = run.rel(courseFile);
  if (!SLUG.test(slug)) {
    problems.push({
      file: run.rel(dir),
      line: 1,
      col: 1,
      message: "a course folder name must be lower-case words joined by hyphens",
    });
    return null;
  }
  if (!fs.existsSync(courseFile)) {
    problems.push({
      file: courseRel,
      line: 1,
      col: 1,
      message: "missing course.yaml (title, summary, language, lessons…)",
    });
    return null;
  }
  const courseSource = fs.readFileSync(courseFile, "utf8");
  const yaml = parseYaml(courseSource, courseRel);
  problems.push(...yaml.problems);
  if (yaml.problems.length) return null;
  const parsedCourse = courseSchema.safeParse(yaml.data ?? {});
  if (!parsedCourse.success) {
    problems.push(...yaml.schemaProblems(parsedCourse.error));
    return null;
  }
  const meta = parsedCourse.data;
  const courseCtx: AssetContext = {
    file: courseRel,
    lessonDir: dir,
    courseDir: dir,
    courseSlug: slug,
    publicDir: run.paths.publicDir,
  };
  const assets = new Set<string>();
  let coverUrl: string | null = null;
  if (meta.cover) {
    const cover = resolveAsset(meta.cover.image, courseCtx);
    if ("error" in cover)
      problems.push({ file: courseRel, ...yaml.positionOf(["cover", "image"]), message: cover.error });
    else {
      coverUrl = cover.url;
      if (cover.path && cover.path.startsWith(dir)) assets.add(cover.path);
    }
  }

  const lessonFiles = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort();
  const bySlug = new Map<string, PendingLesson>();
  for (const name of lessonFiles) {
    const lesson = await loadLesson(run, path.join(dir, name), slug, dir);
    if (!lesson) continue;
    const other = bySlug.get(lesson.slug);
    if (other) {
      problems.push({
        file: lesson.file,
        line: 1,
        col: 1,
        message: `duplicate lesson slug "${lesson.slug}" (also used by ${other.file})`,
      });
      continue;
    }
    bySlug.set(lesson.slug, lesson);
  }
  const listed = new Set<string>();
  meta.lessons.forEach((lessonSlug, i) => {
    const where = { file: courseRel, ...yaml.positionOf(["lessons", i]) };
    if (listed.has(lessonSlug)) problems.push({ ...where, message: `lesson "${lessonSlug}" is listed twice` });
    else if (!bySlug.has(lessonSlug) && !lessonFiles.some((f) => f === `${lessonSlug}.mdx`)) {
      problems.push({
        ...where,
        message: `no lesson file for "${lessonSlug}" (expected ${lessonSlug}.mdx or a lesson with slug: ${lessonSlug})`,
      });
    }
    listed.add(lessonSlug);
  });
  for (const lesson of bySlug.values()) {
    if (!listed.has(lesson.slug))
      problems.push({
        file: lesson.file,
        line: 1,
        col: 1,
        message: `lesson "${lesson.slug}" is not listed in ${courseRel} (lessons:)`,
      });
  }

  const lessons: LoadedLesson[] = [];
  const links: LessonLink[] = [];
  for (const lessonSlug of meta.lessons) {
    const pending = bySlug.get(lessonSlug);
    if (!pending?.compiled.code) continue;
    const { compiled, ...lesson } = pending;
    for (const file of compiled.files) {
      if (!COMPILED_EXTENSIONS.test(file)) assets.add(path.join(run.paths.root, file));
    }
    links.push(...compiled.links.map((l) => ({ ...l, file: lesson.file, from: `/courses/${slug}/${lesson.slug}` })));
    lessons.push({ ...lesson, code: compiled.code!, text: compiled.text });
  }
  const hash = cacheKey([courseSource, coverUrl ?? "", ...lessons.map((l) => l.hash)]);
  return { course: { slug, meta, coverUrl, lessons, hash, assets: [...assets].sort(), dir }, links };
}

/** The lesson slugs a course folder lists, for checking links into it (even when the course itself is held back). */
export function lessonSlugsOf(run: ContentRun, courseSlug: string): Set<string> {
  try {
    const parsed = parseYaml(fs.readFileSync(path.join(run.paths.contentDir, courseSlug, "course.yaml"), "utf8"), "");
    const lessons = (parsed.data as { lessons?: unknown })?.lessons;
    return new Set(Array.isArray(lessons) ? lessons.map(String) : []);
  } catch {
    return new Set();
  }
}
