import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { messages } from "./messages.server";
import { ROOT_TEXTS, textsIn } from "./page-texts.server";
import { mergeTexts, textsOfMatches } from "./page-texts";

const APP = path.resolve(import.meta.dirname, "..");
const ROUTES = path.join(APP, "routes");
const NAMESPACES = Object.keys(messages.es).join("|");
// A key in quotes, or the fixed start of one in a template (`common.sexes.${sex}`).
const KEY = new RegExp(`["'\`]((?:${NAMESPACES})\\.[A-Za-z0-9_.]*[A-Za-z0-9_])(?:["'\`]|\\.\\$\\{)`, "g");
const DECLARED = /(?:pageTexts\(\s*\w+\s*,|textsLoader\()\s*\[([^\]]*)\]/g;

/**
 * The source a page may translate: the route module and the components it imports, whole, and of
 * other modules (`domain/*.ts`) only the exported functions it imports (the report's table
 * builders are not the people directory's `countryName`), transitively; server modules translate
 * with every text and are left out.
 */
function clientSources(
  file: string,
  names: string[] | "all",
  seen = new Map<string, Set<string> | "all">(),
): Map<string, Set<string> | "all"> {
  const before = seen.get(file);
  if (before === "all" || (before && names !== "all" && names.every((n) => before.has(n)))) return seen;
  seen.set(file, names === "all" ? "all" : new Set([...(before ?? []), ...names]));
  const source = fs.readFileSync(file, "utf8");
  for (const match of source.matchAll(/import\s+(?!type\b)([^;]*?)\s+from\s+"(\.{1,2}\/[^"]+)"/g)) {
    const base = path.resolve(path.dirname(file), match[2]);
    if (/\.server(\.tsx?)?$/.test(base) || !base.startsWith(APP)) continue;
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(
      (candidate) => /\.tsx?$/.test(candidate) && fs.existsSync(candidate),
    );
    if (!found || found.includes(`${path.sep}i18n${path.sep}`)) continue;
    const named = /^\{([^}]*)\}$/.exec(match[1].trim());
    const imported = named
      ? named[1]
          .split(",")
          .map(
            (n) =>
              n
                .trim()
                .replace(/^type\s+/, "")
                .split(/\s+as\s+/)[0],
          )
          .filter(Boolean)
      : "all";
    clientSources(found, found.endsWith(".tsx") ? "all" : imported, seen);
  }
  return seen;
}

/** A module's text, or only its top-level declarations of the given names and its private helpers. */
function sourceOf(file: string, names: Set<string> | "all"): string {
  const source = fs.readFileSync(file, "utf8");
  if (names === "all") return source;
  const declarations = source.split(/\n(?=(?:export )?(?:async )?(?:function|const|class|let) )/);
  return declarations
    .filter((part) => {
      const exported = /^export (?:async )?(?:function|const|class|let) (\w+)/.exec(part);
      return !exported || names.has(exported[1]);
    })
    .join("\n");
}

/** Remix flat routes: `admin.accounts` sits inside `admin` (a trailing `_` opts a segment out). */
function parentRoutes(name: string, names: Set<string>): string[] {
  const segments = name.split(".");
  const parents: string[] = [];
  for (let end = 1; end < segments.length; end++) {
    const prefix = segments.slice(0, end);
    if (!prefix.at(-1)!.endsWith("_") && names.has(prefix.join("."))) parents.push(prefix.join("."));
  }
  return parents;
}

/**
 * The parts of the form modules (`app/forms/`) a route checks its submissions with: the schemas
 * and fields it imports and, transitively, those they import.
 */
function formSources(file: string, seen = new Map<string, Set<string> | "all">()): Map<string, Set<string> | "all"> {
  const source = seen.has(file) ? sourceOf(file, seen.get(file)!) : fs.readFileSync(file, "utf8");
  // An import counts only if the parts kept use it (a module's other schemas may use others).
  const body = source.replace(/import\s[^;]*;/g, "");
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(body);
  for (const match of source.matchAll(/import\s+(?!type\b)([^;]*?)\s+from\s+"(\.{1,2}\/[^"]+)"/g)) {
    const base = path.resolve(path.dirname(file), match[2]);
    const found = [`${base}.ts`, base].find((candidate) => candidate.endsWith(".ts") && fs.existsSync(candidate));
    if (!found || !found.startsWith(path.join(APP, "forms"))) continue;
    const named = /^\{([^}]*)\}$/.exec(match[1].trim());
    const names = named
      ? named[1]
          .split(",")
          .map((n) => n.trim().split(/\s+as\s+/)[0])
          .filter((n) => n && used(n))
      : "all";
    const before = seen.get(found);
    if (before === "all" || (before && names !== "all" && names.every((n) => before.has(n)))) continue;
    seen.set(found, names === "all" ? "all" : new Set([...(before ?? []), ...names]));
    formSources(found, seen);
  }
  return seen;
}

function declaredIn(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(DECLARED)].flatMap((match) => [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]));
}

const covered = (key: string, paths: string[]) => paths.some((p) => key === p || key.startsWith(`${p}.`));

describe("each page's texts", () => {
  const files = fs.readdirSync(ROUTES).filter((name) => /\.tsx?$/.test(name));
  const names = new Set(files.map((name) => name.replace(/\.tsx?$/, "")));
  const pages = files.filter((name) => /export default/.test(fs.readFileSync(path.join(ROUTES, name), "utf8")));

  /** The root's paths, the page's and its parents'. */
  const declaredFor = (name: string) => {
    const route = name.replace(/\.tsx?$/, "");
    return [
      ...ROOT_TEXTS,
      ...[route, ...parentRoutes(route, names)].flatMap((r) =>
        declaredIn(path.join(ROUTES, files.find((f) => f.replace(/\.tsx?$/, "") === r)!)),
      ),
    ];
  };

  it("cover every key a page and its components use (root texts, its own, its parents')", () => {
    const missing: string[] = [];
    for (const name of pages) {
      const declared = declaredFor(name);
      for (const [file, names] of clientSources(path.join(ROUTES, name), "all")) {
        for (const match of sourceOf(file, names).matchAll(KEY)) {
          if (!covered(match[1], declared)) missing.push(`${name}: ${match[1]} (${path.relative(APP, file)})`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  // A refused form is rendered again with its field errors: the page must carry their texts too.
  it("cover the error messages of the forms a page checks", () => {
    const missing: string[] = [];
    for (const name of pages) {
      const declared = declaredFor(name);
      for (const [file, names] of formSources(path.join(ROUTES, name))) {
        for (const match of sourceOf(file, names).matchAll(KEY)) {
          if (!covered(match[1], declared)) missing.push(`${name}: ${match[1]} (${path.relative(APP, file)})`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  // Members and visitors read on cheap phones over weak connections; every page used to carry all
  // texts but the staff ones (6 KB gzip; staff pages all texts, 16 KB).
  it("stay small: at most 4 KB gzip on member and visitor pages, 12 KB on staff pages", () => {
    const over: string[] = [];
    for (const name of pages) {
      const staff = /^(staff|reports|admin)\./.test(name);
      for (const locale of ["es", "en"] as const) {
        const parts = [ROOT_TEXTS, declaredFor(name).slice(ROOT_TEXTS.length)].map((p) => textsIn(locale, p as never));
        const size = zlib.gzipSync(JSON.stringify(mergeTexts(parts))).length;
        if (size > (staff ? 12 : 4) * 1024) over.push(`${name} (${locale}): ${(size / 1024).toFixed(1)} KB`);
      }
    }
    expect(over).toEqual([]);
  });

  it("are declared with paths that exist", () => {
    for (const name of pages)
      for (const declared of declaredIn(path.join(ROUTES, name)))
        expect(() => textsIn("es", [declared as never])).not.toThrow();
  });
});

describe("texts of the matched routes", () => {
  const root = textsIn("en", ROOT_TEXTS);
  const reports = textsIn("en", ["reports", "people.staff.quality"]);

  it("merge the root's and a page's, and keep them apart from the rest", () => {
    const page = textsOfMatches([{ data: { locale: "en", texts: root } }, { data: { texts: reports } }]);
    expect(page?.locale).toBe("en");
    const texts = page!.texts as typeof messages.en;
    expect(texts.common.nav.home).toBe(messages.en.common.nav.home);
    expect(texts.people.staff.nav).toBe(messages.en.people.staff.nav);
    expect(texts.people.staff.quality).toBe(messages.en.people.staff.quality);
    expect(texts.reports.title).toBe(messages.en.reports.title);
    expect(Object.keys(texts).sort()).toEqual(["common", "display", "learning", "people", "reports", "workshops"]);
    expect(Object.keys(texts.people.staff).sort()).toEqual(["nav", "quality"]);
  });

  it("are built once per set, never changing the messages they come from", () => {
    expect(textsIn("en", ROOT_TEXTS)).toBe(root);
    expect(mergeTexts([root, reports])).toBe(mergeTexts([root, reports]));
    textsIn("es", ["people", "people.staff.nav", "common"]);
    expect(Object.keys(messages.es.people.staff).length).toBeGreaterThan(1);
  });
});
