import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function login(email: string): Promise<string> {
  const response = await fetch(server.url + "/login", {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier: email, password: "minka-demo-2026" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

describe("the reach report on the demo data", () => {
  it("downloads a CSV and an XLSX whose totals match the page", async () => {
    const cookie = await login("gestora@minka.test");
    const page = await (await fetch(server.url + "/reports?period=fy-2023", { headers: { Cookie: cookie } })).text();
    expect(page).toMatch(/data-figure="unique"><dt>[^<]+<\/dt><dd>910<\/dd>/);
    expect(page).toMatch(/data-figure="workshops"><dt>[^<]+<\/dt><dd>6<\/dd>/);
    const csv = await fetch(server.url + "/reports/export?format=csv&period=fy-2023", { headers: { Cookie: cookie } });
    expect(csv.headers.get("Content-Disposition")).toContain("alcance-2022-10-01-2023-09-30.csv");
    const text = await csv.text();
    expect(text).toContain("Personas únicas alcanzadas,910\r\n");
    expect(text).toContain("Talleres realizados,6\r\n");
    const xlsx = await fetch(server.url + "/reports/export?format=xlsx&period=fy-2023", { headers: { Cookie: cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const rows = workbook.getWorksheet("Resumen")!.getSheetValues() as unknown[][];
    expect(rows.find((row) => row?.[1] === "Personas únicas alcanzadas")?.[2]).toBe(910);
    const bySex = workbook.getWorksheet("Por sexo")!.getSheetValues() as unknown[][];
    expect(bySex.find((row) => row?.[1] === "Total")?.[2]).toBe(910);
  });

  it("shows a facilitator only the workshops they facilitate", async () => {
    const cookie = await login("facilitadora@minka.test");
    const response = await fetch(server.url + "/reports?period=fy-2023", { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const mine of ["Finanzas para la cooperativa", "Comercializar mejor nuestro café", "Planificar el año que viene"]) expect(html).toContain(mine);
    for (const theirs of ["Liderazgo de mujeres cooperativistas", "Contabilidad básica paso a paso", "Buen gobierno en la asamblea"]) expect(html).not.toContain(theirs);
    expect(html).toMatch(/data-figure="workshops"><dt>[^<]+<\/dt><dd>3<\/dd>/);
    const member = await fetch(server.url + "/reports", { headers: { Cookie: await login("socia@minka.test") }, redirect: "manual" });
    expect(member.status).toBe(403);
  });
});
