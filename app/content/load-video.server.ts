import fs from "node:fs";
import type { CompiledLesson } from "./compile.server";
import type { ContentRun } from "./content-run.server";
import { resolveAsset, type AssetContext } from "./remark-lesson";
import type { LessonMeta, LessonVideo } from "./schema";
import { parseWebVtt } from "./webvtt";

/**
 * A lesson's video from its frontmatter: sources with their sizes, poster, captions, and a
 * transcript read from the captions. Local files are added to the lesson's files, so they are
 * published with the course.
 */
export function loadVideo(
  run: ContentRun,
  meta: LessonMeta,
  ctx: AssetContext,
  positionOf: (p: ReadonlyArray<PropertyKey>) => { line: number; col: number },
  compiled: CompiledLesson,
): LessonVideo | null {
  const spec = meta.video!;
  const video: LessonVideo = { sources: [], poster: null, captions: [], transcript: [] };
  const resolve = (ref: string, where: PropertyKey[]) => {
    const resolved = resolveAsset(ref, ctx);
    if ("error" in resolved) {
      run.problems.push({ file: ctx.file, ...positionOf(where), message: resolved.error });
      return null;
    }
    if (resolved.path && resolved.path.startsWith(ctx.courseDir)) compiled.files.push(run.rel(resolved.path));
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
    const vtt = parseWebVtt(fs.readFileSync(resolved.path, "utf8"), run.rel(resolved.path));
    run.problems.push(...vtt.problems);
    video.transcript.push({
      lang: caption.lang,
      paragraphs: paragraphs(vtt.cues.map((c) => c.text.replace(/\s+/g, " ").trim())),
    });
  });
  return video;
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
