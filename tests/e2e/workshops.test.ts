import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { accessibilityViolations, openBrowser, type TestBrowser } from "../support/browser";
import { startServerWithMail, type ServerWithMail } from "../support/mail-server";
import type { TestServer } from "../support/server";
import type { MailCatcher } from "../support/smtp";

let both: ServerWithMail;
let server: TestServer;
let smtp: MailCatcher;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  both = await startServerWithMail({ outboxIntervalMs: 1000 });
  ({ server, smtp } = both);
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await both?.stop();
});

async function logIn(email: string, javaScriptEnabled: boolean): Promise<Page> {
  const browser = await openBrowser({ javaScriptEnabled });
  browsers.push(browser);
  const { page } = browser;
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + "/login");
  await page.getByLabel("Correo electrónico o celular").fill(email);
  await page.getByLabel("Contraseña").fill("minka-demo-2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await page.waitForURL(server.url + "/");
  return page;
}

async function expectNoViolations(page: Page) {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

describe("workshops end to end", () => {
  it("a facilitator schedules a workshop; members register (JS off), get e-mail, wait, and are promoted", async () => {
    const title = "Cooperativas y cambio climático";
    const facilitator = await logIn("facilitadora@minka.test", true);

    // The facilitator creates a published workshop with two sessions.
    await facilitator.getByRole("link", { name: "Mis talleres" }).click();
    await expect
      .poll(() => facilitator.getByRole("heading", { level: 1, name: "Mis talleres" }).isVisible())
      .toBe(true);
    await expectNoViolations(facilitator);
    await facilitator.getByRole("link", { name: "Crear un taller" }).click();
    await expect
      .poll(() => facilitator.getByRole("heading", { level: 1, name: "Crear un taller" }).isVisible())
      .toBe(true);
    await expectNoViolations(facilitator);
    await facilitator.getByLabel("Título").fill(title);
    await facilitator.getByLabel("Estado").selectOption("published");
    await facilitator.getByLabel("Lugares (opcional)").fill("2");
    await facilitator.locator('input[name="session-0-date"]').fill("2030-03-12");
    await facilitator.locator('input[name="session-0-start"]').fill("10:00");
    await facilitator.locator('input[name="session-0-end"]').fill("12:00");
    await facilitator.locator('input[name="session-1-date"]').fill("2030-03-19");
    await facilitator.locator('input[name="session-1-start"]').fill("10:00");
    await facilitator.locator('input[name="session-1-end"]').fill("12:00");
    await facilitator.getByRole("button", { name: "Guardar el taller" }).click();
    await facilitator.waitForURL(/\/staff\/workshops\/\d+\?saved=1$/);
    const workshopId = Number(/\/staff\/workshops\/(\d+)/.exec(facilitator.url())![1]);
    await expect.poll(() => facilitator.getByRole("heading", { level: 1 }).textContent()).toBe(title);

    // A member registers with JavaScript off and receives the confirmation with a valid .ics.
    const member = await logIn("socia@minka.test", false);
    await member.getByRole("link", { name: "Talleres", exact: true }).click();
    await member.getByRole("link", { name: title }).click();
    await expect.poll(() => member.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
    expect(await member.getByText("martes, 12 de marzo de 2030, de 10:00 a 12:00 (hora de Lima)").isVisible()).toBe(
      true,
    );
    await member.getByRole("button", { name: "Inscribirme" }).click();
    await expect.poll(() => member.getByText("Usted tiene su lugar en este taller.").isVisible()).toBe(true);
    const confirmation = await smtp.waitFor((m) => m.subject === `Inscripción confirmada: ${title}`);
    expect(confirmation.to && !Array.isArray(confirmation.to) ? confirmation.to.text : "").toBe("socia@minka.test");
    const ics = confirmation.attachments.find((a) => a.contentType === "text/calendar")!.content.toString("utf8");
    const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines).toContain("DTSTART:20300312T150000Z");
    expect(lines).toContain("DTEND:20300319T170000Z");
    expect(lines.filter(Boolean).at(-1)).toBe("END:VCALENDAR");

    // axe needs JavaScript: check the public pages in the facilitator's browser.
    for (const path of ["/workshops", `/workshops/${workshopId}`]) {
      await facilitator.goto(server.url + path);
      await expectNoViolations(facilitator);
    }

    // The facilitator adds a walk-in without e-mail.
    await facilitator.goto(`${server.url}/staff/workshops/${workshopId}`);
    await facilitator.getByRole("link", { name: "Inscribir a una persona" }).click();
    await expect
      .poll(() => facilitator.getByRole("heading", { level: 1, name: "Inscribir a una persona" }).isVisible())
      .toBe(true);
    await expectNoViolations(facilitator);
    await facilitator.getByLabel("Nombre completo").fill("Eusebia Quispe Ttito");
    await facilitator.getByLabel("La persona me dio su permiso, de palabra, para guardar estos datos.").check();
    await facilitator.getByRole("button", { name: "Inscribir a la persona" }).click();
    await expect.poll(() => facilitator.getByText("Se inscribió a Eusebia Quispe Ttito.").isVisible()).toBe(true);
    expect(await facilitator.getByRole("row", { name: /Eusebia Quispe Ttito/ }).count()).toBe(1);
    await expectNoViolations(facilitator);

    // The workshop is now full: the next member goes on the waitlist.
    const next = await logIn("gestora@minka.test", false);
    await next.goto(`${server.url}/workshops/${workshopId}`);
    await next.getByRole("button", { name: "Anotarme en la lista de espera" }).click();
    await expect
      .poll(() => next.getByText(/Usted está en la lista de espera, en el puesto 1\./).isVisible())
      .toBe(true);

    // The first member cancels: the waiting member gets the seat and an e-mail.
    await member.goto(`${server.url}/workshops/${workshopId}`);
    await member.getByRole("button", { name: "Cancelar mi inscripción" }).click();
    await expect.poll(() => member.getByText("Usted canceló su inscripción.").isVisible()).toBe(true);
    const promotion = await smtp.waitFor((m) => m.subject === `Se liberó un lugar para usted: ${title}`);
    expect(promotion.to && !Array.isArray(promotion.to) ? promotion.to.text : "").toBe("gestora@minka.test");
    await next.reload();
    expect(await next.getByText("Usted tiene su lugar en este taller.").isVisible()).toBe(true);

    // The facilitator's CSV has everyone, with accents intact.
    const csv = await fetch(`${server.url}/staff/workshops/${workshopId}/registrations.csv`, {
      headers: { Cookie: (await facilitator.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFFNombre,")).toBe(true);
    expect(text).toContain("Eusebia Quispe Ttito");
    expect(text).toContain("Rosa Quispe Mamani");

    for (const browser of browsers) expect(browser.problems).toEqual([]);
  }, 120_000);
});
