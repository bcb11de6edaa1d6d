import fs from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

let server: TestServer;
const browsers: TestBrowser[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server.stop();
});

describe("the reach report on the demo data", () => {
  it("a manager chooses FY 2023 in Chromium without JavaScript, sees 6 workshops and 910 people, and downloads a CSV with the same totals", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    browsers.push(browser);
    const { page } = browser;
    page.setDefaultTimeout(15_000);
    await logInThroughForm(page, server.url + "/login?redirectTo=/reports", "gestora@minka.test", /\/reports/);

    await page.getByLabel("Período").selectOption({ label: "Año fiscal 2023 (1 oct 2022 – 30 sep 2023)" });
    await page.getByRole("button", { name: "Ver informe" }).click();
    await page.waitForURL(/period=fy-2023/);
    const figure = (name: string) => page.locator(`[data-figure="${name}"] dd`).textContent();
    expect(await figure("unique")).toBe("910");
    expect(await figure("workshops")).toBe("6");
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^minka-alcance-2022-10-01-2023-09-30-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Personas únicas alcanzadas,910\r\n");
    expect(csv).toContain("Talleres realizados,6\r\n");
    // A browser flow of several pages: 60 s was too short on a loaded 2-core CI machine.
  }, 120_000);

  it("downloads a CSV and an XLSX whose totals match the page", async () => {
    const cookie = await logIn(server, "gestora@minka.test");
    const page = await (await fetch(server.url + "/reports?period=fy-2023", { headers: { Cookie: cookie } })).text();
    expect(page).toMatch(/data-figure="unique"><dt>[^<]+<\/dt><dd>910<\/dd>/);
    expect(page).toMatch(/data-figure="workshops"><dt>[^<]+<\/dt><dd>6<\/dd>/);
    const csv = await fetch(server.url + "/reports/export?format=csv&period=fy-2023", { headers: { Cookie: cookie } });
    expect(csv.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="minka-alcance-2022-10-01-2023-09-30-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await csv.text();
    expect(text).toContain("Personas únicas alcanzadas,910\r\n");
    expect(text).toContain("Talleres realizados,6\r\n");
    const xlsx = await fetch(server.url + "/reports/export?format=xlsx&period=fy-2023", {
      headers: { Cookie: cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const rows = workbook.getWorksheet("Resumen")!.getSheetValues() as unknown[][];
    expect(rows.find((row) => row?.[1] === "Personas únicas alcanzadas")?.[2]).toBe(910);
    const bySex = workbook.getWorksheet("Por sexo")!.getSheetValues() as unknown[][];
    expect(bySex.find((row) => row?.[1] === "Total")?.[2]).toBe(910);
  });

  it("shows a facilitator only the workshops they facilitate", async () => {
    const cookie = await logIn(server, "facilitadora@minka.test");
    const response = await fetch(server.url + "/reports?period=fy-2023", { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const mine of [
      "Finanzas para la cooperativa",
      "Comercializar mejor nuestro café",
      "Planificar el año que viene",
    ])
      expect(html).toContain(mine);
    for (const theirs of [
      "Liderazgo de mujeres cooperativistas",
      "Contabilidad básica paso a paso",
      "Buen gobierno en la asamblea",
    ])
      expect(html).not.toContain(theirs);
    expect(html).toMatch(/data-figure="workshops"><dt>[^<]+<\/dt><dd>3<\/dd>/);
    const member = await fetch(server.url + "/reports", {
      headers: { Cookie: await logIn(server, "socia@minka.test") },
      redirect: "manual",
    });
    expect(member.status).toBe(403);
  });
});
