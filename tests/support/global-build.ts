import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, SEEDED_DB } from "./paths";
import { CHROMIUM_PATH } from "./browser";

/** End-to-end tests run the production build (and built course content) in real Chromium: build it, and fail loudly without a browser. */
export default async function setup() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The end-to-end tests need Debian's Chromium: ` +
        "install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then run `npm test` again.",
    );
  }
  // The seeded database serves the real courses: compile (cached) and upsert them into it,
  // whenever global-database has just made it.
  if (process.env.MINKA_TEST_CONTENT_READY !== "1") {
    execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/courses-build.ts")], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: SEEDED_DB },
    });
    process.env.MINKA_TEST_CONTENT_READY = "1";
  }
  if (process.env.MINKA_TEST_BUILD_READY === "1") return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  // The service worker carries the build's file names (decision 035). In its own process, like the build:
  // esbuild's service would otherwise live on beside Vite's in this one.
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build-offline.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.env.MINKA_TEST_BUILD_READY = "1";
}
