import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTENDANCE_FIXTURES } from "../support/attendance-fixtures";
import { logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server.stop();
});

async function logInWithoutJavaScript(email: string): Promise<Page> {
  const browser = await openBrowser({ javaScriptEnabled: false });
  browsers.push(browser);
  browser.page.setDefaultTimeout(15_000);
  await logInThroughForm(browser.page, server.url + "/login", email, server.url + "/");
  return browser.page;
}

/** Whether the page says "hora de Lima", and whether it shows the raw "America/Lima" outside form fields. */
async function zoneNames(page: Page): Promise<{ lima: boolean; raw: boolean }> {
  const text = await page.locator("main").innerText();
  return { lima: text.includes("hora de Lima"), raw: text.includes("America/Lima") };
}

describe("a session across midnight", () => {
  it("is created through the form without JavaScript, takes a Zoom report whose joins cross midnight, and belongs to its local start date", async () => {
    const page = await logInWithoutJavaScript("facilitadora@minka.test");
    const title = "Cierre de mes de noche";
    await page.goto(server.url + "/staff/workshops/new");
    await page.getByLabel("Título").fill(title);
    await page.getByLabel("Estado").selectOption("published");
    await page.locator('input[name="session-0-date"]').fill("2030-03-12");
    await page.locator('input[name="session-0-start"]').fill("23:30");
    await page.locator('input[name="session-0-end"]').fill("00:45");
    // A second row whose end equals its start is refused with its own message, and the input is kept.
    await page.locator('input[name="session-1-date"]').fill("2030-03-19");
    await page.locator('input[name="session-1-start"]').fill("10:00");
    await page.locator('input[name="session-1-end"]').fill("10:00");
    // The attendance rule is set here, and may not be longer than the shortest session (75 minutes).
    await page.getByLabel("Minutos para contar como asistencia").fill("90");
    await page.getByRole("button", { name: "Guardar el taller" }).click();
    await expect
      .poll(() => page.getByText("La hora de fin es igual a la de inicio.", { exact: false }).count())
      .toBe(1);
    expect(await page.locator('input[name="session-0-end"]').inputValue()).toBe("00:45");
    await page.getByLabel("Minutos para contar como asistencia").fill("60");
    await page.locator('input[name="session-1-date"]').fill("");
    await page.locator('input[name="session-1-start"]').fill("");
    await page.locator('input[name="session-1-end"]').fill("");
    await expect.poll(() => page.getByText("La sesión más corta dura 75 minutos.", { exact: false }).count()).toBe(1);
    await page.getByRole("button", { name: "Guardar el taller" }).click();
    await page.waitForURL(/\/staff\/workshops\/\d+\?saved=1$/);
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(page.url())![1]);

    const [session] = server.query<{ id: number; starts_at: string; ends_at: string }>(
      "select id, starts_at, ends_at from workshop_session where workshop_id = ?",
      workshopId,
    );
    // Lima is UTC−5: 23:30 on the 12th to 00:45 on the 13th, 75 minutes.
    expect(session).toMatchObject({ starts_at: "2030-03-13T04:30:00.000Z", ends_at: "2030-03-13T05:45:00.000Z" });

    // The edit form shows the same times back.
    await page.goto(`${server.url}/staff/workshops/${workshopId}/edit`);
    expect(await page.locator('input[name="session-0-date"]').inputValue()).toBe("2030-03-12");
    expect(await page.locator('input[name="session-0-end"]').inputValue()).toBe("00:45");

    // A Zoom report whose joins run past midnight: Rosa's two joins, 27 + 42 minutes, and a guest who came early.
    await page.goto(`${server.url}/staff/workshops/${workshopId}/sessions/${session.id}/import`);
    await page
      .getByLabel("Archivo del informe")
      .setInputFiles(`${ATTENDANCE_FIXTURES}/zoom-meeting-across-midnight.csv`);
    // Every attendance page names the time zone as the workshop pages do.
    expect(await zoneNames(page)).toEqual({ lima: true, raw: false });
    await page.getByRole("button", { name: "Revisar el informe" }).click();
    await page.getByRole("heading", { name: "Revisar el informe antes de guardar" }).waitFor();
    expect(await page.getByText(/otra fecha|another date/i).count()).toBe(0);
    // Zenobia is unknown: nobody is added as new unless staff say so, here with the button for the rest.
    await page.getByRole("button", { name: "Añadir a la persona restante como nueva" }).click();
    await page.getByRole("heading", { name: /^Asistencia: Cierre de mes de noche/ }).waitFor();
    expect(
      server.query<{ person: string; minutes: number | null }>(
        "select p.full_name as person, a.minutes_online as minutes from attendance a join person p on p.id = a.person_id where a.session_id = ? order by p.full_name",
        session.id,
      ),
    ).toEqual([
      { person: "Rosa Quispe Mamani", minutes: 69 },
      // Joined at 23:20, ten minutes early, left at 00:10: only the 40 minutes within the session count.
      { person: "Zenobia Ccahuana Yupanqui", minutes: 40 },
    ]);

    expect(await zoneNames(page)).toEqual({ lima: true, raw: false });
    await page.goto(`${server.url}/staff/workshops/${workshopId}/sessions/${session.id}/roll-call`);
    expect(await zoneNames(page)).toEqual({ lima: true, raw: false });
    await page.goto(`${server.url}/staff/workshops/${workshopId}`);
    expect(await zoneNames(page)).toEqual({ lima: true, raw: false });
    expect(await page.getByText("al menos 60 minutos", { exact: false }).count()).toBe(1);
    await page.goto(`${server.url}/workshops/${workshopId}`);
    expect(await page.getByText("se conecta al menos 60 minutos", { exact: false }).count()).toBe(1);

    // The reach report dates the session by its local start date, the 12th.
    await page.goto(`${server.url}/reports`);
    await expect
      .poll(
        () =>
          server.query<{ local_date: string }>("select local_date from workshop_session where id = ?", session.id)[0],
      )
      .toEqual({ local_date: "2030-03-12" });
  }, 90_000);
});
