import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Locale } from "../../db/schema";
import { SAVED_COURSES_DB } from "./names";

/**
 * The list of courses saved with "Guardar este curso" (IndexedDB `SAVED_COURSES_DB`); their
 * pages and files are in the Cache Storage cache `savedCourseCache(slug)`. A record is written
 * only once its cache is complete, so the list never shows half a course. The offline page
 * reads the same store.
 */
export const SAVED_COURSES_STORE = "courses";

export interface SavedCourse {
  slug: string;
  title: string;
  language: Locale;
  /** The course page. */
  url: string;
  lessons: Array<{ slug: string; title: string; url: string }>;
  /** The course's content version when saved (`CourseManifest.version`). */
  version: string;
  /** Bytes stored. */
  bytes: number;
  includesVideos: boolean;
  /** ISO 8601, UTC. */
  savedAt: string;
}

interface SavedCoursesSchema extends DBSchema {
  [SAVED_COURSES_STORE]: { key: string; value: SavedCourse };
}

// Opened for each use and closed after: pages stay few and short, and an open connection
// would block a later version's upgrade in another tab.
async function withDb<T>(work: (db: IDBPDatabase<SavedCoursesSchema>) => Promise<T>): Promise<T> {
  const db = await openDB<SavedCoursesSchema>(SAVED_COURSES_DB, 1, {
    upgrade(database) {
      database.createObjectStore(SAVED_COURSES_STORE, { keyPath: "slug" });
    },
  });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Newest first. */
export async function listSavedCourses(): Promise<SavedCourse[]> {
  const all = await withDb((db) => db.getAll(SAVED_COURSES_STORE));
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export function getSavedCourse(slug: string): Promise<SavedCourse | undefined> {
  return withDb((db) => db.get(SAVED_COURSES_STORE, slug));
}

export async function rememberSavedCourse(course: SavedCourse): Promise<void> {
  await withDb((db) => db.put(SAVED_COURSES_STORE, course));
}

export async function forgetSavedCourse(slug: string): Promise<void> {
  await withDb((db) => db.delete(SAVED_COURSES_STORE, slug));
}
