import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * A lesson's MDX is rendered once per lesson version and language and kept; the video
 * (a visitor's quality choice) and the quiz (answers just sent) are rendered for each
 * request. What one visitor sees must never reach another, and the cache must not
 * mix languages.
 */
const QUIZ_LESSON = "/courses/que-es-una-cooperativa/que-es";
const VIDEO_LESSON = "/courses/vender-en-linea-seguro/fotos-que-venden";
const LOW_SOURCE = "/videos/fotos-que-venden/fotos-que-venden-ahorro.webm";

let server: TestServer;
let member = "";
beforeAll(async () => {
  server = await startTestServer();
  member = await logIn(server, "socia@minka.test");
});
afterAll(() => server.stop());

async function page(path: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(server.url + path, { headers: { "Accept-Language": "es", ...headers } });
  expect(response.status, path).toBe(200);
  return response.text();
}

describe("lesson pages rendered from a shared HTML cache", () => {
  it("shows quiz results only to the request that carries the answers", async () => {
    const graded = await page(`${QUIZ_LESSON}?graded=1&q0=0&q1=1`, { Cookie: member });
    expect(graded).toContain("Acertó 1 de 2 preguntas.");

    for (const headers of [{}, { Cookie: member }] as Array<Record<string, string>>) {
      const plain = await page(QUIZ_LESSON, headers);
      expect(plain).toContain('id="quiz"');
      expect(plain).not.toContain("Acertó 1 de 2");
      expect(plain).not.toContain('class="quiz-summary"');
      expect(plain).not.toContain('checked=""');
    }
    const other = await page(`${QUIZ_LESSON}?graded=1&q0=0&q1=0`);
    expect(other).toContain("Acertó 2 de 2 preguntas.");
    expect(other).not.toContain("Acertó 1 de 2");
  });

  it("plays the quality each visitor chose, whoever came first", async () => {
    const choose = await fetch(server.url + VIDEO_LESSON, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ intent: "video-quality", quality: "low" }),
    });
    const lowCookie = choose.headers.get("Set-Cookie")!.split(";")[0];
    expect(lowCookie).toBe("minka_video_quality=low");

    for (let round = 0; round < 2; round++) {
      const low = await page(VIDEO_LESSON, { Cookie: lowCookie });
      expect(low).toContain(`src="${LOW_SOURCE}"`);
      const standard = await page(VIDEO_LESSON);
      expect(standard).toContain('<video controls=""');
      expect(standard).not.toContain(`src="${LOW_SOURCE}"`);
    }
  });

  it("keeps each language's texts apart", async () => {
    for (let round = 0; round < 2; round++) {
      const spanish = await page(VIDEO_LESSON, { "Accept-Language": "es" });
      expect(spanish).toContain("Leer el texto del video");
      expect(spanish).not.toContain("Read the video&#x27;s text");
      const english = await page(VIDEO_LESSON, { "Accept-Language": "en" });
      expect(english).toContain("Read the video&#x27;s text");
      expect(english).not.toContain("Leer el texto del video");
    }
  });

  it("puts this response's CSP nonce on every script of a lesson page", async () => {
    for (const headers of [{}, { Cookie: member }] as Array<Record<string, string>>) {
      const response = await fetch(server.url + QUIZ_LESSON, { headers });
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];
      expect(nonce).toBeTruthy();
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
  });
  it("sends a lesson's HTML once in the page, and in the data only when there is no page", async () => {
    for (const path of [QUIZ_LESSON, VIDEO_LESSON]) {
      const html = await page(path);
      const body = html.slice(html.indexOf('class="lesson-body"'));
      // A sentence of the lesson text, with nothing that JSON or HTML would escape.
      const sentence = /<p>([^<>"'&\\\n]{30,})/.exec(body)![1];
      expect(html.split(sentence).length - 1, path).toBe(1);
      // A client navigation has no page to read it from: its data carries it.
      const data = await fetch(server.url + path + ".data", { headers: { "Accept-Language": "es" } });
      expect(data.status).toBe(200);
      expect(await data.text()).toContain(sentence);
    }
  });
});
