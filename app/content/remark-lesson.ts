import fs from "node:fs";
import path from "node:path";
import { hashFile } from "./cache.server";
import type { Problem } from "./problem";

/** The few mdast/MDX node fields this plugin reads (kept loose: the tree comes from remark). */
interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  alt?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

export interface LessonScan {
  problems: Problem[];
  /** Absolute paths of local files the lesson uses (for the cache key and asset copying). */
  files: Set<string>;
  /** Links written in the lesson, to check that lessons they point to exist. */
  links: Array<{ url: string; line: number; col: number }>;
  /** Visible words, for search. */
  text: string[];
  /** Author components the lesson uses, e.g. to check that a quiz lesson shows <Quiz />. */
  components: Set<string>;
}

export interface AssetContext {
  /** Project-relative path of the lesson, for messages. */
  file: string;
  lessonDir: string;
  courseDir: string;
  courseSlug: string;
  publicDir: string;
}

export type ResolvedAsset = { url: string; path: string | null };

/**
 * Turns an author's file reference into a public URL: "./img.svg" (beside the
 * lesson, copied to /course-files/<course>/…), "/videos/x.mp4" (under public/)
 * or an https URL (not checked). Returns an error message when the file is missing.
 */
export function resolveAsset(ref: string, ctx: AssetContext): ResolvedAsset | { error: string } {
  if (/^https:\/\//.test(ref)) return { url: ref, path: null };
  if (/^[a-z]+:/i.test(ref)) return { error: `"${ref}": use a file path or an https URL` };
  const file = ref.startsWith("/") ? path.join(ctx.publicDir, ref) : path.resolve(ctx.lessonDir, ref);
  if (!ref.startsWith("/") && !file.startsWith(ctx.courseDir + path.sep))
    return { error: `"${ref}" is outside the course folder` };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { error: `file not found: "${ref}"` };
  // A file's address carries its content hash, for course files and files under public/ (videos,
  // posters, captions) alike: the server lets browsers keep it for a year, and a changed file
  // (which also recompiles its lessons) gets a new address.
  const version = `?v=${hashFile(file)!.slice(0, 12)}`;
  const url = ref.startsWith("/")
    ? `${ref}${version}`
    : `/course-files/${ctx.courseSlug}/${path.relative(ctx.courseDir, file).split(path.sep).join("/")}${version}`;
  return { url, path: file };
}

const ASSET_PROPS: Record<string, string[]> = { Figure: ["src"], Download: ["file"] };
const REQUIRED_PROPS: Record<string, string[]> = {
  Figure: ["src", "alt"],
  Download: ["file", "title"],
  Term: ["word"],
  Callout: [],
};

function attr(node: MdNode, name: string) {
  return node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
}

function importedNames(esm: string): string[] {
  const names: string[] = [];
  for (const m of esm.matchAll(/import\s+([^;]+?)\s+from\s/g)) {
    for (const part of m[1]!.replace(/[{}]/g, ",").split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.replace(/^\*\s*/, "")
        .trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/**
 * A remark plugin that checks and prepares one lesson while it compiles:
 * unknown components, Figure without alt, missing files (rewritten to public
 * URLs, Download sizes measured), links and plain text collected.
 */
export function remarkLesson(ctx: AssetContext, knownComponents: ReadonlySet<string>, scan: LessonScan) {
  return () => (tree: MdNode) => {
    const at = (node: MdNode) => ({ line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 });
    const report = (node: MdNode, message: string) => scan.problems.push({ file: ctx.file, ...at(node), message });
    const imported = new Set<string>();
    for (const node of tree.children ?? [])
      if (node.type === "mdxjsEsm") importedNames(node.value ?? "").forEach((n) => imported.add(n));

    const visit = (node: MdNode) => {
      if (node.type === "text" || node.type === "inlineCode") scan.text.push(node.value ?? "");
      if (node.type === "link" && node.url) scan.links.push({ url: node.url, ...at(node) });
      if (node.type === "image") {
        if (!node.alt?.trim())
          report(node, "image without alt text: write ![what the image shows](…) or use <Figure alt=…>");
        const resolved = resolveAsset(node.url ?? "", ctx);
        if ("error" in resolved) report(node, resolved.error);
        else {
          node.url = resolved.url;
          if (resolved.path) scan.files.add(resolved.path);
        }
      }
      if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) {
        const root = node.name.split(".")[0]!;
        scan.components.add(root);
        for (const name of ["word", "title", "alt"]) {
          const value = attr(node, name)?.value;
          if (typeof value === "string") scan.text.push(value);
        }
        const intrinsic = /^[a-z]/.test(root);
        if (!intrinsic && !knownComponents.has(root) && !imported.has(root)) {
          report(
            node,
            `unknown component <${node.name}>: use one of ${[...knownComponents].sort().join(", ")} or import it`,
          );
        }
        for (const prop of REQUIRED_PROPS[node.name] ?? []) {
          const a = attr(node, prop);
          const missing = !a || (typeof a.value === "string" && !a.value.trim()) || a.value === null;
          if (missing)
            report(
              node,
              node.name === "Figure" && prop === "alt"
                ? "<Figure> needs alt text describing the image"
                : `<${node.name}> needs ${prop}="…"`,
            );
        }
        for (const prop of ASSET_PROPS[node.name] ?? []) {
          const a = attr(node, prop);
          if (!a || typeof a.value !== "string") continue;
          const resolved = resolveAsset(a.value, ctx);
          if ("error" in resolved) {
            report(node, resolved.error);
            continue;
          }
          a.value = resolved.url;
          if (resolved.path) {
            scan.files.add(resolved.path);
            if (node.name === "Download") {
              node.attributes!.push({
                type: "mdxJsxAttribute",
                name: "bytes",
                value: String(fs.statSync(resolved.path).size),
              });
            }
          }
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
