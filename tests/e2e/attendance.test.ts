import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTENDANCE_FIXTURES } from "../support/attendance-fixtures";
import { accessibilityViolations, logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
const browsers: TestBrowser[] = [];
let base = "";
let sessions: number[] = [];

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

beforeAll(async () => {
  server = await startTestServer();
  const [workshop] = query<{ id: number }>(
    "select id from workshop where title = 'Costos de producción para su cooperativa'",
  );
  base = `${server.url}/staff/workshops/${workshop.id}`;
  sessions = query<{ id: number }>(
    "select id from workshop_session where workshop_id = ? order by starts_at",
    workshop.id,
  ).map((s) => s.id);
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server.stop();
});

async function logIn(javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
  const browser = await openBrowser({ javaScriptEnabled });
  browsers.push(browser);
  const { page } = browser;
  page.setDefaultTimeout(15_000);
  await logInThroughForm(page, server.url + "/login", "facilitadora@minka.test", server.url + "/");
  return { page, problems: browser.problems };
}

async function expectNoViolations(page: Page) {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

const attendanceRows = (sessionId: number) =>
  query<{ person: string; status: string | null; minutes: number | null }>(
    "select p.full_name as person, a.status, a.minutes_online as minutes from attendance a join person p on p.id = a.person_id where a.session_id = ? order by p.full_name, p.id",
    sessionId,
  );

describe("attendance end to end", () => {
  it("a facilitator takes roll call on a phone without JavaScript, imports a Zoom report, resolves a probable match and sees the counts; the same file again changes nothing", async () => {
    const { page } = await logIn(false);
    const rollCall = `${base}/sessions/${sessions[0]}/roll-call`;
    await page.goto(rollCall);
    expect(page.viewportSize()?.width).toBe(390);
    await expectNoViolations(page);

    // The search box is a plain GET form.
    await page.getByLabel("Buscar por nombre").fill("juana");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect.poll(() => page.getByRole("group", { name: /Juana Flores/ }).count()).toBe(2);
    expect(await page.getByRole("group", { name: "Rosa Quispe Mamani" }).count()).toBe(0);
    await page.getByRole("link", { name: "Ver a todas las personas" }).click();

    await page.getByRole("group", { name: "Rosa Quispe Mamani" }).getByLabel("Presente").check();
    await page.getByRole("group", { name: "Marco Apaza" }).getByLabel("Ausente").check();
    await page.getByRole("button", { name: "Guardar la asistencia" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Se guardó la asistencia de 2 personas.");
    expect(await page.getByRole("group", { name: "Rosa Quispe Mamani" }).getByLabel("Presente").isChecked()).toBe(true);

    // Import the Zoom participants report: rejoins, a renamed guest, a phone dial-in, a host and a device.
    await page.getByRole("link", { name: "Importar informe de Zoom o Teams" }).click();
    await page.getByLabel("Archivo del informe").setInputFiles(`${ATTENDANCE_FIXTURES}/zoom-meeting-participants.csv`);
    await page.getByRole("button", { name: "Revisar el informe" }).click();
    await page.getByRole("heading", { name: "Revisar el informe antes de guardar" }).waitFor();
    await expectNoViolations(page);
    expect(attendanceRows(sessions[0]).map((r) => r.person)).toEqual(["Marco Apaza", "Rosa Quispe Mamani"]);

    // Two registered people are called Juana Flores: the facilitator chooses.
    await page
      .getByRole("group", { name: "¿Quién es Juana Flores?" })
      .getByLabel(/Es Juana Flores · con inscripción · Cooperativa Cafetalera Sur/)
      .check();
    await page
      .getByRole("group", { name: '¿Quién es Galaxy A12 de "Mamá"?' })
      .getByLabel(/No contar/)
      .check();
    // Anyone else the demo data makes uncertain is left out too.
    const undecided = page.locator("fieldset:has(input[type=radio]):not(:has(input:checked))");
    for (let i = await undecided.count(); i > 0; i--)
      await undecided
        .first()
        .getByLabel(/No contar/)
        .check();
    await page.getByRole("button", { name: "Guardar asistencia" }).click();

    await page.getByRole("heading", { name: /^Asistencia: Costos de producción/ }).waitFor();
    expect(await page.getByRole("status").first().textContent()).toMatch(/^Se guardó la asistencia de \d+ personas/);
    const overall = page.locator("section[aria-labelledby=overall] dl");
    const terms = await overall.locator("dt").allTextContents();
    const values = await overall.locator("dd").allTextContents();
    const figures = Object.fromEntries(terms.map((term, i) => [term.trim(), values[i]?.trim()]));
    expect(figures).toMatchObject({ "Personas inscritas": "6", Asistieron: "4", "Inscritas y no asistieron": "2" });
    expect(await page.getByText("al menos 30 minutos").count()).toBe(1);
    await expectNoViolations(page);

    const afterImport = attendanceRows(sessions[0]);
    expect(afterImport).toEqual(
      expect.arrayContaining([
        { person: "Rosa Quispe Mamani", status: "present", minutes: 88 },
        { person: "Teodoro Mamani Ccori", status: null, minutes: 77 },
        { person: "Juana Flores", status: null, minutes: 79 },
        { person: "Elena Choque", status: null, minutes: 50 },
        { person: "Marco Apaza", status: "absent", minutes: null },
      ]),
    );

    const importsBefore = query("select id from attendance_import order by id");
    // The same file again: recognised by its hash, nothing changes.
    await page.goto(`${base}/sessions/${sessions[0]}/import`);
    await page.getByLabel("Archivo del informe").setInputFiles(`${ATTENDANCE_FIXTURES}/zoom-meeting-participants.csv`);
    await page.getByRole("button", { name: "Revisar el informe" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/ya se importó para esta sesión .* No se cambió nada\./);
    expect(attendanceRows(sessions[0])).toEqual(afterImport);
    expect(query("select id from attendance_import order by id")).toEqual(importsBefore);
  }, 120_000);

  it("with JavaScript, each mark saves as it is tapped", async () => {
    const { page, problems } = await logIn(true);
    // Logged in from a visitor page: the header's staff link brings the staff texts along (client-side navigation).
    await page.getByRole("link", { name: "Avance de cursos" }).click();
    await page.getByRole("heading", { name: "Cursos: personas inscritas" }).waitFor();
    await page.goto(`${base}/sessions/${sessions[1]}/roll-call`);
    const elena = page.getByRole("group", { name: "Elena Choque" });
    await elena.getByText("Tarde").click();
    await elena.getByText("Guardado").waitFor();
    expect(attendanceRows(sessions[1])).toEqual([{ person: "Elena Choque", status: "late", minutes: null }]);
    expect(problems).toEqual([]);
  });
});
