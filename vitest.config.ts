import { defineConfig } from "vitest/config";

// Layers (README "Tests"): pure functions; models and routes on a real SQLite
// file; the same models on a real PostgreSQL; the production build over HTTP in Chromium.
// expect.poll's 1 s default is too short on a loaded 2-core machine (a flaky failure seen in CI);
// a condition that holds returns at once, so a long ceiling costs nothing when it passes.
const expect = { poll: { timeout: 10_000, interval: 50 } };

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one file at a time; end-to-end files mostly wait on their
    // server and browser, so two at once took the e2e layer from ≈ 480 s to ≈ 270 s here.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          expect,
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console.ts"],
        },
      },
      {
        test: {
          name: "integration",
          expect,
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts"],
          setupFiles: ["tests/support/fail-on-console.ts", "tests/support/isolated-database.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "postgres",
          expect,
          include: ["tests/postgres/**/*.test.ts"],
          globalSetup: ["tests/support/global-postgres.ts"],
          setupFiles: ["tests/support/fail-on-console.ts", "tests/support/isolated-postgres.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          expect,
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts", "tests/support/global-build.ts"],
          setupFiles: ["tests/support/close-browser.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
