import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { formatProblem } from "../../app/content/problem";
import { ROOT, TEST_TMP } from "../support/paths";

const FIXTURES = "tests/fixtures/courses-broken";
const check = (fixture: string, contentDir = path.join(ROOT, FIXTURES, fixture)) =>
  loadContent({
    root: ROOT,
    contentDir,
    publicDir: path.join(ROOT, "public"),
    cacheDir: path.join(TEST_TMP, "content-cache"),
  });

// Each broken fixture gives exactly one problem, at the file and line where an author would fix it.
const expected: Record<string, string> = {
  "no-title": "no-title/curso/leccion.mdx:2:1: title: required",
  "unknown-field": 'unknown-field/curso/leccion.mdx:5:1: unknown field "autor"',
  "syntax-error": "syntax-error/curso/leccion.mdx:8:1: MDX: Expected a closing tag for `<Callout>`",
  "unknown-component":
    "unknown-component/curso/leccion.mdx:8:1: unknown component <Mapa>: use one of Activity, Callout, Download, Figure, KeyPoints, Quiz, Term, Video or import it",
  "missing-import":
    'missing-import/curso/leccion.mdx:6:22: Could not resolve "./grafico.tsx": the imported file does not exist',
  "duplicate-slug": `duplicate-slug/curso/02-leccion.mdx:1:1: duplicate lesson slug "leccion" (also used by ${FIXTURES}/duplicate-slug/curso/01-leccion.mdx)`,
  "missing-video": 'missing-video/curso/leccion.mdx:8:12: file not found: "./no-existe.webm"',
  "bad-captions": 'bad-captions/curso/subtitulos.vtt:1:1: not a WebVTT file: the first line must be "WEBVTT"',
  "figure-without-alt": "figure-without-alt/curso/leccion.mdx:8:1: <Figure> needs alt text describing the image",
  "broken-link": 'broken-link/curso/leccion.mdx:6:10: link "./no-existe": course "curso" has no lesson "no-existe"',
};

describe("courses:check on broken content", () => {
  for (const [fixture, message] of Object.entries(expected)) {
    it(`reports ${fixture} with file, line and reason, and holds the course back`, async () => {
      const result = await check(fixture);
      expect(result.problems.map(formatProblem)).toEqual([`${FIXTURES}/${message}`]);
      expect(result.courses).toEqual([]);
    });
  }

  it("prints file:line:col: message and exits 1 from the command line", async () => {
    const run = promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/courses-check.ts", `${FIXTURES}/unknown-field`],
      { cwd: ROOT },
    );
    const failure = (await run.catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe(`${FIXTURES}/unknown-field/curso/leccion.mdx:5:1: unknown field "autor"`);
  });

  it("finds no problem in the real courses", async () => {
    const result = await check("", path.join(ROOT, "courses"));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.courses.length).toBeGreaterThanOrEqual(4);
    for (const course of result.courses) expect(course.lessons.length, course.slug).toBeGreaterThanOrEqual(4);
  });
});
