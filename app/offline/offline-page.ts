/**
 * The offline page's list of what this phone keeps (bundled into public/offline-page.js; the page
 * carries no Remix scripts, because the worker shows it in place of pages at other addresses):
 * courses saved with «Guardar este curso» (one cache each) and lessons already opened (the pages
 * cache), each as its heading and a link. The page's texts are in the page; this only fills lists.
 */
import { PAGES_CACHE, SAVED_COURSE_CACHE_PREFIX } from "./names";
import { savedLessonPath } from "./offline-list";

interface Item {
  title: string;
  href: string;
}

/** A kept page's heading, or its title without " · Minka". */
function headingOf(html: string): string | null {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const heading = doc.querySelector("main h1")?.textContent?.trim();
  return heading || doc.title.replace(/\s·\sMinka$/, "").trim() || null;
}

async function titled(cache: Cache, path: string): Promise<Item | null> {
  const response = await cache.match(path, { ignoreVary: true });
  const title = response ? headingOf(await response.text()) : null;
  return title ? { title, href: path } : null;
}

async function savedCourses(names: string[]): Promise<Item[]> {
  const courses = names.filter((name) => name.startsWith(SAVED_COURSE_CACHE_PREFIX));
  const items = await Promise.all(
    courses.map(async (name) => {
      const href = `/courses/${name.slice(SAVED_COURSE_CACHE_PREFIX.length)}`;
      return (await titled(await caches.open(name), href)) ?? { title: href, href };
    }),
  );
  return items;
}

async function visitedLessons(names: string[]): Promise<Item[]> {
  if (!names.includes(PAGES_CACHE)) return [];
  const cache = await caches.open(PAGES_CACHE);
  const paths = (await cache.keys())
    .map((request) => new URL(request.url))
    .filter((url) => url.origin === location.origin)
    .map((url) => savedLessonPath(url))
    .filter((path): path is string => path !== null);
  const items = await Promise.all([...new Set(paths)].map((path) => titled(cache, path)));
  return items.filter((item): item is Item => item !== null);
}

function fill(id: string, items: Item[]): void {
  const box = document.getElementById(id);
  const list = box?.querySelector("ul");
  if (!box || !list || items.length === 0) return;
  for (const item of items) {
    const link = document.createElement("a");
    link.href = item.href;
    link.textContent = item.title;
    const entry = document.createElement("li");
    entry.append(link);
    list.append(entry);
  }
  box.hidden = false;
}

async function show(): Promise<void> {
  if (!("caches" in window)) return;
  const names = await caches.keys();
  const [courses, lessons] = await Promise.all([savedCourses(names), visitedLessons(names)]);
  fill("offline-courses", courses);
  fill("offline-lessons", lessons);
  document.getElementById("offline-unlisted")?.setAttribute("hidden", "");
  if (courses.length === 0 && lessons.length === 0)
    document.getElementById("offline-nothing")?.removeAttribute("hidden");
}

void show().catch(() => {});
