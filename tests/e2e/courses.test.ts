import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, openBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("courses in the browser", () => {
  it("goes from the catalog to a course and a lesson, and takes a quiz, in Spanish with JavaScript off", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    const { page } = browser;
    try {
      await page.goto(server.url + "/courses");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Cursos");

      // Search with the plain GET form.
      await page.getByLabel("Buscar cursos").fill("estafas");
      await page.getByRole("button", { name: "Buscar" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe("1 curso");
      expect(await page.getByRole("link", { name: "Vender por internet, con seguridad" }).isVisible()).toBe(true);
      await page.getByRole("link", { name: "Quitar filtros" }).click();

      await page.getByRole("link", { name: "¿Qué es una cooperativa?" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("¿Qué es una cooperativa?");
      expect(await page.getByText("Tiempo total: 49 minutos").isVisible()).toBe(true);

      await page.getByRole("link", { name: "Empezar el curso" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Una empresa de sus socios");
      expect(await page.getByText("Lección 1 de 4").isVisible()).toBe(true);

      // The self-check: one right and one wrong answer, sent without JavaScript.
      await page.getByLabel("Las personas socias, todas juntas.").check();
      await page.getByLabel("Un voto por cada aporte que haya pagado.").check();
      await page.getByRole("button", { name: "Revisar mis respuestas" }).click();
      await expect.poll(() => page.getByText("Acertó 1 de 2 preguntas.").isVisible()).toBe(true);
      expect(await page.getByText("Así funciona una sociedad anónima, no una cooperativa.").isVisible()).toBe(true);
      expect(await page.getByLabel("Las personas socias, todas juntas.").isChecked()).toBe(true);

      await page.getByRole("link", { name: /Siguiente: Los siete principios cooperativos/ }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("Los siete principios cooperativos");

      await page.goto(server.url + "/courses/que-es-una-cooperativa/no-existe");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("No encontramos esta página");
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("offers the English course to an English browser, with JavaScript off", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false, locale: "en-US" });
    const { page } = browser;
    try {
      await page.goto(server.url + "/courses");
      await page.getByLabel("Course language").selectOption("en");
      await page.getByRole("button", { name: "Search" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe("1 course");
      await page.getByRole("link", { name: "What is a cooperative?" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("What is a cooperative?");
      await page.getByRole("link", { name: "The seven cooperative principles" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("The seven cooperative principles");
      expect(await page.getByText("Lesson 2 of 4").isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "Key points" }).isVisible()).toBe(true);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("has no accessibility violations on the catalog, a course and a lesson with a graded quiz", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    try {
      for (const path of [
        "/courses",
        "/courses/finanzas-basicas",
        "/courses/que-es-una-cooperativa/principios?graded=1&q0=0&q0=2&q1=1",
      ]) {
        await page.goto(server.url + path);
        expect(await accessibilityViolations(page), path).toEqual([]);
      }
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("plays the video lesson with captions, loading no video before play", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    const mediaRequests: string[] = [];
    page.on("request", (request) => {
      // Addresses carry ?v=<content hash>: the file name is the path's.
      const { pathname } = new URL(request.url());
      if (/\.(webm|mp4)$/.test(pathname)) mediaRequests.push(pathname);
    });
    try {
      await page.goto(server.url + "/courses/vender-en-linea-seguro/fotos-que-venden");
      expect(await page.getByText("Tamaño del video: 146 kB").isVisible()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(mediaRequests).toEqual([]);

      const video = page.locator("video");
      await video.evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        return v.play();
      });
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0), {
          timeout: 15_000,
        })
        .toBe(true);
      expect(mediaRequests.some((url) => url.endsWith("/fotos-que-venden.webm"))).toBe(true);
      const captions = await video.evaluate(async (v: HTMLVideoElement) => {
        const track = v.textTracks[0]!;
        for (let i = 0; i < 50 && !track.cues?.length; i++) await new Promise((r) => setTimeout(r, 100));
        return { language: track.language, mode: track.mode, first: (track.cues?.[0] as VTTCue | undefined)?.text };
      });
      expect(captions).toEqual({
        language: "es",
        mode: "showing",
        first: "Una buena foto vende más que muchas palabras.",
      });
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
