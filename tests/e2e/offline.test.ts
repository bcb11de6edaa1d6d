import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PAGES_CACHE, SAVED_COURSE_CACHE_PREFIX, SAVED_COURSES_DB, savedCourseCache } from "../../app/offline/names";
import { accessibilityViolations, logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Issue #20 in real Chromium with JavaScript on (decision 035): the app is installable, a lesson
 * opened once opens again offline (by its address and by a link), an unvisited page offline is
 * the offline page, and signing out forgets the member's pages.
 */
const COURSE = "/courses/vender-en-linea-seguro";
const LESSON = `${COURSE}/fotos-que-venden`;
const OTHER_LESSON = `${COURSE}/precios-claros`;
const UNVISITED = "/courses/finanzas-basicas";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** Any page but the login form: where a member lands after signing in. */
const AFTER_LOGIN = /^http:\/\/127\.0\.0\.1:\d+\/(?!login)/;

async function withBrowser(run: (browser: TestBrowser) => Promise<void>) {
  const browser = await openBrowser({ javaScriptEnabled: true, serviceWorkers: "allow" });
  try {
    await run(browser);
  } finally {
    await browser.close();
  }
}

/** Whether the pages cache holds this address (the worker keeps pages in the background). */
const kept = (page: Page, path: string) =>
  page.evaluate(
    async ([cacheName, address]) => Boolean(await (await caches.open(cacheName)).match(address, { ignoreVary: true })),
    [PAGES_CACHE, path] as const,
  );

const controlled = (page: Page) => page.evaluate(() => Boolean(navigator.serviceWorker.controller));

const hydrated = (page: Page) =>
  page.evaluate(() => typeof (window as unknown as { __remixRouter?: object }).__remixRouter);

describe("offline", () => {
  it("serves the manifest, its icons and the worker with the right types", async () => {
    const manifest = await fetch(server.url + "/manifest.webmanifest");
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("Content-Type")).toMatch(/^application\/manifest\+json/);
    const body = (await manifest.json()) as Record<string, unknown> & { icons: { src: string; purpose: string }[] };
    expect(body).toMatchObject({ short_name: "Minka", lang: "es", scope: "/", display: "standalone" });
    expect(body.icons.map((icon) => icon.purpose)).toContain("maskable");
    for (const icon of body.icons) {
      const response = await fetch(server.url + icon.src);
      expect(response.headers.get("Content-Type"), icon.src).toBe("image/png");
    }
    const worker = await fetch(server.url + "/sw.js");
    expect(worker.headers.get("Content-Type")).toMatch(/javascript/);
    expect(worker.headers.get("Cache-Control")).toBe("no-cache");
    const home = await (await fetch(server.url + "/")).text();
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    expect(home).toMatch(/<meta name="theme-color" content="#1d5b3a"\/>/);
  });

  it("is installable by Chrome's own check (the one Lighthouse's PWA audit used)", async () => {
    await withBrowser(async ({ context, page, problems }) => {
      await page.goto(server.url + "/");
      await expect.poll(() => controlled(page), { timeout: 20_000 }).toBe(true);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
        installabilityErrors: unknown[];
      };
      expect(installabilityErrors).toEqual([]);
      expect(problems).toEqual([]);
    });
  });

  it("opens a lesson visited once (the visit that registered the worker) again offline, with its files", async () => {
    await withBrowser(async ({ context, page }) => {
      await page.goto(server.url + LESSON);
      const title = await page.locator("main h1").innerText();
      await expect.poll(() => kept(page, LESSON), { timeout: 20_000 }).toBe(true);
      const files = await page.evaluate(
        async (cacheName) => (await (await caches.open(cacheName)).keys()).map((request) => request.url),
        PAGES_CACHE,
      );
      expect(files.some((url) => /poster\.jpg\?v=/.test(url))).toBe(true);

      await context.setOffline(true);
      await page.reload();
      await expect(page.locator("main h1").innerText()).resolves.toBe(title);
      expect(await page.locator(".lesson-body").count()).toBe(1);
    });
  });

  it("as a member: a kept lesson opens offline by address, by link and by client navigation; other pages give the offline page", async () => {
    await withBrowser(async ({ context, page }) => {
      await logInThroughForm(page, server.url + "/login", "socia@minka.test", AFTER_LOGIN);
      await expect.poll(() => controlled(page), { timeout: 20_000 }).toBe(true);
      for (const path of [COURSE, LESSON, OTHER_LESSON]) {
        await page.goto(server.url + path);
        await expect.poll(() => kept(page, path), { timeout: 20_000 }).toBe(true);
      }
      const lessonTitle = await (await fetch(server.url + LESSON))
        .text()
        .then((html) => /<h1[^>]*>([^<]+)</.exec(html)?.[1]);
      expect(lessonTitle).toBeTruthy();

      await context.setOffline(true);
      // By address.
      await page.goto(server.url + LESSON);
      await expect(page.locator("main h1").innerText()).resolves.toBe(lessonTitle);
      // By a link, once the page has hydrated: a click on a link of a kept page.
      await page.goto(server.url + COURSE);
      await page.mouse.move(10, 10);
      await expect.poll(() => hydrated(page), { timeout: 20_000 }).toBe("object");
      await page.locator(`main a[href="${LESSON}"]`).first().click();
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(LESSON);
      await expect.poll(() => page.locator(".lesson-body").count(), { timeout: 10_000 }).toBe(1);
      // A client navigation as the signal drops (the page was loaded and its links discovered online,
      // the phone still thinks it is connected): its data cannot come, so the worker has Remix load
      // the page as a document, from the cache.
      await context.setOffline(false);
      await page.goto(server.url + COURSE);
      await page.mouse.move(20, 20);
      await expect.poll(() => hydrated(page), { timeout: 20_000 }).toBe("object");
      await expect
        .poll(
          () =>
            page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.includes("/__manifest"))),
          {
            timeout: 20_000,
          },
        )
        .toBe(true);
      await context.setOffline(true);
      await page.evaluate((path) => {
        void (window as unknown as { __remixRouter: { navigate(to: string): Promise<void> } }).__remixRouter.navigate(
          path,
        );
      }, OTHER_LESSON);
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(OTHER_LESSON);
      await expect.poll(() => page.locator(".lesson-body").count(), { timeout: 10_000 }).toBe(1);

      // A page never opened: the offline page, in Spanish, listing the lesson kept.
      await page.goto(server.url + UNVISITED);
      await expect(page.locator("main h1").innerText()).resolves.toBe("Sin conexión");
      expect(await page.locator("html").getAttribute("lang")).toBe("es");
      await expect
        .poll(
          () => page.locator("#offline-lessons a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
          {
            timeout: 10_000,
          },
        )
        .toContain(LESSON);
      expect(await page.getByText("Inscribirse en un taller, ver los informes").count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  it("forgets a member's pages and saved courses when they sign out: offline, the lesson is no longer there", async () => {
    await withBrowser(async ({ context, page }) => {
      await logInThroughForm(page, server.url + "/login", "socia@minka.test", AFTER_LOGIN);
      await expect.poll(() => controlled(page), { timeout: 20_000 }).toBe(true);
      await page.goto(server.url + LESSON);
      await expect.poll(() => kept(page, LESSON), { timeout: 20_000 }).toBe(true);
      // A course saved with «Guardar este curso»: its pages show her name and progress too.
      await page.evaluate(
        async ([cacheName, database]) => {
          await (await caches.open(cacheName)).put("/courses/saved", new Response("saved"));
          await new Promise<void>((resolve, reject) => {
            const request = indexedDB.open(database, 1);
            request.onupgradeneeded = () => request.result.createObjectStore("courses", { keyPath: "slug" });
            request.onsuccess = () => {
              request.result.close();
              resolve();
            };
            request.onerror = () => reject(request.error);
          });
        },
        [savedCourseCache("saved"), SAVED_COURSES_DB] as const,
      );
      await page.getByRole("button", { name: "Salir" }).click();
      await page.waitForURL(server.url + "/");
      await expect.poll(() => kept(page, LESSON), { timeout: 10_000 }).toBe(false);
      const savedLeft = () =>
        page.evaluate(
          async ([prefix, database]) => {
            const cachesLeft = (await caches.keys()).filter((name) => name.startsWith(prefix));
            const databases = (await indexedDB.databases()).map((database) => database.name);
            return [...cachesLeft, ...databases.filter((name) => name === database)];
          },
          [SAVED_COURSE_CACHE_PREFIX, SAVED_COURSES_DB] as const,
        );
      await expect.poll(savedLeft, { timeout: 10_000 }).toEqual([]);
      await context.setOffline(true);
      await page.goto(server.url + LESSON);
      await expect(page.locator("main h1").innerText()).resolves.toBe("Sin conexión");
    });
  });
});
