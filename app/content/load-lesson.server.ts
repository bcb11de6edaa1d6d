import fs from "node:fs";
import path from "node:path";
import { MDX_COMPONENT_NAMES } from "../components/mdx";
import { cacheKey } from "./cache.server";
import { compileLesson, MDX_BUNDLER_VERSION, type CompiledLesson } from "./compile.server";
import type { ContentRun } from "./content-run.server";
import { loadVideo } from "./load-video.server";
import type { AssetContext } from "./remark-lesson";
import { lessonSchema, SLUG, type LessonMeta, type LessonVideo, type QuizQuestion } from "./schema";
import { parseYaml } from "./yaml-positions";

/** Bump when the compile options or the remark plugin change what a lesson compiles to. */
// 4: course files linked with ?v=<content hash>; 5: files under public/ too.
const PIPELINE_VERSION = "5";

/** A lesson read, checked and compiled (or taken from the cache), before its course is assembled. */
export interface PendingLesson {
  slug: string;
  file: string;
  meta: LessonMeta;
  compiled: CompiledLesson;
  video: LessonVideo | null;
  quiz: QuizQuestion[] | null;
  hash: string;
}

function splitFrontmatter(source: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(source);
  return match ? match[1]! : null;
}

/** Reads one lesson file; every problem goes to the run, and null means the lesson cannot be published. */
export async function loadLesson(
  run: ContentRun,
  absolute: string,
  courseSlug: string,
  courseDir: string,
): Promise<PendingLesson | null> {
  const { problems } = run;
  const file = run.rel(absolute);
  const source = fs.readFileSync(absolute, "utf8");
  const frontmatter = splitFrontmatter(source);
  if (frontmatter === null) {
    problems.push({
      file,
      line: 1,
      col: 1,
      message: "a lesson starts with frontmatter between --- lines (title, summary, duration…)",
    });
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
    problems.push({
      file,
      line: 1,
      col: 1,
      message: `"${slug}" is not a valid lesson slug: use lower-case words joined by hyphens, or set slug:`,
    });
    return null;
  }
  const ctx: AssetContext = {
    file,
    lessonDir: path.dirname(absolute),
    courseDir,
    courseSlug,
    publicDir: run.paths.publicDir,
  };

  const key = cacheKey([MDX_BUNDLER_VERSION, PIPELINE_VERSION, courseSlug, file, source]);
  let compiled: CompiledLesson;
  let depsHash: string;
  const hit = run.cache.get(key);
  if (hit) {
    compiled = hit.value;
    depsHash = hit.depsHash;
    run.counts.fromCache++;
  } else {
    compiled = await compileLesson(absolute, ctx, MDX_COMPONENT_NAMES, run.paths.root);
    run.counts.compiled++;
    problems.push(...compiled.problems);
    depsHash = compiled.code ? run.cache.set(key, compiled.files, compiled) : "";
  }
  if (!compiled.code) return null;

  const uses = new Set(compiled.components);
  if (meta.quiz && !uses.has("Quiz"))
    problems.push({
      file,
      ...yaml.positionOf(["quiz"], { key: true }),
      message: "the lesson has quiz: questions; place <Quiz /> where they should appear",
    });
  if (!meta.quiz && uses.has("Quiz"))
    problems.push({ file, line: 1, col: 1, message: "<Quiz /> needs questions under quiz: in the frontmatter" });
  if (meta.video && !uses.has("Video"))
    problems.push({
      file,
      ...yaml.positionOf(["video"], { key: true }),
      message: "the lesson has a video: place <Video /> where it should appear",
    });
  if (!meta.video && uses.has("Video"))
    problems.push({
      file,
      line: 1,
      col: 1,
      message: "<Video /> needs a video: section in the frontmatter (and kind: video)",
    });

  const video = meta.video ? loadVideo(run, meta, ctx, yaml.positionOf, compiled) : null;
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
