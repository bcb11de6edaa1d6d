import path from "node:path";
import { DiskCache } from "./cache.server";
import type { CompiledLesson } from "./compile.server";
import type { Problem } from "./problem";

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

/** What one load of the content shares across courses and lessons: where things are, the compile cache, and what went wrong. */
export interface ContentRun {
  paths: ContentPaths;
  cache: DiskCache<CompiledLesson>;
  problems: Problem[];
  counts: { compiled: number; fromCache: number };
  /** A path as problems show it: relative to the project root, with forward slashes. */
  rel(file: string): string;
}

export function startContentRun(paths: ContentPaths): ContentRun {
  return {
    paths,
    cache: new DiskCache<CompiledLesson>(paths.cacheDir, paths.root),
    problems: [],
    counts: { compiled: 0, fromCache: 0 },
    rel: (file) => path.relative(paths.root, file).split(path.sep).join("/"),
  };
}
