import { chosenVideos, saveUrls, type CourseManifest } from "./course-manifest";
import { savedCourseCache } from "./names";
import {
  forgetSavedCourse,
  getSavedCourse,
  listSavedCourses,
  rememberSavedCourse,
  type SavedCourse,
} from "./saved-courses";

/**
 * Saving a course for offline reading, in the browser (docs/decisions/036). Loaded on demand by
 * the course page and "Mi aprendizaje", never in a page's first load.
 */

export type SaveProblem = "quota" | "network" | "server";

export class SaveFailed extends Error {
  constructor(readonly problem: SaveProblem) {
    super(`course not saved: ${problem}`);
  }
}

/** What the member is told: out of space, no connection, or anything else. */
export function saveProblemOf(error: unknown): SaveProblem {
  if (error instanceof SaveFailed) return error.problem;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "QuotaExceededError" || (error as { code?: unknown } | null)?.code === 22) return "quota";
  // fetch() rejects with a TypeError when the network fails.
  if (error instanceof TypeError || name === "NetworkError") return "network";
  return "server";
}

/** Runs `work` over `items`, at most `limit` at a time; the first failure stops the rest. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function fetchCourseManifest(slug: string): Promise<CourseManifest | null> {
  try {
    const response = await fetch(`/courses/${encodeURIComponent(slug)}/offline.json`, { cache: "no-store" });
    return response.ok ? ((await response.json()) as CourseManifest) : null;
  } catch {
    return null;
  }
}

/** The record of a saved course, if its cache is still there (a browser may evict it). */
export async function savedCourse(slug: string): Promise<SavedCourse | null> {
  const record = await getSavedCourse(slug);
  if (!record) return null;
  if (await caches.has(savedCourseCache(slug))) return record;
  await forgetSavedCourse(slug);
  return null;
}

/** Every saved course still complete, newest first. */
export async function savedCourses(): Promise<SavedCourse[]> {
  const records = await listSavedCourses();
  const kept = await Promise.all(records.map((r) => savedCourse(r.slug)));
  return kept.filter((r): r is SavedCourse => r !== null);
}

/** The list entry goes first: a course is never listed without its pages. */
export async function removeSavedCourse(slug: string): Promise<void> {
  await forgetSavedCourse(slug);
  await caches.delete(savedCourseCache(slug));
}

export const canPlayVideo = (type: string) => document.createElement("video").canPlayType(type) !== "";

/** Bytes a response takes once stored: its declared length, or for a compressed one its body. */
async function storedBytes(response: Response): Promise<number> {
  const length = response.headers.get("Content-Length");
  if (length && !response.headers.get("Content-Encoding")) return Number(length);
  return (await response.clone().blob()).size;
}

export interface SaveOptions {
  includeVideos: boolean;
  onProgress: (done: number, total: number) => void;
}

/**
 * Downloads every page, file (and, if asked, the playable video of each lesson) into the course's
 * cache, files before the pages that show them, then lists the course. A first save that fails
 * deletes its cache; an update that fails keeps the complete copy saved before (every older
 * page still finds its files, which are never deleted mid-way).
 */
export async function saveCourse(manifest: CourseManifest, options: SaveOptions): Promise<SavedCourse> {
  const name = savedCourseCache(manifest.slug);
  const before = await savedCourse(manifest.slug);
  const videos = options.includeVideos ? chosenVideos(manifest, canPlayVideo) : [];
  const urls = saveUrls(manifest, videos);
  const pages = new Set(manifest.pages);
  let done = 0;
  let bytes = 0;
  options.onProgress(0, urls.length);
  try {
    if (!navigator.onLine) throw new SaveFailed("network");
    const cache = await caches.open(name);
    await eachLimited(urls, 3, async (url) => {
      // Pages are checked with the server; content files have immutable, hashed addresses.
      const response = await fetch(url, { cache: pages.has(url) ? "no-cache" : "default" });
      // A redirected page (say, to the login) is not that page, and a worker may not serve it.
      if (!response.ok || response.redirected) throw new SaveFailed("server");
      const [size] = await Promise.all([storedBytes(response), cache.put(url, response)]);
      bytes += size;
      options.onProgress(++done, urls.length);
    });
    const wanted = new Set(urls.map((url) => new URL(url, location.href).href));
    for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  } catch (error) {
    if (!before) await caches.delete(name);
    throw new SaveFailed(saveProblemOf(error));
  }
  const record: SavedCourse = {
    slug: manifest.slug,
    title: manifest.title,
    language: manifest.language,
    url: manifest.pages[0]!,
    lessons: manifest.lessons,
    version: manifest.version,
    bytes,
    includesVideos: videos.length > 0,
    savedAt: new Date().toISOString(),
  };
  await rememberSavedCourse(record);
  return record;
}

const PERSIST_ASKED = "minka-storage-persist-asked";

/**
 * Asks once per browser that saved courses be kept when space runs low (the browser may decide
 * alone, or ask the member); asking again on every save would nag.
 */
export async function askPersistenceOnce(): Promise<void> {
  if (!navigator.storage?.persist) return;
  try {
    if (localStorage.getItem(PERSIST_ASKED)) return;
    localStorage.setItem(PERSIST_ASKED, new Date().toISOString());
  } catch {
    return;
  }
  if (await navigator.storage.persisted?.().catch(() => false)) return;
  await navigator.storage.persist().catch(() => false);
}

/** Bytes still free for this site, when the browser says. */
export async function freeBytes(): Promise<number | null> {
  try {
    const { quota, usage } = (await navigator.storage?.estimate?.()) ?? {};
    return quota === undefined ? null : Math.max(0, quota - (usage ?? 0));
  } catch {
    return null;
  }
}
