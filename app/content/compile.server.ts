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
}

/** The only caller of bundleMDX in the project (see docs/decisions/004). */
export async function compileLesson(absoluteFile: string, ctx: AssetContext, knownComponents: ReadonlySet<string>, root: string): Promise<CompiledLesson> {
  compiles++;
  const scan: LessonScan = { problems: [], files: new Set(), links: [], text: [], components: new Set() };
  const recordImports: Plugin = {
    name: "record-imports",
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace === "file" && args.path !== absoluteFile && args.path.startsWith(ctx.courseDir)) scan.files.add(args.path);
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
        options.logLevel = "silent";
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    const messages = (error as { errors?: EsbuildMessage[] }).errors;
    if (!messages?.length) throw error;
    for (const m of messages) {
      const loc = m.location;
      const file = loc?.file ? path.resolve(ctx.lessonDir, loc.file) : absoluteFile;
      scan.problems.push({
        file: file === absoluteFile ? ctx.file : relative(file),
        line: loc?.line ?? 1,
        col: (loc?.column ?? 0) + 1,
        message: cleanMessage(m.text),
      });
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

function cleanMessage(text: string): string {
  const firstLine = text.split("\n")[0]!.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, "");
  return /could not resolve/i.test(firstLine) ? `${firstLine} (missing file or import)` : firstLine;
}
