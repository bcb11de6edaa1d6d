/**
 * Minka's service worker (decision 035), bundled by scripts/build-offline.ts into public/sw.js.
 * Pages a member reads are network-first (3 s) and kept; hashed build files, images and captions
 * are cache-first; everything else goes to the network as if there were no worker. Offline, a
 * page not kept anywhere (the pages cache or a saved course) gets the offline page.
 */
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst, NetworkOnly } from "workbox-strategies";
import { CacheExpiration, ExpirationPlugin } from "workbox-expiration";
import type { WorkboxPlugin } from "workbox-core/types";
import { PAGES_CACHE, SAVED_COURSE_CACHE_PREFIX, SAVED_COURSES_DB, SUBMISSIONS_SYNC_TAG } from "./names";
import { flushPendingSubmissions } from "./pending-submissions";
import {
  changesAccount,
  documentReloadBody,
  isHashedAsset,
  isKeepable,
  isLessonFile,
  isReadPage,
  isRemixData,
  isRouteDiscovery,
  offlineLocale,
  pageOfDataRequest,
} from "./worker-rules";
import type { WorkerMessage } from "./worker-messages";

/** Set by the build (scripts/build-offline.ts): this build's shell, hashed files. */
declare const MINKA_SHELL: string[];

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: "sync", listener: (event: SyncEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
  navigator: Navigator;
}
const worker = self as unknown as WorkerScope;

/** Hashed build files of this and earlier builds (a page kept offline still needs its own CSS). */
const SHELL_CACHE = "minka-shell-v1";
/** The offline page in both languages, the icons, the offline page's script. */
const OFFLINE_CACHE = "minka-offline-v1";
const KNOWN_CACHES = new Set([PAGES_CACHE, SHELL_CACHE, OFFLINE_CACHE]);
/** Where the offline page's language is remembered (the last language a page was read in). */
const LOCALE_KEY = "/__minka/offline-locale";
const OFFLINE_FILES = [
  "/offline-page.js",
  "/favicon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
  "/manifest.webmanifest",
];
const NETWORK_TIMEOUT_SECONDS = 3;

const shellLimits = { maxEntries: 200, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true };
const pagesLimits = { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true };

const keepable: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (isKeepable(response) ? response : null),
};
const pageKeepable: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) =>
    isKeepable(response) && response.headers.get("Content-Type")?.startsWith("text/html") ? response : null,
};
/** Offline and not in its own cache: any cache (a saved course's included). */
const anyCache: WorkboxPlugin = {
  handlerDidError: async ({ request }) => (await caches.match(request, { ignoreVary: true })) ?? undefined,
};

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  matchOptions: { ignoreVary: true },
  plugins: [pageKeepable, new ExpirationPlugin(pagesLimits)],
});
const lessonFiles = new CacheFirst({
  cacheName: PAGES_CACHE,
  matchOptions: { ignoreVary: true },
  plugins: [keepable, new ExpirationPlugin(pagesLimits), anyCache],
});
const shell = new CacheFirst({
  cacheName: SHELL_CACHE,
  plugins: [keepable, new ExpirationPlugin(shellLimits), anyCache],
});
const network = new NetworkOnly({ networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS });

async function offlinePage(): Promise<Response> {
  const cache = await caches.open(OFFLINE_CACHE);
  const last = await (await cache.match(LOCALE_KEY))?.text();
  const locale = offlineLocale(last, worker.navigator.language);
  return (await cache.match(`/offline?lang=${locale}`)) ?? Response.error();
}

const sameOrigin = (url: URL) => url.origin === worker.location.origin;

// Pages a member reads: the network within 3 s, else the kept copy (any cache), else the offline page.
registerRoute(
  ({ request, url }) => request.mode === "navigate" && sameOrigin(url) && isReadPage(url),
  async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      return (await caches.match(options.request, { ignoreVary: true })) ?? offlinePage();
    }
  },
);
// Any other page (staff, account, forms) is never kept; offline it gets the offline page.
registerRoute(
  ({ request, url }) => request.mode === "navigate" && sameOrigin(url),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return offlinePage();
    }
  },
);
// Client navigation data: never kept (the document is). Offline, Remix is told to load the
// page as a document, which the routes above then serve from the cache or as the offline page.
registerRoute(
  ({ url }) => sameOrigin(url) && isRemixData(url),
  async (options) => {
    try {
      return await network.handle(options);
    } catch {
      const kept = await caches.match(options.request, { ignoreVary: true });
      if (kept) return kept;
      return new Response(documentReloadBody(pageOfDataRequest(options.url)), {
        headers: { "Content-Type": "text/x-script" },
      });
    }
  },
);
// Route discovery offline: Remix's own answer for "load the destination as a document".
registerRoute(
  ({ url }) => sameOrigin(url) && isRouteDiscovery(url),
  async (options) => {
    try {
      return await network.handle(options);
    } catch {
      return new Response(null, { status: 204, headers: { "X-Remix-Reload-Document": "yes" } });
    }
  },
);
registerRoute(({ url }) => sameOrigin(url) && isHashedAsset(url), shell);
registerRoute(({ url }) => sameOrigin(url) && isLessonFile(url), lessonFiles);

/**
 * The pages kept on this phone, saved courses included, show whoever was signed in (name,
 * progress): signing in or out forgets them all. Pending submissions stay: each names its account
 * and the server refuses it for another (decision 037).
 */
async function forgetSignedInPages(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name === PAGES_CACHE || name.startsWith(SAVED_COURSE_CACHE_PREFIX))
      .map((name) => caches.delete(name)),
  );
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(SAVED_COURSES_DB);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

worker.addEventListener("fetch", (event) => {
  if (changesAccount(event.request.method, new URL(event.request.url))) event.waitUntil(forgetSignedInPages());
});

// Completions and quiz answers kept offline (decision 037): the browser wakes the worker when the
// connection is back, even if no Minka page is open. A rejection asks the browser to try again later.
worker.addEventListener("sync", (event) => {
  if (event.tag !== SUBMISSIONS_SYNC_TAG) return;
  event.waitUntil(
    flushPendingSubmissions().then((report) => {
      if (report.kept) throw new Error(`${report.kept} submissions still waiting`);
    }),
  );
});

/** The offline page as a visitor sees it (no account: it is shown to whoever holds the phone), in both languages. */
async function keepOfflinePages(cache: Cache): Promise<void> {
  await Promise.all(
    (["es", "en"] as const).map(async (locale) => {
      const response = await fetch("/offline", { credentials: "omit", headers: { "Accept-Language": locale } });
      if (!response.ok) throw new Error(`/offline answered ${response.status}`);
      await cache.put(`/offline?lang=${locale}`, response);
    }),
  );
}

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shellCache = await caches.open(SHELL_CACHE);
      const missing = [];
      for (const file of MINKA_SHELL) if (!(await shellCache.match(file))) missing.push(file);
      await shellCache.addAll(missing);
      const expiration = new CacheExpiration(SHELL_CACHE, shellLimits);
      await Promise.all(
        MINKA_SHELL.map((file) => expiration.updateTimestamp(new URL(file, worker.location.href).href)),
      );
      const offline = await caches.open(OFFLINE_CACHE);
      await offline.addAll(OFFLINE_FILES);
      await keepOfflinePages(offline);
      // Hashed names: files of the build an open page was loaded with stay in the shell cache, so
      // taking over at once breaks no open page (decision 035, "Updates").
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const ours = name.startsWith("minka-");
        if (ours && !KNOWN_CACHES.has(name) && !name.startsWith(SAVED_COURSE_CACHE_PREFIX)) await caches.delete(name);
      }
      await new CacheExpiration(SHELL_CACHE, shellLimits).expireEntries();
      await worker.clients.claim();
    })(),
  );
});

/** A page tells the worker its language and, on the visit that registered it, asks to be kept. */
worker.addEventListener("message", (event) => {
  const message = event.data as WorkerMessage;
  if (message?.type !== "page") return;
  event.waitUntil(
    (async () => {
      const offline = await caches.open(OFFLINE_CACHE);
      await offline.put(LOCALE_KEY, new Response(message.lang === "en" ? "en" : "es"));
      if (!message.keep) return;
      const url = new URL(message.url, worker.location.href);
      if (!sameOrigin(url) || !isReadPage(url)) return;
      await pages.handle({ event, request: new Request(url.href, { credentials: "same-origin" }) });
      const files = message.files
        .map((file) => new URL(file, url))
        .filter((file) => sameOrigin(file) && (isLessonFile(file) || isHashedAsset(file)));
      await Promise.all(
        files.map((file) =>
          (isHashedAsset(file) ? shell : lessonFiles)
            .handle({ event, request: new Request(file.href) })
            .catch(() => {}),
        ),
      );
    })().catch(() => {}),
  );
});
