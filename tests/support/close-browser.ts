import { afterAll } from "vitest";

/*
 * Closes the Chromium that `openBrowser` (browser.ts) shares between the tests of a file, after
 * the file's own afterAll hooks. Found by its global symbol, so files that never open a browser
 * do not load playwright-core.
 */
afterAll(async () => {
  const launched = (globalThis as Record<symbol, Promise<{ close(): Promise<void> }> | undefined>)[
    Symbol.for("minka.test.chromium")
  ];
  if (launched) await (await launched.catch(() => undefined))?.close();
});
