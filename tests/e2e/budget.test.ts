import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { REGISTER_SCRIPT } from "../../app/offline/register-script";
import { ROOT } from "../support/paths";

/**
 * Sizes are deterministic, so a test is right here (speed is measured by
 * `npm run bench`). First-load JavaScript per page type, gzip, from the build.
 */
const BUDGET = 110 * 1024;
const PAGE_TYPES: Record<string, string> = {
  home: "routes/_index",
  catalog: "routes/courses._index",
  lesson: "routes/courses.$course.$lesson",
  workshop: "routes/workshops.$id._index",
  report: "routes/reports._index",
};

interface ManifestEntry {
  module: string;
  imports?: string[];
  parentId?: string;
}

function readManifest(): { entry: ManifestEntry; routes: Record<string, ManifestEntry> } {
  const dir = path.join(ROOT, "public/build");
  const file = fs.readdirSync(dir).find((name) => /^manifest-.*\.js$/.test(name));
  if (!file) throw new Error("No client build found in public/build");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, ""));
}

function firstLoadFiles(routeId: string): string[] {
  const { entry, routes } = readManifest();
  const files = new Set([entry.module, ...(entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = routes[id]?.parentId) {
    const route = routes[id];
    if (!route) throw new Error(`Route ${id} is not in the client manifest`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return [...files];
}

const gzipSize = (publicPath: string) => zlib.gzipSync(fs.readFileSync(path.join(ROOT, "public", publicPath))).length;

describe("JavaScript budget", () => {
  for (const [page, routeId] of Object.entries(PAGE_TYPES)) {
    it(`keeps the ${page} page's first-load JavaScript at or under 110 KB gzip`, () => {
      const total = firstLoadFiles(routeId).reduce((sum, file) => sum + gzipSize(file), 0);
      expect(total, `${page}: ${(total / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(BUDGET);
      expect(total).toBeGreaterThan(50 * 1024); // React + Remix are in it: the count is real
    });
  }

  it("keeps every other page within the same budget", () => {
    const over = Object.keys(readManifest().routes)
      .map((id) => ({ id, total: firstLoadFiles(id).reduce((sum, file) => sum + gzipSize(file), 0) }))
      .filter(({ total }) => total > BUDGET)
      .map(({ id, total }) => `${id}: ${(total / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it("keeps the service worker's registration, in every page, at or under 5 KB gzip (the worker itself is not first-load)", () => {
    const registration = zlib.gzipSync(REGISTER_SCRIPT).length;
    expect(registration).toBeLessThanOrEqual(5 * 1024);
    const lesson = firstLoadFiles(PAGE_TYPES.lesson).reduce((sum, file) => sum + gzipSize(file), 0);
    expect(lesson + registration).toBeLessThanOrEqual(BUDGET);
  });

  it("ships no server-only code to the browser", () => {
    const metafile = JSON.parse(fs.readFileSync(path.join(ROOT, "build/metafile.js.json"), "utf8")) as {
      inputs: Record<string, unknown>;
    };
    const serverOnly = [
      /\.server\.tsx?$/,
      /node_modules\/(better-sqlite3|kysely|pg|@node-rs|@oslojs|nodemailer|smtp-server|exceljs|pdf-lib|@pdf-lib|qrcode|mdx-bundler\/dist\/index|esbuild|csv-parse|csv-stringify|iconv-lite|libphonenumber-js|zod)\//,
    ];
    const leaked = Object.keys(metafile.inputs).filter((input) => serverOnly.some((pattern) => pattern.test(input)));
    expect(leaked).toEqual([]);
    expect(Object.keys(metafile.inputs).length).toBeGreaterThan(20);
  });
});
