import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "../../app/content/build.server";
import { defaultContentPaths } from "../../app/content/load.server";
import { getLessonPage, searchCourses } from "../../app/models/course.server";
import { getDb } from "../../app/utils/db.server";
import { ROOT, TEST_TMP } from "../support/paths";

describe("courses on PostgreSQL", () => {
  it("publishes the real courses, searches them and serves a lesson", async () => {
    const db = await getDb();
    const paths = { ...defaultContentPaths(ROOT), cacheDir: path.join(TEST_TMP, "content-cache") };
    const first = await buildContent(db, paths);
    expect(first.problems).toEqual([]);
    expect(first.updatedCourses).toBeGreaterThanOrEqual(5);
    expect((await buildContent(db, paths)).updatedCourses).toBe(0);

    const visible = { includeDrafts: false };
    expect((await searchCourses(db, { q: "estafas" }, visible)).map((c) => c.slug)).toEqual(["vender-en-linea-seguro"]);
    expect((await searchCourses(db, { q: "asamblea", language: "en" }, visible)).map((c) => c.slug)).toEqual([]);
    const english = await searchCourses(db, { language: "en" }, visible);
    expect(english.map((c) => [c.slug, c.lessonCount, c.totalMinutes])).toEqual([["what-is-a-cooperative", 4, 49]]);

    const page = await getLessonPage(db, "que-es-una-cooperativa", "principios", visible);
    expect(page?.lesson.quiz?.length).toBe(2);
    expect(page?.previous?.slug).toBe("que-es");
  });
});
