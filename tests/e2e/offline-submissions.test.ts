import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, logInThroughForm, openBrowser } from "../support/browser";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Completions and quiz answers that wait for a connection (issue #20, item 4; docs/decisions/037):
 * the server accepts each client id once; the lesson page keeps them offline and sends them later.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

function accountOf(email: string) {
  return server.query<{ id: number; person_id: number }>("select id, person_id from account where email = ?", email)[0];
}

function completions(personId: number, courseSlug: string, lessonSlug: string) {
  return server.query<{ method: string }>(
    `select lc.method from lesson_completion lc join lesson l on l.id = lc.lesson_id join course c on c.id = l.course_id
     where lc.person_id = ? and c.slug = ? and l.slug = ?`,
    personId,
    courseSlug,
    lessonSlug,
  );
}

function post(path: string, cookie: string, fields: Record<string, string> | string[][]) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * The browser reports the failed requests of the offline minutes, and Remix logs its route
 * discovery (for links that appear on the page) failing then; nothing else may go wrong.
 */
const unexpectedProblems = (problems: string[]) =>
  problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|^Failed to fetch manifest patches/.test(problem));

describe("the server accepts each client id once (HTTP)", () => {
  it("a completion posted twice with one client id: one completion, the same redirect", async () => {
    const cookie = await logIn(server, "facilitadora@minka.test");
    const me = accountOf("facilitadora@minka.test");
    const clientId = crypto.randomUUID();
    const form = {
      course: "finanzas-basicas",
      lesson: "costos",
      method: "manual",
      redirectTo: "/courses/finanzas-basicas/costos",
      clientId,
      account: String(me.id),
    };
    const first = await post("/learning/complete", cookie, form);
    const second = await post("/learning/complete", cookie, form);
    for (const response of [first, second]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/courses/finanzas-basicas/costos");
    }
    expect(completions(me.person_id, "finanzas-basicas", "costos")).toEqual([{ method: "manual" }]);
    expect(
      server.query("select kind from client_submission where account_id = ? and client_id = ?", me.id, clientId),
    ).toEqual([{ kind: "completion" }]);
  });

  it("quiz answers posted twice with one client id: one completion, and the first grading again", async () => {
    const cookie = await logIn(server, "facilitadora@minka.test");
    const me = accountOf("facilitadora@minka.test");
    const clientId = crypto.randomUUID();
    const path = "/courses/que-es-una-cooperativa/que-es";
    const answers = (q0: string) => [
      ["intent", "quiz"],
      ["q0", q0],
      ["q1", "0"],
      ["clientId", clientId],
      ["account", String(me.id)],
    ];
    const first = await post(path, cookie, answers("0"));
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`${path}?graded=1&q0=0&q1=0#quiz`);
    // The same sending again, even with other answers: the first grading stands.
    const again = await post(path, cookie, answers("1"));
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(`${path}?graded=1&q0=0&q1=0#quiz`);
    expect(completions(me.person_id, "que-es-una-cooperativa", "que-es")).toEqual([{ method: "quiz" }]);
    // A new sending (new id) is graded as it is.
    const other = await post(path, cookie, [...answers("1").slice(0, 3), ["clientId", crypto.randomUUID()]]);
    expect(other.headers.get("Location")).toBe(`${path}?graded=1&q0=1&q1=0#quiz`);
  });

  it("refuses a malformed client id (400) and another account's pending item (409), writing nothing", async () => {
    const cookie = await logIn(server, "gestora@minka.test");
    const me = accountOf("gestora@minka.test");
    const other = accountOf("facilitadora@minka.test");
    const form = { course: "finanzas-basicas", lesson: "precios", method: "manual", redirectTo: "/" };
    const before = server.query("select count(*) as n from client_submission");
    const malformed = await post("/learning/complete", cookie, { ...form, clientId: "not-a-uuid" });
    expect([malformed.status, malformed.headers.get("Location")]).toEqual([400, null]);
    const foreign = await post("/learning/complete", cookie, {
      ...form,
      clientId: crypto.randomUUID(),
      account: String(other.id),
    });
    expect([foreign.status, foreign.headers.get("Location")]).toEqual([409, null]);
    const quiz = await post("/courses/que-es-una-cooperativa/que-es", cookie, [
      ["intent", "quiz"],
      ["q0", "0"],
      ["q1", "0"],
      ["clientId", crypto.randomUUID()],
      ["account", String(other.id)],
    ]);
    expect(quiz.status).toBe(409);
    expect(completions(me.person_id, "finanzas-basicas", "precios")).toEqual([]);
    expect(completions(me.person_id, "que-es-una-cooperativa", "que-es")).toEqual([]);
    expect(server.query("select count(*) as n from client_submission")).toEqual(before);
  });
});

/** Lesson pages load their scripts on first use (decision 034): use the page, then wait for them. */
async function hydrated(page: Page) {
  await page.mouse.move(20, 20);
  await page.mouse.wheel(0, 10);
  await expect
    .poll(() => page.evaluate(() => typeof (window as unknown as { __remixRouter?: object }).__remixRouter), {
      timeout: 30_000,
    })
    .toBe("object");
}

describe("the lesson page keeps them while offline (Chromium, JavaScript on)", () => {
  it("a completion pressed offline is pending, then sent once when the connection returns", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page, context } = browser;
    const me = accountOf("socia@minka.test");
    const lesson = "/courses/que-es-una-cooperativa/gobierno-democratico";
    try {
      await logInThroughForm(
        page,
        `${server.url}/login?redirectTo=${encodeURIComponent(lesson)}`,
        "socia@minka.test",
        `${server.url}${lesson}`,
      );
      await hydrated(page);
      // The demo member has not started this course: the completion enrols her (decision 009).
      expect(await page.locator(".lesson-outline .progress-text").count()).toBe(0);

      await context.setOffline(true);
      await page.getByRole("button", { name: "He terminado esta lección" }).click();
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "Se enviará cuando tenga conexión." }).isVisible(), {
          timeout: 20_000,
        })
        .toBe(true);
      expect(await page.getByRole("button", { name: "He terminado esta lección" }).count()).toBe(0);
      expect(completions(me.person_id, "que-es-una-cooperativa", "gobierno-democratico")).toEqual([]);
      expect(await accessibilityViolations(page)).toEqual([]);

      await context.setOffline(false);
      await expect
        .poll(() => completions(me.person_id, "que-es-una-cooperativa", "gobierno-democratico"), { timeout: 30_000 })
        .toEqual([{ method: "manual" }]);
      await expect
        .poll(() => page.getByText("Usted terminó esta lección.").isVisible(), { timeout: 30_000 })
        .toBe(true);
      expect(await page.locator(".lesson-outline .progress-text").innerText()).toContain("1 de 4");
      expect(await page.getByText("Se enviará cuando tenga conexión.").count()).toBe(0);
      expect(completions(me.person_id, "que-es-una-cooperativa", "gobierno-democratico")).toHaveLength(1);
      expect(unexpectedProblems(browser.problems)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("quiz answers lost on the way are kept across a reload, sent on the next load, graded, and complete the course once", async () => {
    const browser = await openBrowser({ javaScriptEnabled: true });
    const { page } = browser;
    const me = accountOf("socia@minka.test");
    const path = "/courses/que-es-una-cooperativa/derechos-y-deberes";
    // The connection drops under the quiz's post; the page itself still loads.
    const dropPosts = (route: import("playwright-core").Route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue();
    try {
      // The two lessons before, done online: this quiz (with the lesson of the test before) ends the course.
      const cookie = await logIn(server, "socia@minka.test");
      for (const lesson of ["que-es", "principios"]) {
        const fields = { course: "que-es-una-cooperativa", lesson, method: "manual", redirectTo: "/" };
        expect((await post("/learning/complete", cookie, fields)).status).toBe(302);
      }
      await logInThroughForm(
        page,
        `${server.url}/login?redirectTo=${encodeURIComponent(path)}`,
        "socia@minka.test",
        `${server.url}${path}`,
      );
      await page.route(`${server.url}${path}`, dropPosts);
      await hydrated(page);
      await page.getByLabel("Votar en la asamblea y ser elegida como dirigente.").check();
      await page.getByLabel("Pedir información sobre las cuentas.").check();
      await page.getByLabel("Pagar sus aportes a tiempo.").check();
      await page.getByRole("button", { name: "Revisar mis respuestas" }).click();
      const pendingQuiz = "Sus respuestas se enviarán cuando tenga conexión.";
      await expect.poll(() => page.getByText(pendingQuiz).isVisible(), { timeout: 20_000 }).toBe(true);

      await page.reload();
      await hydrated(page);
      await expect.poll(() => page.getByText(pendingQuiz).isVisible(), { timeout: 20_000 }).toBe(true);
      expect(completions(me.person_id, "que-es-una-cooperativa", "derechos-y-deberes")).toEqual([]);

      await page.unroute(`${server.url}${path}`, dropPosts);
      await page.reload();
      await hydrated(page);
      await expect
        .poll(() => completions(me.person_id, "que-es-una-cooperativa", "derechos-y-deberes"), { timeout: 30_000 })
        .toEqual([{ method: "quiz" }]);
      await expect
        .poll(() => page.getByText("Usted terminó esta lección.").isVisible(), { timeout: 30_000 })
        .toBe(true);
      await page.getByRole("link", { name: "Ver el resultado" }).click();
      await expect.poll(() => page.getByText("Acertó 2 de 2 preguntas.").isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await page.getByText(pendingQuiz).count()).toBe(0);

      // As if sent once: the course is complete, with one certificate.
      expect(
        server.query(
          `select count(*) as n from certificate ce join course c on c.id = ce.course_id
           where ce.person_id = ? and c.slug = 'que-es-una-cooperativa'`,
          me.person_id,
        ),
      ).toEqual([{ n: 1 }]);
      expect(completions(me.person_id, "que-es-una-cooperativa", "derechos-y-deberes")).toHaveLength(1);
      expect(unexpectedProblems(browser.problems)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
