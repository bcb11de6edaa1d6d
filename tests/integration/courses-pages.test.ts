import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../app/content/build.server";
import { compileCount } from "../../app/content/compile.server";
import { defaultContentPaths } from "../../app/content/load.server";
import { action as lessonAction, loader as lessonLoader } from "../../app/routes/courses.$course.$lesson";
import { loader as courseLoader } from "../../app/routes/courses.$course._index";
import { loader as catalogLoader } from "../../app/routes/courses._index";
import { loader as adminContentLoader } from "../../app/routes/admin.content";
import { getDb } from "../../app/utils/db.server";
import { makeAccount } from "../../db/factories";
import type { Role } from "../../db/schema";
import { formRequest, getRequest, sessionCookie, settle } from "../support/requests";
import { ROOT, TEST_TMP } from "../support/paths";

type Params = Record<string, string>;
const catalog = async (query = "", cookie?: string) =>
  (await catalogLoader({ request: getRequest(`/courses${query}`, cookie), params: {}, context: {} })).courses;
// Without the server's documentHtml in the context, as for a data request: the data carries the HTML.
const lessonPage = async (params: Params, query = "", cookie?: string) => {
  const data = await lessonLoader({
    request: getRequest(`/courses/${params.course}/${params.lesson}${query}`, cookie),
    params,
    context: {},
  });
  return { ...data, html: data.html ?? "" };
};

const cookies: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  const paths = { ...defaultContentPaths(ROOT), cacheDir: path.join(TEST_TMP, "content-cache") };
  const summary = await buildContent(await getDb(), paths);
  expect(summary.problems).toEqual([]);
  for (const role of ["member", "facilitator", "manager", "admin"] as const) {
    cookies[role] = await sessionCookie((await makeAccount({ role })).accountId);
  }
});

describe("serving courses", () => {
  it("renders every lesson from stored code and never compiles on a request", async () => {
    const before = compileCount();
    const courses = await catalog();
    let lessons = 0;
    for (const course of courses) {
      const { course: page } = await courseLoader({
        request: getRequest(`/courses/${course.slug}`),
        params: { course: course.slug },
        context: {},
      });
      for (const lesson of page.lessons) {
        const { html } = await lessonPage({ course: course.slug, lesson: lesson.slug });
        expect(html.length, lesson.slug).toBeGreaterThan(200);
        lessons++;
      }
    }
    expect(lessons).toBeGreaterThanOrEqual(20);
    expect(compileCount()).toBe(before);
  });

  it("renders author components: callout, term, key points, table, download with its size", async () => {
    const { html } = await lessonPage({ course: "finanzas-basicas", lesson: "registros" });
    expect(html).toContain('<aside class="callout callout-note">');
    expect(html).toContain("<table>");
    expect(html).toContain('<section class="key-points"><h2>Ideas clave</h2>');
    expect(html).toMatch(
      /<a href="\/course-files\/finanzas-basicas\/cuaderno-de-cuentas.csv\?v=[0-9a-f]{12}" download="" class="button">Descargar: Cuaderno de cuentas/,
    );
    expect(html).toContain("CSV, 1 kB");
    const glossary = await lessonPage({ course: "finanzas-basicas", lesson: "costos" });
    expect(glossary.html).toContain("<dt><dfn>Costo fijo</dfn></dt>");
  });

  it("answers 404 for an unknown course or lesson", async () => {
    const course = await settle(() =>
      courseLoader({ request: getRequest("/courses/no-existe"), params: { course: "no-existe" }, context: {} }),
    );
    expect((course as Response).status).toBe(404);
    const lesson = await settle(() => lessonPage({ course: "finanzas-basicas", lesson: "no-existe" }));
    expect((lesson as Response).status).toBe(404);
  });

  it("shows a draft course only to admins, whatever the role", async () => {
    const db = await getDb();
    await db.updateTable("course").set({ published: 0 }).where("slug", "=", "cadenas-transparentes").execute();
    try {
      for (const viewer of [undefined, "member", "facilitator", "manager"] as const) {
        const cookie = viewer && cookies[viewer];
        expect(
          (await catalog("", cookie)).map((c) => c.slug),
          viewer,
        ).not.toContain("cadenas-transparentes");
        const page = await settle(() =>
          courseLoader({
            request: getRequest("/courses/cadenas-transparentes", cookie),
            params: { course: "cadenas-transparentes" },
            context: {},
          }),
        );
        expect((page as Response).status, viewer).toBe(404);
        const lesson = await settle(() =>
          lessonPage({ course: "cadenas-transparentes", lesson: "cultivos-nativos" }, "", cookie),
        );
        expect((lesson as Response).status, viewer).toBe(404);
      }
      const admin = await catalog("", cookies.admin);
      expect(admin.find((c) => c.slug === "cadenas-transparentes")?.published).toBe(false);
      const page = await lessonPage({ course: "cadenas-transparentes", lesson: "cultivos-nativos" }, "", cookies.admin);
      expect(page.lesson.title).toBe("Biodiversidad y cultivos nativos");
    } finally {
      await db.updateTable("course").set({ published: 1 }).where("slug", "=", "cadenas-transparentes").execute();
    }
  });

  it("searches titles, summaries and lesson text, accents aside, and filters by language and topic", async () => {
    expect((await catalog("?q=estafas")).map((c) => c.slug)).toEqual(["vender-en-linea-seguro"]);
    // "quorum" is only inside a lesson, written "Quórum".
    expect((await catalog("?q=quorum")).map((c) => c.slug).sort()).toEqual([
      "que-es-una-cooperativa",
      "what-is-a-cooperative",
    ]);
    expect((await catalog("?language=en")).map((c) => c.slug)).toEqual(["what-is-a-cooperative"]);
    expect((await catalog("?topic=finance")).map((c) => c.slug)).toEqual(["finanzas-basicas"]);
    expect((await catalog("?q=quorum&language=es")).map((c) => c.slug)).toEqual(["que-es-una-cooperativa"]);
    expect(await catalog("?q=astronauta")).toEqual([]);
    expect((await catalog("?q=%22%29(*")).length).toBe(0);
  });

  it("grades a quiz sent without JavaScript and shows the feedback of each chosen answer", async () => {
    const path = "/courses/que-es-una-cooperativa/principios";
    const sent = await lessonAction({
      request: formRequest(path, { intent: "quiz", q0: "0", q1: "1" }),
      params: { course: "que-es-una-cooperativa", lesson: "principios" },
      context: {},
    });
    expect(sent.status).toBe(302);
    const location = sent.headers.get("Location")!;
    expect(location).toBe(`${path}?graded=1&q0=0&q1=1#quiz`);
    const { html } = await lessonPage(
      { course: "que-es-una-cooperativa", lesson: "principios" },
      location.slice(path.length).replace(/#.*/, ""),
    );
    expect(html).toContain("Acertó 0 de 2 preguntas.");
    expect(html).toContain("Correcto. Es el segundo principio.");
    expect(html).toContain("No. Pedir parentesco sería una forma de cerrar la puerta.");
    expect(html).toMatch(/<input type="radio" name="q1" checked="" value="1"\/>/);
  });

  it("remembers the data-saver video choice in a cookie and serves the smaller file", async () => {
    const params = { course: "vender-en-linea-seguro", lesson: "fotos-que-venden" };
    const first = await lessonPage(params);
    expect(first.html).toContain('preload="none"');
    expect(first.html).toMatch(
      /<source src="\/videos\/fotos-que-venden\/fotos-que-venden.webm\?v=[0-9a-f]{12}" type="video\/webm"\/>/,
    );
    expect(first.html).toMatch(
      /<track kind="captions" src="\/videos\/fotos-que-venden\/subtitulos.es.vtt\?v=[0-9a-f]{12}" srcLang="es" label="Español" default=""\/>/,
    );
    expect(first.html).toContain("Leer el texto del video");

    const saved = await lessonAction({
      request: formRequest("/courses/vender-en-linea-seguro/fotos-que-venden", {
        intent: "video-quality",
        quality: "low",
      }),
      params,
      context: {},
    });
    const cookie = saved.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^minka_video_quality=low;.*HttpOnly/);
    const low = await lessonPage(params, "", cookie.split(";")[0]);
    expect(low.html).toMatch(
      /<source src="\/videos\/fotos-que-venden\/fotos-que-venden-ahorro.webm\?v=[0-9a-f]{12}" type="video\/webm"\/>/,
    );
    expect(low.html).not.toContain("fotos-que-venden.mp4");
  });

  it("lists content problems for admins only", async () => {
    for (const role of ["member", "facilitator", "manager"] as const) {
      const denied = await settle(() =>
        adminContentLoader({ request: getRequest("/admin/content", cookies[role]), params: {}, context: {} }),
      );
      expect((denied as Response).status, role).toBe(403);
    }
    const anonymous = await settle(() =>
      adminContentLoader({ request: getRequest("/admin/content"), params: {}, context: {} }),
    );
    expect((anonymous as Response).status).toBe(302);
    expect(
      await adminContentLoader({ request: getRequest("/admin/content", cookies.admin), params: {}, context: {} }),
    ).toEqual({ problems: [], texts: expect.any(Object) });
  });
});
