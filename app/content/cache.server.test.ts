import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheKey, DiskCache } from "./cache.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-cache-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cacheKey", () => {
  it("is stable for the same compiler version and files, and changes with either", () => {
    const key = cacheKey(["10.1.1", "courses/a/uno.mdx", "# Hola"]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(["10.1.1", "courses/a/uno.mdx", "# Hola"])).toBe(key);
    expect(cacheKey(["10.1.2", "courses/a/uno.mdx", "# Hola"])).not.toBe(key);
    expect(cacheKey(["10.1.1", "courses/a/uno.mdx", "# Hola!"])).not.toBe(key);
  });
  it("keeps the boundaries between parts", () => {
    expect(cacheKey(["ab", "c"])).not.toBe(cacheKey(["a", "bc"]));
  });
});

describe("DiskCache", () => {
  it("misses once a file the lesson uses has changed", () => {
    fs.writeFileSync(path.join(dir, "imagen.svg"), "<svg/>");
    const cache = new DiskCache<{ code: string }>(path.join(dir, "cache"), dir);
    expect(cache.get("k1")).toBeNull();
    cache.set("k1", ["imagen.svg"], { code: "compiled" });
    expect(cache.get("k1")?.value).toEqual({ code: "compiled" });
    fs.writeFileSync(path.join(dir, "imagen.svg"), "<svg width='2'/>");
    expect(cache.get("k1")).toBeNull();
  });
});
