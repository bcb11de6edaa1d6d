/**
 * `npm run bench:content`: generates 70 courses × 8 lessons in a temporary
 * folder, builds them all (compile + upsert into a fresh SQLite file), changes
 * one lesson and builds again. Prints both times, their ratio, and how many
 * lessons the second build compiled (it must be 1: exits 1 otherwise).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildContent } from "../../app/content/build.server";
import type { ContentPaths } from "../../app/content/load.server";
import { createDatabase } from "../../app/utils/db.server";
import { migrateToLatest } from "../../db/migrate";

const COURSES = 70;
const LESSONS = 8;

function lessonSource(course: number, lesson: number): string {
  return `---
title: Lección ${lesson + 1} del curso ${course + 1}
summary: Una lección de prueba con los componentes de siempre.
duration: ${5 + (lesson % 4) * 5}
---

Esta es la lección ${lesson + 1}. Explica una idea con palabras simples y **ejemplos**.

## Un ejemplo

| Concepto | Soles |
|---|---|
| Materiales | ${20 + lesson} |
| Trabajo | ${30 + course} |

<Callout type="tip">
  Un consejo práctico para la lección ${lesson + 1}.
</Callout>

<Term word="Palabra ${lesson}">
  Una definición en palabras sencillas.
</Term>

1. Primer paso.
2. Segundo paso.
3. Tercer paso.

<KeyPoints>
- Idea uno.
- Idea dos.
</KeyPoints>

<Activity title="Para hacer en casa">
  Anote en su cuaderno lo que aprendió.
</Activity>
${lesson < LESSONS - 1 ? `\nSiga con [la lección siguiente](./leccion-${lesson + 2}).\n` : ""}`;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "minka-bench-content-"));
const paths: ContentPaths = {
  root: work,
  contentDir: path.join(work, "courses"),
  publicDir: path.join(work, "public"),
  cacheDir: path.join(work, "cache"),
};
try {
  for (let c = 0; c < COURSES; c++) {
    const dir = path.join(paths.contentDir, `curso-${c + 1}`);
    fs.mkdirSync(dir, { recursive: true });
    const lessons = Array.from({ length: LESSONS }, (_, l) => `leccion-${l + 1}`);
    fs.writeFileSync(
      path.join(dir, "course.yaml"),
      `title: Curso ${c + 1}\nsummary: Un curso generado para medir.\nlanguage: es\ntopic: finance\nestimatedMinutes: 60\npublished: true\nlessons:\n${lessons.map((l) => `  - ${l}\n`).join("")}`,
    );
    for (let l = 0; l < LESSONS; l++) fs.writeFileSync(path.join(dir, `${lessons[l]}.mdx`), lessonSource(c, l));
  }
  const db = await createDatabase(path.join(work, "bench.db"));
  await migrateToLatest(db);

  const measure = async () => {
    const started = performance.now();
    const summary = await buildContent(db, paths);
    if (summary.problems.length)
      throw new Error(`Unexpected problems: ${JSON.stringify(summary.problems.slice(0, 3))}`);
    return { ms: performance.now() - started, summary };
  };

  const full = await measure();
  fs.appendFileSync(path.join(paths.contentDir, "curso-35", "leccion-4.mdx"), "\nUna frase nueva al final.\n");
  const incremental = await measure();
  await db.destroy();

  const lessons = COURSES * LESSONS;
  console.log(`Content benchmark: ${COURSES} courses × ${LESSONS} lessons = ${lessons} lessons`);
  console.log(
    `Full build:        ${(full.ms / 1000).toFixed(2)} s (compiled ${full.summary.compiled}, ${(full.ms / lessons).toFixed(1)} ms per lesson)`,
  );
  console.log(
    `After one change:  ${(incremental.ms / 1000).toFixed(2)} s (compiled ${incremental.summary.compiled}, from cache ${incremental.summary.fromCache}, courses updated ${incremental.summary.updatedCourses})`,
  );
  console.log(`Ratio full / incremental: ${(full.ms / incremental.ms).toFixed(1)}×`);
  if (incremental.summary.compiled === 1) console.log("✓ One changed lesson recompiles one lesson");
  else {
    console.error(`✗ Expected exactly 1 lesson recompiled, got ${incremental.summary.compiled}.`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
