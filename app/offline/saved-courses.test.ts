import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { SAVED_COURSES_DB } from "./names";
import {
  forgetSavedCourse,
  getSavedCourse,
  listSavedCourses,
  rememberSavedCourse,
  SAVED_COURSES_STORE,
  type SavedCourse,
} from "./saved-courses";

const course = (slug: string, savedAt: string): SavedCourse => ({
  slug,
  title: `Curso ${slug}`,
  language: "es",
  url: `/courses/${slug}`,
  lessons: [{ slug: "uno", title: "Uno", url: `/courses/${slug}/uno` }],
  version: "v1",
  bytes: 1_234_567,
  includesVideos: false,
  savedAt,
});

beforeEach(() => {
  // A fresh browser profile for each test.
  globalThis.indexedDB = new IDBFactory();
});

describe("the saved-courses store", () => {
  it("keeps one record per course, replaced when saved again, newest first in the list", async () => {
    await rememberSavedCourse(course("a", "2026-12-01T10:00:00.000Z"));
    await rememberSavedCourse(course("b", "2026-12-02T10:00:00.000Z"));
    expect((await listSavedCourses()).map((c) => c.slug)).toEqual(["b", "a"]);

    await rememberSavedCourse({ ...course("a", "2026-12-03T10:00:00.000Z"), version: "v2", bytes: 99 });
    const list = await listSavedCourses();
    expect(list.map((c) => c.slug)).toEqual(["a", "b"]);
    expect(list[0]).toMatchObject({ version: "v2", bytes: 99 });
    expect(await getSavedCourse("a")).toEqual(list[0]);
  });

  it("forgets a course", async () => {
    await rememberSavedCourse(course("a", "2026-12-01T10:00:00.000Z"));
    await forgetSavedCourse("a");
    expect(await getSavedCourse("a")).toBeUndefined();
    expect(await listSavedCourses()).toEqual([]);
    await forgetSavedCourse("never-saved");
  });

  it("lives in the shared database name, in a store keyed by course slug (the offline page reads it too)", async () => {
    await rememberSavedCourse(course("a", "2026-12-01T10:00:00.000Z"));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(SAVED_COURSES_DB);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction(SAVED_COURSES_STORE).objectStore(SAVED_COURSES_STORE);
    expect(store.keyPath).toBe("slug");
    const record = await new Promise(
      (resolve) => (store.get("a").onsuccess = (e) => resolve((e.target as IDBRequest).result)),
    );
    expect(record).toMatchObject({ slug: "a", title: "Curso a", url: "/courses/a" });
    db.close();
  });
});
