import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Pages are complete without JavaScript, so a phone should paint them before it fetches and
 * evaluates React and hydrates (decision 034): the modules come once the page has loaded (or
 * on first use), and the enhancements still arrive.
 */
const LESSON = "/courses/vender-en-linea-seguro/fotos-que-venden";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("scripts after the page", () => {
  it("announces no module in the document itself", async () => {
    for (const path of ["/", "/courses", LESSON]) {
      const html = await (await fetch(server.url + path)).text();
      expect(html, path).not.toMatch(/<link[^>]*modulepreload/);
      expect(html, path).not.toMatch(/^import /m);
      // The hand-off data is still in the page, for the hydration that follows.
      expect(html, path).toContain("window.__remixContext=");
    }
  });

  it("fetches no script before the page has loaded, then hydrates and navigates without reloading", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    try {
      await page.goto(server.url + LESSON);
      await expect
        .poll(() => page.evaluate(() => typeof (window as unknown as { __remixRouter?: object }).__remixRouter), {
          timeout: 20_000,
        })
        .toBe("object");
      const timing = await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        return {
          loaded: navigation.loadEventStart,
          scripts: performance
            .getEntriesByType("resource")
            .filter((entry) => /\/build\/.*\.js$/.test(entry.name))
            .map((entry) => ({ name: entry.name, start: entry.startTime })),
        };
      });
      expect(timing.scripts.length).toBeGreaterThan(2);
      expect(timing.scripts.filter((script) => script.start < timing.loaded)).toEqual([]);

      // Hydrated: a link now navigates inside the page instead of loading a new document.
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      await page.locator(".breadcrumb a").click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(server.url + "/courses/vender-en-linea-seguro");
      await expect.poll(() => page.locator(".lesson-body").count(), { timeout: 10_000 }).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("keeps a country chosen before the scripts came: the region list follows it once they do", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    try {
      await page.goto(server.url + "/signup");
      // Choosing is the first use of the page: it starts loading the scripts, which arrive after it.
      await page.getByLabel("País").selectOption("GT");
      await expect
        .poll(() => page.evaluate(() => typeof (window as unknown as { __remixRouter?: object }).__remixRouter), {
          timeout: 20_000,
        })
        .toBe("object");
      await expect
        .poll(
          () =>
            page
              .locator('select[name="region"] optgroup')
              .evaluateAll((groups) => groups.map((g) => (g as HTMLOptGroupElement).label)),
          {
            timeout: 10_000,
          },
        )
        .toEqual(["Guatemala"]);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
