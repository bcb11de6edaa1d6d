/**
 * What the service worker does with an address, as plain functions (unit-tested; the worker
 * only wires them to fetch events). Decision 035.
 */

/** Pages a member reads and may open again offline: home, the catalog, courses, lessons, Mi aprendizaje. */
const READ_PAGES = /^\/(?:courses(?:\/[^/]+){0,2}\/?|me\/learning\/?)?$/;

/** Staff areas, signing in and out, and anything downloaded: never kept on the phone. */
const NEVER_CACHED = /^\/(?:staff|reports|admin|login|logout|signup|card|reset-|forgot-password|account)(?:[/.?-]|$)/;

/** A navigation (or a page fetched for the cache) whose answer may be kept in the pages cache. */
export function isReadPage(url: URL): boolean {
  return !NEVER_CACHED.test(url.pathname) && READ_PAGES.test(url.pathname) && !url.pathname.includes(".");
}

/** Images and captions beside lessons: `?v=<content hash>` addresses never change content. */
const LESSON_FILES = /\.(?:png|jpe?g|gif|webp|avif|svg|vtt)$/i;

export function isLessonFile(url: URL): boolean {
  return (url.pathname.startsWith("/course-files/") || url.searchParams.has("v")) && LESSON_FILES.test(url.pathname);
}

/** Remix's client build: content-hashed names, so an address is its content for ever. */
export function isHashedAsset(url: URL): boolean {
  return url.pathname.startsWith("/build/");
}

/** A Remix single-fetch data request (`/courses/x.data`, `/_root.data`). */
export function isRemixData(url: URL): boolean {
  return url.pathname.endsWith(".data");
}

/** Lazy route discovery (`/__manifest?p=…`). */
export function isRouteDiscovery(url: URL): boolean {
  return url.pathname === "/__manifest";
}

/**
 * The page a data request was made for: `/courses/x/y.data?_routes=…` → `/courses/x/y`,
 * `/_root.data` → `/`. Remix's own parameters are dropped; the page's are kept.
 */
export function pageOfDataRequest(url: URL): string {
  const page = new URL(url.href);
  page.pathname = page.pathname === "/_root.data" ? "/" : page.pathname.replace(/\.data$/, "");
  page.searchParams.delete("_routes");
  if (page.searchParams.getAll("index").every((value) => value === "")) page.searchParams.delete("index");
  return page.pathname + page.search;
}

/**
 * A single-fetch answer that tells Remix to load `path` as a document (a redirect with
 * `reload`, as `redirectDocument()` sends; not `replace`, so Back returns to the page the link was on): offline, the worker then serves that document
 * from the cache, or the offline page. The format is turbo-stream's, as
 * @remix-run/server-runtime encodes a SingleFetchRedirect (checked against it in the unit test).
 */
export function documentReloadBody(path: string): string {
  return (
    `[["SingleFetchRedirect",1],{"_2":3,"_4":5,"_6":7,"_8":9,"_10":7},"redirect",${JSON.stringify(path)},` +
    `"status",302,"revalidate",false,"reload",true,"replace"]\n`
  );
}

/** Signing in or out: the pages kept on the phone belong to whoever was signed in. */
export function changesAccount(method: string, url: URL): boolean {
  return (
    method === "POST" && /^\/(?:(?:login|logout|signup|reset-password|reset-code)(?:\/|$)|card\/)/.test(url.pathname)
  );
}

/** The offline page's language: the last one a page was read in, else the browser's, else Spanish. */
export function offlineLocale(lastPageLang: string | undefined, browserLanguage: string | undefined): "es" | "en" {
  const lang = (lastPageLang || browserLanguage || "es").toLowerCase();
  return lang.startsWith("en") ? "en" : "es";
}

/** Whether a response may be kept: a whole 200 that does not vary on everything. */
export function isKeepable(response: Response): boolean {
  return response.status === 200 && response.type !== "opaque" && response.headers.get("Vary")?.trim() !== "*";
}
