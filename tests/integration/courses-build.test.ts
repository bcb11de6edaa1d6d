import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../app/content/build.server";
import type { ContentPaths } from "../../app/content/load.server";
import { listContentProblems } from "../../app/models/course-content.server";
import { getCourseBySlug, getLessonPage } from "../../app/models/course.server";
import { getDb, type DB } from "../../app/utils/db.server";
import { ROOT, TEST_TMP } from "../support/paths";

let db: DB;
let paths: ContentPaths;
const courseDir = () => path.join(paths.contentDir, "huerto");
const write = (file: string, text: string) => fs.writeFileSync(path.join(courseDir(), file), text);
const courseYaml = (lessons: string[], extra = "") =>
  `title: El huerto\nsummary: Un huerto familiar.\nlanguage: es\ntopic: sustainability\nestimatedMinutes: 30\npublished: true\n${extra}lessons:\n${lessons.map((l) => `  - ${l}\n`).join("")}`;
const lesson = (title: string, body = "Texto de la lección.") =>
  `---\ntitle: ${title}\nsummary: Resumen de ${title}.\nduration: 10\n---\n${body}\n`;
const lessonRows = (courseId: number) =>
  db
    .selectFrom("lesson")
    .select(["id", "slug", "title", "position", "archived_at"])
    .where("course_id", "=", courseId)
    .orderBy("slug")
    .execute();

beforeAll(async () => {
  db = await getDb();
  const dir = fs.mkdtempSync(path.join(TEST_TMP, "content-"));
  // A cache of its own, so the compile counts below do not depend on other test files.
  paths = {
    root: ROOT,
    contentDir: path.join(dir, "courses"),
    publicDir: path.join(dir, "public"),
    cacheDir: path.join(dir, "cache"),
  };
  fs.mkdirSync(courseDir(), { recursive: true });
  write("course.yaml", courseYaml(["semillas", "riego", "cosecha"]));
  write(
    "semillas.mdx",
    lesson("Semillas", 'import hoja from "./hoja.svg";\n\n<Figure src={hoja} alt="Una hoja verde" />'),
  );
  write("hoja.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>');
  write("riego.mdx", lesson("Riego", '<Figure src="./gotero.svg" alt="Un gotero junto a una planta" />'));
  write("gotero.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
  write("cosecha.mdx", lesson("Cosecha"));
});

describe("courses:build into the database", () => {
  it("publishes courses and lessons, and copies the files lessons use", async () => {
    const summary = await buildContent(db, paths);
    expect(summary).toMatchObject({
      courses: 1,
      lessons: 3,
      compiled: 3,
      fromCache: 0,
      updatedCourses: 1,
      heldBack: [],
      problems: [],
    });
    const course = await getCourseBySlug(db, "huerto", { includeDrafts: false });
    expect(course?.lessons.map((l) => [l.slug, l.position])).toEqual([
      ["semillas", 1],
      ["riego", 2],
      ["cosecha", 3],
    ]);
    expect(course?.totalMinutes).toBe(30);
    expect(fs.existsSync(path.join(paths.publicDir, "course-files/huerto/gotero.svg"))).toBe(true);
  });

  it("keeps lesson ids when lessons are re-ordered, without recompiling anything", async () => {
    const before = await lessonRows((await getCourseBySlug(db, "huerto", { includeDrafts: false }))!.id);
    write("course.yaml", courseYaml(["cosecha", "semillas", "riego"]));
    const summary = await buildContent(db, paths);
    expect(summary).toMatchObject({ compiled: 0, fromCache: 3, updatedCourses: 1 });
    const after = await lessonRows((await getCourseBySlug(db, "huerto", { includeDrafts: false }))!.id);
    expect(after.map((l) => [l.slug, l.id])).toEqual(before.map((l) => [l.slug, l.id]));
    expect(Object.fromEntries(after.map((l) => [l.slug, l.position]))).toEqual({ cosecha: 1, semillas: 2, riego: 3 });
  });

  it("recompiles only the lesson that changed, or whose image changed", async () => {
    write("hoja.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="3" height="3"/>');
    expect(await buildContent(db, paths)).toMatchObject({ compiled: 1, fromCache: 2 });
    const page = await getLessonPage(db, "huerto", "semillas", { includeDrafts: false });
    expect(page?.lesson.code).toContain("data:image/svg+xml");
    write("semillas.mdx", lesson("Semillas nativas"));
    expect(await buildContent(db, paths)).toMatchObject({ compiled: 1, fromCache: 2 });
    write("gotero.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
    expect(await buildContent(db, paths)).toMatchObject({ compiled: 1, fromCache: 2 });
    expect(await buildContent(db, paths)).toMatchObject({ compiled: 0, fromCache: 3, updatedCourses: 0 });
  });

  it("archives a lesson removed from content instead of deleting it", async () => {
    const courseId = (await getCourseBySlug(db, "huerto", { includeDrafts: false }))!.id;
    const riego = (await lessonRows(courseId)).find((l) => l.slug === "riego")!;
    fs.rmSync(path.join(courseDir(), "riego.mdx"));
    write("course.yaml", courseYaml(["cosecha", "semillas"]));
    await buildContent(db, paths);
    const row = (await lessonRows(courseId)).find((l) => l.slug === "riego")!;
    expect(row.id).toBe(riego.id);
    expect(row.archived_at).not.toBeNull();
    expect((await getCourseBySlug(db, "huerto", { includeDrafts: false }))!.lessons.map((l) => l.slug)).toEqual([
      "cosecha",
      "semillas",
    ]);
    expect(await getLessonPage(db, "huerto", "riego", { includeDrafts: false })).toBeNull();
  });

  it("holds back a course with a problem: the last good version stays and admins see why", async () => {
    write("cosecha.mdx", lesson("Cosecha cambiada", "<Tractor />"));
    const summary = await buildContent(db, paths);
    expect(summary.heldBack).toEqual(["huerto"]);
    const page = await getLessonPage(db, "huerto", "cosecha", { includeDrafts: false });
    expect(page?.lesson.title).toBe("Cosecha");
    const problems = await listContentProblems(db);
    expect(problems).toEqual([
      expect.objectContaining({
        course_slug: "huerto",
        line: 6,
        col: 1,
        message: expect.stringContaining("unknown component <Tractor>"),
      }),
    ]);

    write("cosecha.mdx", lesson("Cosecha corregida"));
    expect((await buildContent(db, paths)).heldBack).toEqual([]);
    expect((await getLessonPage(db, "huerto", "cosecha", { includeDrafts: false }))?.lesson.title).toBe(
      "Cosecha corregida",
    );
    expect(await listContentProblems(db)).toEqual([]);
  });

  it("shows a draft only to those who may preview it, and archives a course whose folder is gone", async () => {
    write("course.yaml", courseYaml(["cosecha", "semillas"]).replace("published: true", "published: false"));
    await buildContent(db, paths);
    expect(await getCourseBySlug(db, "huerto", { includeDrafts: false })).toBeNull();
    expect(await getCourseBySlug(db, "huerto", { includeDrafts: true })).not.toBeNull();

    fs.rmSync(courseDir(), { recursive: true });
    await buildContent(db, paths);
    const row = await db
      .selectFrom("course")
      .select(["archived_at"])
      .where("slug", "=", "huerto")
      .executeTakeFirstOrThrow();
    expect(row.archived_at).not.toBeNull();
    expect(await getCourseBySlug(db, "huerto", { includeDrafts: true })).toBeNull();
  });
});
