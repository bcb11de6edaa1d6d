import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import type { Plugin } from "esbuild";
import type { Problem } from "./problem";
import { remarkLesson, type AssetContext, type LessonScan } from "./remark-lesson";

/** The version of the compiler, part of every cache key: a new mdx-bundler recompiles everything. */
export const MDX_BUNDLER_VERSION: string = createRequire(import.meta.url)("mdx-bundler/package.json").version;

let compiles = 0;
/** How many times bundleMDX ran in this process: tests use it to prove requests never compile. */
export function compileCount(): number {
  return compiles;
}

export interface CompiledLesson {
  code: string | null;
  problems: Problem[];
  /** Project-relative paths of every local file the lesson used, besides itself. */
  files: string[];
  links: LessonScan["links"];
  text: string;
  components: string[];
}

interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
  /** @mdx-js/esbuild puts the MDX parser's error here, with the real position. */
  detail?: { cause?: { reason?: string; line?: number; column?: number } };
}

/**
 * Where an error really is in the author's file: MDX syntax errors carry their
 * position in the message, and esbuild positions refer to the compiled JS, so
 * a failed import is found again in the source by its path.
 */
export function locateError(m: EsbuildMessage, source: string): { line: number; col: number; message: string } {
  const cause = m.detail?.cause;
  if (cause?.reason) {
    const place = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(cause.reason);
    return {
      line: cause.line ?? Number(place?.[1] ?? 1),
      col: cause.column ?? Number(place?.[2] ?? 1),
      message: `MDX: ${cause.reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, "")}`,
    };
  }
  const message = m.text.split("\n")[0]!;
  const unresolved = /Could not resolve "([^"]+)"/.exec(message);
  if (unresolved) {
    const lines = source.split("\n");
    const index = lines.findIndex(
      (l) => /^\s*import\b/.test(l) && (l.includes(`"${unresolved[1]}"`) || l.includes(`'${unresolved[1]}'`)),
    );
    const at = index >= 0 ? { line: index + 1, col: lines[index]!.indexOf(unresolved[1]!) + 1 } : { line: 1, col: 1 };
    return { ...at, message: `${message}: the imported file does not exist` };
  }
  return { line: m.location?.line || 1, col: (m.location?.column ?? 0) + 1, message };
}

/** The only caller of bundleMDX in the project (see docs/decisions/006). */
export async function compileLesson(
  absoluteFile: string,
  ctx: AssetContext,
  knownComponents: ReadonlySet<string>,
  root: string,
): Promise<CompiledLesson> {
  compiles++;
  const scan: LessonScan = { problems: [], files: new Set(), links: [], text: [], components: new Set() };
  const recordImports: Plugin = {
    name: "record-imports",
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace === "file" && args.path !== absoluteFile && args.path.startsWith(ctx.courseDir))
          scan.files.add(args.path);
        return undefined;
      });
    },
  };
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  let code: string | null = null;
  try {
    const result = await bundleMDX({
      file: absoluteFile,
      cwd: ctx.lessonDir,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkLesson(ctx, knownComponents, scan)];
        return options;
      },
      esbuildOptions(options) {
        options.plugins = [recordImports, ...(options.plugins ?? [])];
        // An imported image becomes a data: URL inside the lesson (keep such images small; larger ones go in <Figure src="./…">).
        options.loader = {
          ...options.loader,
          ".svg": "dataurl",
          ".png": "dataurl",
          ".jpg": "dataurl",
          ".jpeg": "dataurl",
          ".webp": "dataurl",
        };
        options.logLevel = "silent";
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    const messages = (error as { errors?: EsbuildMessage[] }).errors;
    if (!messages?.length) throw error;
    const source = fs.readFileSync(absoluteFile, "utf8");
    for (const m of messages) {
      const file = m.location?.file ? path.resolve(ctx.lessonDir, m.location.file) : absoluteFile;
      // An error inside an imported component is reported in that file, where esbuild's position is right.
      if (file !== absoluteFile) {
        const loc = m.location!;
        scan.problems.push({
          file: relative(file),
          line: loc.line || 1,
          col: loc.column + 1,
          message: m.text.split("\n")[0]!,
        });
      } else {
        scan.problems.push({ file: ctx.file, ...locateError(m, source) });
      }
    }
  }
  if (scan.problems.length) code = null;
  return {
    code,
    problems: scan.problems,
    files: [...scan.files].map(relative).sort(),
    links: scan.links,
    text: scan.text.join(" ").replace(/\s+/g, " ").trim(),
    components: [...scan.components].sort(),
  };
}
