import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

const COURSE = "/courses/que-es-una-cooperativa";
const LESSONS = 4;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function signUp(browser: TestBrowser, fullName: string, email: string) {
  const { page } = browser;
  await page.goto(server.url + "/signup");
  await page.getByLabel("Nombre completo").fill(fullName);
  await page.getByLabel("Correo electrónico o celular").fill(email);
  await page.getByLabel("Contraseña").fill("quinua-y-cafe");
  await page.getByLabel("Acepto que Minka use mis datos para esto.").check();
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await page.waitForURL(server.url + "/");
}

/** The text of a PDF as poppler's pdftotext reads it (installed by .ci/run). */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

for (const javaScriptEnabled of [false, true]) {
  describe(`learning with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("enrols, completes every lesson, sees 100 %, downloads the certificate and verifies it", async () => {
      const browser = await openBrowser({ javaScriptEnabled });
      const { page } = browser;
      const fullName = javaScriptEnabled ? "Añelina Peña Ibáñez" : "Ñusta Quispe Año";
      try {
        await signUp(browser, fullName, `aprendiz-${javaScriptEnabled ? "js" : "nojs"}@minka.test`);
        await page.goto(server.url + COURSE);
        await page.getByRole("button", { name: "Inscribirme" }).click();
        await expect.poll(() => page.getByText("Ya se inscribió en este curso.").isVisible()).toBe(true);
        expect(await page.getByText("Lleva 0 de 4 lecciones obligatorias: 0 %").isVisible()).toBe(true);

        await page.getByRole("link", { name: /^Empezar:/ }).click();
        for (let done = 1; done <= LESSONS; done++) {
          await expect.poll(() => page.getByText("Cómo se completa esta lección").isVisible()).toBe(true);
          await page.getByRole("button", { name: "He terminado esta lección" }).click();
          await expect.poll(() => page.getByText("Usted terminó esta lección.").isVisible()).toBe(true);
          expect(await page.locator(".lesson-outline .progress-text").innerText()).toContain(`${done} de 4`);
          if (done < LESSONS) await page.getByRole("link", { name: /^Siguiente/ }).click();
        }
        await expect.poll(() => page.getByText("¡Terminó el curso! Ya tiene su certificado.").isVisible()).toBe(true);

        await page.goto(server.url + COURSE);
        expect(await page.getByText("Lleva 4 de 4 lecciones obligatorias: 100 %").isVisible()).toBe(true);
        if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);

        await page.goto(server.url + "/me/learning");
        await expect.poll(() => page.getByRole("heading", { name: "Cursos terminados" }).isVisible()).toBe(true);
        expect(await page.getByText("Lleva 4 de 4 lecciones obligatorias: 100 %").isVisible()).toBe(true);
        if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);

        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: /^Descargar certificado \(PDF\).*Qué es una cooperativa/ }).click(),
        ]);
        const file = await download.path();
        const bytes = fs.readFileSync(file);
        const pdf = await PDFDocument.load(bytes);
        expect(pdf.getTitle()).toBe(`Certificado de ${fullName}: ¿Qué es una cooperativa?`);
        const text = pdfText(file);
        expect(text).toContain(fullName);
        expect(text).toContain("¿Qué es una cooperativa?");
        const code = /MK(-[0-9A-Z]{4}){4}/.exec(text)?.[0];
        expect(code).toBeDefined();
        // The printed address is APP_URL (here its default, http://localhost:PORT), not the address the browser used.
        expect(text).toContain(`http://localhost:${new URL(server.url).port}/certificates/${code}`);

        await page.getByRole("link", { name: /^Página de verificación.*Qué es una cooperativa/ }).click();
        await expect.poll(() => page.getByRole("heading", { name: "Certificado válido" }).isVisible()).toBe(true);
        expect(page.url()).toBe(`${server.url}/certificates/${code}`);
        expect(await page.locator(".certificate-card").innerText()).toContain(fullName);
        if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
        expect(browser.problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
}

describe("learning pages for everyone", () => {
  it("says clearly when a certificate code is unknown, and keeps PDFs behind a login (HTTP)", async () => {
    const lookup = await fetch(`${server.url}/certificates?code=mk+0000+0000+0000+0000`, { redirect: "manual" });
    expect(lookup.status).toBe(302);
    expect(lookup.headers.get("Location")).toBe("/certificates/MK-0000-0000-0000-0000");
    const missing = await fetch(`${server.url}/certificates/MK-0000-0000-0000-0000`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("No encontramos ningún certificado con el código «MK-0000-0000-0000-0000»");
    const pdf = await fetch(`${server.url}/certificates/MK-0000-0000-0000-0000/pdf`, { redirect: "manual" });
    expect(pdf.status).toBe(302);
  });

  it("completes a video lesson by itself once 90 % has been watched (JavaScript on)", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    try {
      await signUp(browser, "Vidal Choque", "video@minka.test");
      await page.goto(server.url + "/courses/vender-en-linea-seguro/fotos-que-venden");
      expect(
        await page.getByText("Se completa sola cuando vea al menos el 90 % del video.", { exact: false }).isVisible(),
      ).toBe(true);
      await page.evaluate(() => {
        const video = document.querySelector("video")!;
        // Kept to check below that hydration and the revalidation after completing keep this element.
        (window as unknown as { playing: Element }).playing = video;
        video.muted = true;
        video.playbackRate = 16;
        return video.play();
      });
      await expect
        .poll(() => page.getByText("Vio el video: la lección quedó terminada.").isVisible(), { timeout: 30_000 })
        .toBe(true);
      await expect.poll(() => page.getByText("Usted terminó esta lección.").isVisible()).toBe(true);
      // The lesson body, read back from the page when hydrating, still holds the same video element.
      expect(
        await page.evaluate(
          () => document.querySelector(".lesson-body video") === (window as unknown as { playing: Element }).playing,
        ),
      ).toBe(true);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("lets a program manager see a course's learners, enrol one person and import a CSV", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    try {
      await page.goto(server.url + "/login");
      await page.getByLabel("Correo electrónico o celular").fill("gestora@minka.test");
      await page.getByLabel("Contraseña").fill("minka-demo-2026");
      await page.getByRole("button", { name: "Ingresar" }).click();
      await page.waitForURL(server.url + "/");
      await page.getByRole("link", { name: "Avance de cursos" }).click();
      await page.getByRole("link", { name: "Finanzas básicas para su cooperativa" }).click();
      await expect.poll(() => page.getByRole("heading", { name: /^Avance en/ }).isVisible()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Inscribir a una persona" }).click();
      await page.getByLabel("Nombre completo").fill("Eusebia Layme Condori");
      await page.getByLabel("Celular").fill("987 123 456");
      await page.getByLabel("La persona aceptó que Minka use sus datos para sus cursos.").check();
      await page.getByRole("button", { name: "Inscribir", exact: true }).click();
      await expect
        .poll(() => page.getByText("Listo: Eusebia Layme Condori tiene inscripción en el curso.").isVisible())
        .toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.goto(server.url + "/staff/enrolments/import");
      await page.getByLabel("Archivo CSV").setInputFiles({
        name: "lista.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("nombre;celular;curso\r\nFidel Huanca;987 555 001;finanzas-basicas\r\n", "latin1"),
      });
      await page.getByRole("button", { name: "Revisar el archivo" }).click();
      await expect
        .poll(() =>
          page
            .getByText("Las 1 filas están bien.", { exact: false })
            .or(page.getByText("La fila está bien.", { exact: false }))
            .isVisible(),
        )
        .toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page
        .getByLabel("Todas las personas del archivo aceptaron que Minka use sus datos para sus cursos.")
        .check();
      await page.getByRole("button", { name: "Inscribir a todas" }).click();
      await expect.poll(() => page.getByText("Listo: 1 inscripciones nuevas", { exact: false }).isVisible()).toBe(true);

      await page.goto(server.url + "/staff/courses/finanzas-basicas");
      expect(await page.getByRole("rowheader", { name: "Fidel Huanca" }).isVisible()).toBe(true);
      expect(await page.getByRole("rowheader", { name: "Eusebia Layme Condori" }).isVisible()).toBe(true);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
