import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Files beside the lessons (images, downloads) are linked with the hash of their content, so a
 * browser may keep them for a year: a content build that changes a file changes its address.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("course files", () => {
  it("links each course file by its content hash and lets browsers keep it for a year", async () => {
    const lesson = await (await fetch(server.url + "/courses/finanzas-basicas/registros")).text();
    const href = /href="(\/course-files\/finanzas-basicas\/cuaderno-de-cuentas\.csv\?v=[0-9a-f]+)"/.exec(lesson)?.[1];
    expect(href).toBeTruthy();
    const content = fs.readFileSync(path.resolve("public/course-files/finanzas-basicas/cuaderno-de-cuentas.csv"));
    const hash = crypto.createHash("sha256").update(content).digest("hex");
    expect(hash.startsWith(new URL(href!, server.url).searchParams.get("v")!)).toBe(true);
    const file = await fetch(server.url + href);
    expect(file.status).toBe(200);
    expect(file.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    // Without the hash the address does not change with the content: a short cache only.
    const bare = await fetch(server.url + "/course-files/finanzas-basicas/cuaderno-de-cuentas.csv");
    expect(bare.headers.get("Cache-Control")).toBe("public, max-age=3600");
  });

  it("links a lesson's video poster, sources and captions under public/ by their content hash too", async () => {
    const lesson = await (await fetch(server.url + "/courses/vender-en-linea-seguro/fotos-que-venden")).text();
    const links = [...lesson.matchAll(/(?:poster|src)="(\/videos\/fotos-que-venden\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.some((link) => link.includes("poster.jpg"))).toBe(true);
    expect(links.some((link) => link.includes(".vtt"))).toBe(true);
    for (const link of links) {
      const url = new URL(link.replace(/&amp;/g, "&"), server.url);
      const content = fs.readFileSync(path.resolve("public" + url.pathname));
      const hash = crypto.createHash("sha256").update(content).digest("hex");
      expect(hash.startsWith(url.searchParams.get("v") ?? "no version")).toBe(true);
    }
    const poster = await fetch(new URL(links.find((link) => link.includes("poster.jpg"))!, server.url));
    expect(poster.status).toBe(200);
    expect(poster.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const bare = await fetch(server.url + "/videos/fotos-que-venden/poster.jpg");
    expect(bare.headers.get("Cache-Control")).toBe("public, max-age=3600");
  });
});
