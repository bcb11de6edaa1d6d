import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logInThroughForm, openBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/* Issue #21, item 6: «Letra grande» in the header, without JavaScript, remembered per account. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const rootFontSize = (page: Page) =>
  page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") as Promise<number>;
const switchButton = (page: Page) => page.getByRole("button", { name: "Letra grande" });
const largeTextOf = (email: string) =>
  server.query<{ large_text: number }>("SELECT large_text FROM account WHERE email = ?", email)[0].large_text;

describe("«Letra grande», JavaScript off", () => {
  it("scales the type by 125 % on the page it was pressed on, and back", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    const { page } = browser;
    try {
      await page.goto(server.url + "/workshops");
      const normal = await rootFontSize(page);
      expect(normal).toBe(18);
      expect(await switchButton(page).getAttribute("aria-pressed")).toBe("false");

      await switchButton(page).click();
      await page.waitForSelector("html.text-large");
      expect(new URL(page.url()).pathname).toBe("/workshops");
      expect(await rootFontSize(page)).toBe(normal * 1.25);
      expect(await switchButton(page).getAttribute("aria-pressed")).toBe("true");
      // Headings are in rem: they grow with it.
      const heading = await page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)");
      expect(heading).toBeCloseTo(1.8 * normal * 1.25, 1);

      await page.goto(server.url + "/courses");
      expect(await rootFontSize(page)).toBe(normal * 1.25);

      await switchButton(page).click();
      await page.waitForSelector("html:not(.text-large)");
      expect(await rootFontSize(page)).toBe(normal);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it(
    "is remembered on the account: a phone without cookies that signs in starts large",
    { timeout: 120_000 },
    async () => {
      const browser = await openBrowser({ javaScriptEnabled: false });
      const { page } = browser;
      try {
        await logInThroughForm(page, server.url + "/login", "socia@minka.test", server.url + "/");
        expect(largeTextOf("socia@minka.test")).toBe(0);
        await switchButton(page).click();
        await page.waitForSelector("html.text-large");
        expect(largeTextOf("socia@minka.test")).toBe(1);
        await page.getByRole("button", { name: "Salir" }).click();
        await page.waitForURL(server.url + "/");

        // Another phone: no cookie of this browser is left, neither the session nor the size.
        await browser.context.clearCookies();
        await page.goto(server.url + "/");
        expect(await rootFontSize(page)).toBe(18);
        await logInThroughForm(page, server.url + "/login", "socia@minka.test", server.url + "/");
        expect(await rootFontSize(page)).toBe(18 * 1.25);
        expect(await switchButton(page).getAttribute("aria-pressed")).toBe("true");

        // Someone else signing in on the same phone gets their own size, not the last person's.
        await page.getByRole("button", { name: "Salir" }).click();
        await page.waitForURL(server.url + "/");
        await logInThroughForm(page, server.url + "/login", "facilitadora@minka.test", server.url + "/");
        expect(await rootFontSize(page)).toBe(18);
        expect(browser.problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});

describe("POST /text-size", () => {
  it("ignores an unknown size and an address of another site", async () => {
    const post = (fields: Record<string, string>) =>
      fetch(server.url + "/text-size", { method: "POST", redirect: "manual", body: new URLSearchParams(fields) });
    const unknown = await post({ size: "huge", redirectTo: "/courses" });
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get("Location")).toBe("/courses");
    expect(unknown.headers.get("Set-Cookie")).toBeNull();

    const elsewhere = await post({ size: "large", redirectTo: "//evil.example/" });
    expect(elsewhere.headers.get("Location")).toBe("/");
    expect(elsewhere.headers.get("Set-Cookie")).toMatch(
      /^minka_text=large; Path=\/; SameSite=Lax; HttpOnly; Max-Age=31536000/,
    );
  });
});
