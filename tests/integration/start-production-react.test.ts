import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * `npm start` without NODE_ENV seeds the demo data and then serves in production mode. React picks
 * its development or production build when it is first loaded, and the content build loads it
 * before serving: the server must still get React's production build (the development one checks
 * every element and cost the report page a large share of its CPU).
 */
describe("npm start's React build", () => {
  it("is the production build even when NODE_ENV was unset at start", () => {
    // As a shell starts it: no NODE_ENV, nothing of the test runner's environment.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME } as unknown as NodeJS.ProcessEnv;
    const loaded = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `await import("./scripts/start-mode.ts");
         await import("./scripts/courses-build.ts");
         const { createRequire } = await import("node:module");
         const require = createRequire(import.meta.url);
         console.log(JSON.stringify(Object.keys(require.cache).filter((f) => require.cache[f].loaded && /react[\\\\/]cjs[\\\\/]react(-jsx-runtime)?\\./.test(f))));`,
      ],
      { env, encoding: "utf8" },
    );
    const files: string[] = JSON.parse(loaded.trim().split("\n").pop()!);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.includes("development"))).toEqual([]);
  }, 60_000);
});
