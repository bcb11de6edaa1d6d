import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import axe from "axe-core";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors, CSP violations and uncaught exceptions seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile; never a downloaded browser. */
export async function openBrowser(
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<TestBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "minka-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "es-PE",
    viewport: options.viewport ?? { width: 390, height: 844 },
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      // A refused form answers 4xx on purpose; the browser logs that as an error.
      if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core (WCAG 2.1 A/AA) on the page and returns readable violations. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }),
  );
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`,
  );
}
