import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseManifest } from "../../app/offline/course-manifest";
import { logIn } from "../support/log-in";
import { ROOT } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";

/** `/courses/:course/offline.json` over HTTP against the built server: what "Guardar este curso" downloads. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function manifestOf(slug: string, cookie?: string): Promise<CourseManifest> {
  const response = await fetch(`${server.url}/courses/${slug}/offline.json`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  expect(response.status, slug).toBe(200);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await response.json()) as CourseManifest;
}

const fileOnDisk = (url: string) => path.join(ROOT, "public", decodeURIComponent(url.split("?")[0]!));

describe("a course's offline manifest", () => {
  it("lists every lesson page and the files the pages use, each one served, with its size", async () => {
    const slug = "cadenas-transparentes";
    const manifest = await manifestOf(slug);
    const lessons = server.query<{ slug: string }>(
      "select l.slug from lesson l join course c on c.id = l.course_id where c.slug = ? and l.archived_at is null order by l.position",
      slug,
    );
    expect(manifest.pages).toEqual([`/courses/${slug}`, ...lessons.map((l) => `/courses/${slug}/${l.slug}`)]);
    const [{ content_hash }] = server.query<{ content_hash: string }>(
      "select content_hash from course where slug = ?",
      slug,
    );
    expect(manifest.version).toBe(content_hash);

    // The figure of "¿Qué es la trazabilidad?", as the lesson page links it.
    const lessonHtml = await (await fetch(`${server.url}/courses/${slug}/que-es-la-trazabilidad`)).text();
    const figure = /src="(\/course-files\/cadenas-transparentes\/cadena\.svg\?v=[0-9a-f]{12})"/.exec(lessonHtml)?.[1];
    expect(figure).toBeTruthy();
    expect(manifest.files).toContainEqual({ url: figure, bytes: fs.statSync(fileOnDisk(figure!)).size });
    expect(manifest.videos).toEqual([]);
    expect(manifest.bytes.files).toBe(manifest.files.reduce((sum, f) => sum + f.bytes, 0));

    for (const url of [...manifest.pages, ...manifest.files.map((f) => f.url)]) {
      const response = await fetch(server.url + url);
      expect(response.status, url).toBe(200);
      await response.arrayBuffer();
    }
  });

  it("lists the attachment of a lesson and, for a video lesson, the poster, captions and the sources of the reader's quality", async () => {
    const finance = await manifestOf("finanzas-basicas");
    expect(finance.files.map((f) => f.url)).toContainEqual(
      expect.stringMatching(/^\/course-files\/finanzas-basicas\/cuaderno-de-cuentas\.csv\?v=[0-9a-f]{12}$/),
    );

    const standard = await manifestOf("vender-en-linea-seguro");
    const files = standard.files.map((f) => f.url.split("?")[0]);
    expect(files).toEqual(
      expect.arrayContaining([
        "/videos/fotos-que-venden/poster.jpg",
        "/videos/fotos-que-venden/subtitulos.es.vtt",
        "/videos/fotos-que-venden/subtitulos.en.vtt",
      ]),
    );
    expect(standard.videos).toHaveLength(1);
    const sources = standard.videos[0]!.sources;
    expect(sources.map((s) => s.url.split("?")[0])).toEqual([
      "/videos/fotos-que-venden/fotos-que-venden.webm",
      "/videos/fotos-que-venden/fotos-que-venden.mp4",
    ]);
    for (const source of sources) expect(source.bytes).toBe(fs.statSync(fileOnDisk(source.url)).size);
    // Videos are never counted among the files: they are downloaded only when the member ticks them.
    expect(files.some((f) => /\.(webm|mp4)$/.test(f!))).toBe(false);

    const low = await manifestOf("vender-en-linea-seguro", "minka_video_quality=low");
    expect(low.videos[0]!.sources.map((s) => s.url.split("?")[0])).toEqual([
      "/videos/fotos-que-venden/fotos-que-venden-ahorro.webm",
    ]);
  });

  it("leaves the quiz on the lesson pages it rendered (the render is shared with them)", async () => {
    // A fresh process: the manifest is the first to render these lessons.
    const fresh = await startTestServer();
    try {
      const response = await fetch(`${fresh.url}/courses/que-es-una-cooperativa/offline.json`);
      expect(response.status).toBe(200);
      const lesson = await (await fetch(`${fresh.url}/courses/que-es-una-cooperativa/que-es`)).text();
      expect(lesson).toContain('name="intent" value="quiz"');
    } finally {
      await fresh.stop();
    }
  });

  it("is refused as the course page is: unknown and draft courses are 404, an admin sees a draft", async () => {
    expect((await fetch(`${server.url}/courses/no-such-course/offline.json`)).status).toBe(404);
    const db = new SQLite(server.databaseFile);
    db.prepare("update course set published = 0 where slug = 'finanzas-basicas'").run();
    db.close();
    expect((await fetch(`${server.url}/courses/finanzas-basicas/offline.json`)).status).toBe(404);
    const member = await logIn(server, "socia@minka.test");
    const asMember = await fetch(`${server.url}/courses/finanzas-basicas/offline.json`, {
      headers: { Cookie: member },
    });
    expect(asMember.status).toBe(404);
    const admin = await logIn(server, "admin@minka.test");
    expect((await manifestOf("finanzas-basicas", admin)).pages[0]).toBe("/courses/finanzas-basicas");
  });
});
