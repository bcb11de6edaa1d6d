import SQLite from "better-sqlite3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  chosenVideos,
  formatMegabytes,
  saveBytes,
  saveUrls,
  type CourseManifest,
} from "../../app/offline/course-manifest";
import { SAVED_COURSE_CACHE_PREFIX, SAVED_COURSES_DB, savedCourseCache } from "../../app/offline/names";
import { formatDate } from "../../app/utils/dates";
import { accessibilityViolations, logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { auditLayout } from "../support/layout-audit";
import { startTestServer, type TestServer } from "../support/server";

/**
 * "Guardar este curso para leer sin conexión" in real Chromium with JavaScript on, over the built
 * server: sizes shown before downloading, progress, the Cache Storage cache of the course, the
 * list in "Mi aprendizaje", update and removal, and what a failed save leaves (nothing).
 */
const SLUG = "vender-en-linea-seguro";
const TITLE = "Guardar este curso para leer sin conexión";
let server: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
  await logInThroughForm(page, `${server.url}/login`, "socia@minka.test", new RegExp(`^${server.url}/(?!login)`));
});
/** Each test starts from a browser that has saved nothing (a failed test leaves nothing for the next). */
beforeEach(async () => {
  await page.goto(`${server.url}/status`);
  // Saved courses only: the service worker's own caches stay.
  await page.evaluate(
    async ({ db, prefix }) => {
      for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
      await new Promise((resolve) => (indexedDB.deleteDatabase(db).onsuccess = resolve));
    },
    { db: SAVED_COURSES_DB, prefix: SAVED_COURSE_CACHE_PREFIX },
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the course page and wakes its scripts (they wait for first use, decision 034). */
async function openCourse() {
  await page.goto(`${server.url}/courses/${SLUG}`);
  await page.mouse.move(5, 5);
  await page.getByRole("heading", { name: TITLE }).waitFor({ timeout: 20_000 });
}

async function manifest(): Promise<CourseManifest> {
  return page.evaluate(async (slug) => (await fetch(`/courses/${slug}/offline.json`)).json(), SLUG);
}

async function cachedUrls(): Promise<string[] | null> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return null;
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
  }, savedCourseCache(SLUG));
}

async function savedRecords(): Promise<Array<{ slug: string; version: string; bytes: number; savedAt: string }>> {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("courses")) return resolve([]);
          const all = db.transaction("courses").objectStore("courses").getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
        };
      }),
    SAVED_COURSES_DB,
  );
}

/** What Chromium plays of each lesson's sources, as the <video> element picks. */
async function playable(m: CourseManifest) {
  const types = await page.evaluate(
    (all) => all.filter((type) => document.createElement("video").canPlayType(type) !== ""),
    m.videos.flatMap((v) => v.sources.map((s) => s.type)),
  );
  return chosenVideos(m, (type) => types.includes(type));
}

describe("saving a course for offline reading", () => {
  it("is not on the page without JavaScript", async () => {
    const html = await (await fetch(`${server.url}/courses/${SLUG}`)).text();
    // The texts travel in the page's data; no element shows them.
    expect(html).not.toContain(`>${TITLE}<`);
    expect(html).not.toMatch(/>Incluir los videos/);
    expect(html).not.toMatch(/>Guardar este curso</);
  });

  it("shows the sizes first, saves every page and file with progress, and says so", async () => {
    await openCourse();
    const m = await manifest();
    const videos = await playable(m);
    expect(videos).toHaveLength(1);
    const videoBox = page.getByRole("checkbox", {
      name: `Incluir los videos (${formatMegabytes(videos[0]!.bytes, "es")})`,
    });
    await expect.poll(() => videoBox.isChecked()).toBe(false);
    await page.getByText(`Tamaño total: ${formatMegabytes(saveBytes(m, []), "es")}`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await videoBox.check();
    await page.getByText(`Tamaño total: ${formatMegabytes(saveBytes(m, videos), "es")}`).waitFor();
    await videoBox.uncheck();
    await page.getByText(`Tamaño total: ${formatMegabytes(saveBytes(m, []), "es")}`).waitFor();
    await videoBox.check();

    // Every count the live region shows while saving.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector("[aria-live=polite] .progress-text")?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole("button", { name: "Guardar este curso" }).click();
    await page.getByText(/^Guardado para leer sin conexión \(\d+(,\d)? MB\)$/).waitFor();
    const urls = saveUrls(m, videos);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    for (const text of seen) expect(text).toMatch(new RegExp(`^Descarga del curso: \\d+ de ${urls.length}$`));

    // The course's cache holds every lesson, its data, its files and the chosen video.
    expect(await cachedUrls()).toEqual([...urls].sort());
    for (const lesson of m.lessons) expect(urls).toContain(lesson.url);
    expect(urls).toContain(videos[0]!.url);
    const lessonText = await page.evaluate(
      async ({ name, url }) => (await (await caches.open(name)).match(url))!.text(),
      { name: savedCourseCache(SLUG), url: m.lessons[1]!.url },
    );
    expect(lessonText).toContain(m.lessons[1]!.title);

    const [record] = await savedRecords();
    expect(record).toMatchObject({ slug: SLUG, version: m.version });
    expect(record!.bytes).toBeGreaterThan(videos[0]!.bytes);
    await page.getByText(`Guardado para leer sin conexión (${formatMegabytes(record!.bytes, "es")})`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("lists the saved course in Mi aprendizaje with its size and date, and removes it there", async () => {
    await openCourse();
    await page.getByRole("button", { name: "Guardar este curso" }).click();
    await page.getByText(/^Guardado para leer sin conexión/).waitFor();
    const [record] = await savedRecords();
    await page.goto(`${server.url}/me/learning`);
    const section = page.getByRole("region", { name: "Cursos guardados sin conexión" });
    await section.waitFor({ timeout: 20_000 });
    await section.getByRole("link", { name: "Vender por internet, con seguridad" }).waitFor();
    await section
      .getByText(`${formatMegabytes(record!.bytes, "es")} · guardado el ${formatDate(record!.savedAt, "es")}`)
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await section.getByRole("button", { name: /Quitar/ }).click();
    await section.getByText("Todavía no guardó cursos.", { exact: false }).waitFor();
    expect(await cachedUrls()).toBeNull();
    expect(await savedRecords()).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("saves without the videos, and removes from the course page", async () => {
    await openCourse();
    const m = await manifest();
    await page.getByRole("button", { name: "Guardar este curso" }).click();
    await page.getByText(/^Guardado para leer sin conexión/).waitFor();
    expect(await cachedUrls()).toEqual([...saveUrls(m, [])].sort());

    await page.getByRole("button", { name: "Quitar" }).click();
    await page.getByRole("button", { name: "Guardar este curso" }).waitFor();
    expect(await cachedUrls()).toBeNull();
    expect(await savedRecords()).toEqual([]);
  });

  it("offers an update when the course changed since it was saved, and keeps the new version", async () => {
    await openCourse();
    await page.getByRole("button", { name: "Guardar este curso" }).click();
    await page.getByText(/^Guardado para leer sin conexión/).waitFor();
    const db = new SQLite(server.databaseFile);
    db.prepare("update course set content_hash = 'a-newer-version' where slug = ?").run(SLUG);
    db.close();

    await page.goto(`${server.url}/me/learning`);
    const section = page.getByRole("region", { name: "Cursos guardados sin conexión" });
    await section.getByText("Hay una versión nueva de este curso.").waitFor({ timeout: 20_000 });
    await section.getByRole("button", { name: /Actualizar/ }).click();
    await expect.poll(async () => (await savedRecords())[0]?.version).toBe("a-newer-version");
    await expect.poll(() => section.getByText("Hay una versión nueva de este curso.").count()).toBe(0);

    await openCourse();
    await page.getByText(/^Guardado para leer sin conexión/).waitFor();
    expect(await page.getByRole("button", { name: "Actualizar" }).count()).toBe(0);
    await page.getByRole("button", { name: "Quitar" }).click();
    await page.getByRole("button", { name: "Guardar este curso" }).waitFor();
  });

  it("leaves nothing behind when the connection drops during a first save", async () => {
    await openCourse();
    const m = await manifest();
    await page.route(`**${m.lessons.at(-1)!.url}`, (route) => route.abort("internetdisconnected"));
    try {
      await page.getByRole("button", { name: "Guardar este curso" }).click();
      await page
        .getByRole("alert")
        .getByText("Se cortó la conexión y el curso no se guardó. Intente de nuevo cuando tenga señal.")
        .waitFor();
    } finally {
      await page.unroute(`**${m.lessons.at(-1)!.url}`);
    }
    expect(await cachedUrls()).toBeNull();
    expect(await savedRecords()).toEqual([]);
    await page.getByRole("button", { name: "Guardar este curso" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The aborted request, as the browser logged it: expected here.
    browser.problems.splice(0, browser.problems.length);
  });

  it("leaves nothing behind when a save runs out of space", async () => {
    const cdp = await browser.context.newCDPSession(page);
    const origin = new URL(server.url).origin;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: usage + 20_000 });
    try {
      await openCourse();
      await page.getByRole("button", { name: "Guardar este curso" }).click();
      await page
        .getByRole("alert")
        .getByText("No hay espacio suficiente en este teléfono. Libere espacio o guarde el curso sin los videos.")
        .waitFor();
      expect(await cachedUrls()).toBeNull();
      expect(await savedRecords()).toEqual([]);
    } finally {
      await cdp.send("Storage.overrideQuotaForOrigin", { origin });
    }
  });

  it("opens every lesson of the saved course without a connection", async () => {
    // A browser that runs the service worker (decision 035), which answers offline navigations from the caches.
    const online = await openBrowser({ serviceWorkers: "allow" });
    try {
      const p = online.page;
      await logInThroughForm(p, `${server.url}/login`, "socia@minka.test", new RegExp(`^${server.url}/(?!login)`));
      await p.goto(`${server.url}/courses/${SLUG}`);
      await expect
        .poll(() => p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), {
          timeout: 30_000,
        })
        .toBe("activated");
      await p.reload();
      await expect
        .poll(() => p.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
        .toBe(true);
      await p.mouse.move(5, 5);
      await p.getByRole("button", { name: "Guardar este curso" }).click();
      await p.getByText(/^Guardado para leer sin conexión/).waitFor();
      const m: CourseManifest = await p.evaluate(
        async (slug) => (await fetch(`/courses/${slug}/offline.json`)).json(),
        SLUG,
      );
      await online.context.setOffline(true);
      for (const lesson of m.lessons) {
        await p.goto(server.url + lesson.url);
        await p.getByRole("heading", { level: 1, name: lesson.title }).waitFor();
        expect(await p.locator("#lesson-body").innerText()).not.toBe("");
      }
      await p.goto(server.url + m.pages[0]!);
      await p.getByRole("heading", { level: 1, name: m.title }).waitFor();
    } finally {
      await online.close();
    }
  }, 120_000);

  it("reads at 320 px in large text, every control a big target", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openCourse();
    await page.getByRole("button", { name: "Letra grande" }).click();
    await page.locator("html.text-large").waitFor();
    await page.mouse.move(5, 5);
    await page.getByRole("heading", { name: TITLE }).waitFor({ timeout: 20_000 });
    const audit = await auditLayout(page);
    expect(audit.problems).toEqual([]);
    await page.getByRole("button", { name: "Guardar este curso" }).click();
    await page.getByText(/^Guardado para leer sin conexión/).waitFor();
    expect((await auditLayout(page)).problems).toEqual([]);
    await page.goto(`${server.url}/me/learning`);
    await page.getByRole("region", { name: "Cursos guardados sin conexión" }).getByRole("button").first().waitFor();
    expect((await auditLayout(page)).problems).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
