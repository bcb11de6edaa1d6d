import fs from "node:fs";
import path from "node:path";
import { MDX_COMPONENT_NAMES } from "../components/mdx";
import { DiskCache, cacheKey } from "./cache.server";
import { compileLesson, MDX_BUNDLER_VERSION, type CompiledLesson } from "./compile.server";
import type { Problem } from "./problem";
import { resolveAsset, type AssetContext } from "./remark-lesson";
import { courseSchema, lessonSchema, SLUG, type CourseMeta, type LessonMeta, type LessonVideo, type QuizQuestion } from "./schema";
import { parseWebVtt } from "./webvtt";
import { parseYaml } from "./yaml-positions";

/** Bump when the compile options or the remark plugin change what a lesson compiles to. */
const PIPELINE_VERSION = "3";

export interface ContentPaths {
  /** Project root: file names in problems are relative to it. */
  root: string;
  /** The folder holding one folder per course. */
  contentDir: string;
  /** Where absolute asset paths ("/videos/x.mp4") live. */
  publicDir: string;
  cacheDir: string;
}

export function defaultContentPaths(root = process.cwd()): ContentPaths {
  return {
    root,
    contentDir: path.join(root, process.env.MINKA_CONTENT_DIR ?? "courses"),
    publicDir: path.join(root, "public"),
    cacheDir: path.join(root, process.env.MINKA_CONTENT_CACHE ?? ".cache/content"),
  };
}

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

type Pending = Omit<LoadedLesson, "code" | "hash" | "text"> & { compiled: CompiledLesson; hash: string };

function splitFrontmatter(source: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(source);
  return match ? match[1]! : null;
}

const COMPILED_EXTENSIONS = /\.(mdx|md|tsx|ts|jsx|js)$/;

export async function loadContent(paths: ContentPaths, options: { onlyCourses?: string[] } = {}): Promise<ContentLoad> {
  const cache = new DiskCache<CompiledLesson>(paths.cacheDir, paths.root);
  const rel = (file: string) => path.relative(paths.root, file).split(path.sep).join("/");
  const problems: Problem[] = [];
  const counts = { compiled: 0, fromCache: 0 };
  const folders = fs.existsSync(paths.contentDir)
    ? fs.readdirSync(paths.contentDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith(".")).map((d) => d.name).sort()
    : [];
  const selected = options.onlyCourses ? folders.filter((f) => options.onlyCourses!.includes(f)) : folders;

  const loaded: Array<{ course: LoadedCourse | null; links: Array<{ file: string; from: string; url: string; line: number; col: number }> }> = [];
  for (const slug of selected) {
    const before = problems.length;
    const result = await loadCourse(slug);
    for (const problem of problems.slice(before)) problem.course = slug;
    if (result) loaded.push(problems.length === before ? result : { ...result, course: null });
  }

  // Links between lessons are checked once every course's lesson list is known.
  const lessonsBySlug = new Map<string, Set<string>>();
  for (const slug of folders) lessonsBySlug.set(slug, lessonSlugsOf(slug));
  const valid: LoadedCourse[] = [];
  for (const { course, links } of loaded) {
    const before = problems.length;
    for (const link of links) {
      const message = brokenLink(link.url, link.from, lessonsBySlug);
      if (message) problems.push({ file: link.file, line: link.line, col: link.col, message, course: course?.slug ?? link.from.split("/")[2] });
    }
    if (course && problems.length === before) valid.push(course);
  }
  return { courses: valid, allSlugs: folders, problems, ...counts };

  function lessonSlugsOf(courseSlug: string): Set<string> {
    try {
      const parsed = parseYaml(fs.readFileSync(path.join(paths.contentDir, courseSlug, "course.yaml"), "utf8"), "");
      const lessons = (parsed.data as { lessons?: unknown })?.lessons;
      return new Set(Array.isArray(lessons) ? lessons.map(String) : []);
    } catch {
      return new Set();
    }
  }

  async function loadCourse(slug: string) {
    const dir = path.join(paths.contentDir, slug);
    const courseFile = path.join(dir, "course.yaml");
    const courseRel = rel(courseFile);
    if (!SLUG.test(slug)) {
      problems.push({ file: rel(dir), line: 1, col: 1, message: "a course folder name must be lower-case words joined by hyphens" });
      return null;
    }
    if (!fs.existsSync(courseFile)) {
      problems.push({ file: courseRel, line: 1, col: 1, message: "missing course.yaml (title, summary, language, lessons…)" });
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
    const courseCtx: AssetContext = { file: courseRel, lessonDir: dir, courseDir: dir, courseSlug: slug, publicDir: paths.publicDir };
    const assets = new Set<string>();
    let coverUrl: string | null = null;
    if (meta.cover) {
      const cover = resolveAsset(meta.cover.image, courseCtx);
      if ("error" in cover) problems.push({ file: courseRel, ...yaml.positionOf(["cover", "image"]), message: cover.error });
      else {
        coverUrl = cover.url;
        if (cover.path && cover.path.startsWith(dir)) assets.add(cover.path);
      }
    }

    const lessonFiles = fs.readdirSync(dir).filter((name) => name.endsWith(".mdx")).sort();
    const bySlug = new Map<string, Pending>();
    for (const name of lessonFiles) {
      const lesson = await loadLesson(path.join(dir, name), slug, dir);
      if (!lesson) continue;
      const other = bySlug.get(lesson.slug);
      if (other) {
        problems.push({ file: lesson.file, line: 1, col: 1, message: `duplicate lesson slug "${lesson.slug}" (also used by ${other.file})` });
        continue;
      }
      bySlug.set(lesson.slug, lesson);
    }
    const listed = new Set<string>();
    meta.lessons.forEach((lessonSlug, i) => {
      const where = { file: courseRel, ...yaml.positionOf(["lessons", i]) };
      if (listed.has(lessonSlug)) problems.push({ ...where, message: `lesson "${lessonSlug}" is listed twice` });
      else if (!bySlug.has(lessonSlug) && !lessonFiles.some((f) => f === `${lessonSlug}.mdx`)) {
        problems.push({ ...where, message: `no lesson file for "${lessonSlug}" (expected ${lessonSlug}.mdx or a lesson with slug: ${lessonSlug})` });
      }
      listed.add(lessonSlug);
    });
    for (const lesson of bySlug.values()) {
      if (!listed.has(lesson.slug)) problems.push({ file: lesson.file, line: 1, col: 1, message: `lesson "${lesson.slug}" is not listed in ${courseRel} (lessons:)` });
    }

    const lessons: LoadedLesson[] = [];
    const links: Array<{ file: string; from: string; url: string; line: number; col: number }> = [];
    for (const lessonSlug of meta.lessons) {
      const pending = bySlug.get(lessonSlug);
      if (!pending?.compiled.code) continue;
      const { compiled, ...lesson } = pending;
      for (const file of compiled.files) {
        const absolute = path.join(paths.root, file);
        if (!COMPILED_EXTENSIONS.test(file)) assets.add(absolute);
      }
      links.push(...compiled.links.map((l) => ({ ...l, file: lesson.file, from: `/courses/${slug}/${lesson.slug}` })));
      lessons.push({ ...lesson, code: compiled.code!, text: compiled.text });
    }
    const hash = cacheKey([courseSource, coverUrl ?? "", ...lessons.map((l) => l.hash)]);
    return { course: { slug, meta, coverUrl, lessons, hash, assets: [...assets].sort(), dir }, links };
  }

  async function loadLesson(absolute: string, courseSlug: string, courseDir: string): Promise<Pending | null> {
    const file = rel(absolute);
    const source = fs.readFileSync(absolute, "utf8");
    const frontmatter = splitFrontmatter(source);
    if (frontmatter === null) {
      problems.push({ file, line: 1, col: 1, message: "a lesson starts with frontmatter between --- lines (title, summary, duration…)" });
      return null;
    }
    const yaml = parseYaml(frontmatter, file, 2);
    problems.push(...yaml.problems);
    if (yaml.problems.length) return null;
    const parsed = lessonSchema.safeParse(yaml.data ?? {});
    if (!parsed.success) {
      problems.push(...yaml.schemaProblems(parsed.error));
      return null;
    }
    const meta = parsed.data;
    const slug = meta.slug ?? path.basename(absolute, ".mdx");
    if (!SLUG.test(slug)) {
      problems.push({ file, line: 1, col: 1, message: `"${slug}" is not a valid lesson slug: use lower-case words joined by hyphens, or set slug:` });
      return null;
    }
    const ctx: AssetContext = { file, lessonDir: path.dirname(absolute), courseDir, courseSlug, publicDir: paths.publicDir };

    const key = cacheKey([MDX_BUNDLER_VERSION, PIPELINE_VERSION, courseSlug, file, source]);
    let compiled: CompiledLesson;
    let depsHash: string;
    const hit = cache.get(key);
    if (hit) {
      compiled = hit.value;
      depsHash = hit.depsHash;
      counts.fromCache++;
    } else {
      compiled = await compileLesson(absolute, ctx, MDX_COMPONENT_NAMES, paths.root);
      counts.compiled++;
      problems.push(...compiled.problems);
      depsHash = compiled.code ? cache.set(key, compiled.files, compiled) : "";
    }
    if (!compiled.code) return null;

    const uses = new Set(compiled.components);
    if (meta.quiz && !uses.has("Quiz")) problems.push({ file, ...yaml.positionOf(["quiz"], { key: true }), message: "the lesson has quiz: questions; place <Quiz /> where they should appear" });
    if (!meta.quiz && uses.has("Quiz")) problems.push({ file, line: 1, col: 1, message: "<Quiz /> needs questions under quiz: in the frontmatter" });
    if (meta.video && !uses.has("Video")) problems.push({ file, ...yaml.positionOf(["video"], { key: true }), message: "the lesson has a video: place <Video /> where it should appear" });
    if (!meta.video && uses.has("Video")) problems.push({ file, line: 1, col: 1, message: "<Video /> needs a video: section in the frontmatter (and kind: video)" });

    const video = meta.video ? loadVideo(meta, ctx, yaml.positionOf, compiled) : null;
    return {
      slug,
      file,
      meta,
      compiled,
      video,
      quiz: meta.quiz ?? null,
      hash: cacheKey([key, depsHash, JSON.stringify(video)]),
    };
  }

  function loadVideo(meta: LessonMeta, ctx: AssetContext, positionOf: (p: ReadonlyArray<PropertyKey>) => { line: number; col: number }, compiled: CompiledLesson): LessonVideo | null {
    const spec = meta.video!;
    const video: LessonVideo = { sources: [], poster: null, captions: [], transcript: [] };
    const resolve = (ref: string, where: PropertyKey[]) => {
      const resolved = resolveAsset(ref, ctx);
      if ("error" in resolved) {
        problems.push({ file: ctx.file, ...positionOf(where), message: resolved.error });
        return null;
      }
      // Local files beside the lesson are copied with the course's other assets.
      if (resolved.path && resolved.path.startsWith(ctx.courseDir)) compiled.files.push(rel(resolved.path));
      return resolved;
    };
    spec.sources.forEach((source, i) => {
      const resolved = resolve(source.src, ["video", "sources", i, "src"]);
      if (resolved) {
        const bytes = resolved.path ? fs.statSync(resolved.path).size : (source.bytes ?? null);
        video.sources.push({ url: resolved.url, type: source.type, quality: source.quality, bytes });
      }
    });
    if (spec.poster) video.poster = resolve(spec.poster, ["video", "poster"])?.url ?? null;
    spec.captions.forEach((caption, i) => {
      const resolved = resolve(caption.src, ["video", "captions", i, "src"]);
      if (!resolved) return;
      video.captions.push({ url: resolved.url, lang: caption.lang, label: caption.label });
      if (!resolved.path) return;
      const vtt = parseWebVtt(fs.readFileSync(resolved.path, "utf8"), rel(resolved.path));
      problems.push(...vtt.problems);
      video.transcript.push({ lang: caption.lang, paragraphs: paragraphs(vtt.cues.map((c) => c.text.replace(/\s+/g, " ").trim())) });
    });
    return video;
  }
}

/** Groups caption lines into short paragraphs that read like a text. */
function paragraphs(lines: string[]): string[] {
  const result: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (current.length >= 3 && /[.!?…]$/.test(line)) {
      result.push(current.join(" "));
      current = [];
    }
  }
  if (current.length) result.push(current.join(" "));
  return result;
}

/** Why a link written in a lesson does not lead to a course or lesson, or null when it does (or is not ours to check). */
export function brokenLink(url: string, fromPath: string, lessons: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith("#") || url.startsWith("//")) return null;
  const target = new URL(url, `http://minka.local${fromPath}`).pathname.replace(/\/$/, "");
  const parts = target.split("/").filter(Boolean);
  if (parts[0] !== "courses") return url.startsWith("/") ? null : `link "${url}" does not lead to a lesson (it points to ${target})`;
  const [, course, lesson, ...rest] = parts;
  if (!course) return null;
  const courseLessons = lessons.get(course);
  if (!courseLessons) return `link "${url}": there is no course "${course}"`;
  if (lesson && (!courseLessons.has(lesson) || rest.length)) return `link "${url}": course "${course}" has no lesson "${lesson}"`;
  return null;
}
