import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../app/i18n/messages.server";
import { openBrowser, type TestBrowser } from "../support/browser";
import { logIn } from "../support/log-in";
import { TEST_TMP } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The printed reach report (/reports/print) as Chromium prints it to PDF: every bar of a chart
 * says whose it is in full, and no page ends with a heading whose content went to the next page.
 */
const PRINT = "/reports/print?period=fy-2023";
// Two workshops whose names differ only after a long common beginning.
const TITLES = [
  "Taller: Comercialización asociativa del café de altura (Cusco)",
  "Taller: Comercialización asociativa del café de altura (Puno)",
];

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer();
  const db = new SQLite(server.databaseFile);
  const attended = db
    .prepare(
      "select distinct s.workshop_id as id from workshop_session s join attendance a on a.session_id = s.id join workshop w on w.id = s.workshop_id where w.status = 'published' and s.starts_at >= '2022-10-02' and s.starts_at < '2023-09-30' order by s.workshop_id limit 2",
    )
    .all() as Array<{ id: number }>;
  expect(attended).toHaveLength(2);
  attended.forEach(({ id }, index) => db.prepare("update workshop set title = ? where id = ?").run(TITLES[index], id));
  db.close();
  const cookie = await logIn(server, "gestora@minka.test");
  browser = await openBrowser({ javaScriptEnabled: false, viewport: { width: 1024, height: 768 } });
  const [name, value] = cookie.split("=");
  await browser.context.addCookies([{ name, value, url: server.url }]);
  const response = await browser.page.goto(server.url + PRINT);
  expect(response?.status()).toBe(200);
  await browser.page.emulateMedia({ media: "print" });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server.stop();
});

describe("the printed report", () => {
  it("names every workshop's bar in full, so two workshops with a long common beginning are told apart", async () => {
    const chartTitle = messages.es.reports.charts.perWorkshop;
    const chart = await browser.page.evaluate((title) => {
      const figure = [...document.querySelectorAll("figure")].find((f) => f.querySelector("h3")?.textContent === title);
      if (!figure) return null;
      const text = (nodes: Iterable<Element>) => [...nodes].map((n) => (n.textContent ?? "").trim());
      return {
        // What is printed beside each bar (not the tooltip <title>, which paper does not show).
        bars: [...figure.querySelectorAll("svg g")].map((g) =>
          text(g.querySelectorAll(".reach-chart-label")).join(" "),
        ),
        legend: text(figure.querySelectorAll(".reach-chart-legend li")),
      };
    }, chartTitle);
    expect(chart, "the chart of workshops").not.toBeNull();
    expect(new Set(chart!.bars).size, `bars: ${chart!.bars.join(" | ")}`).toBe(chart!.bars.length);
    for (const title of TITLES) expect([...chart!.bars, ...chart!.legend]).toContain(title);
  });

  it("leaves no heading alone at the bottom of a page", async () => {
    const headings = await browser.page.evaluate(() =>
      [...document.querySelectorAll("main h1, main h2, main h3")].map((h) =>
        (h.textContent ?? "").replace(/\s+/g, " ").trim(),
      ),
    );
    const file = path.join(TEST_TMP, `report-print-${process.pid}.pdf`);
    await browser.page.pdf({ path: file, format: "A4", printBackground: true });
    try {
      const pages = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f");
      const printed = pages.filter((page) => page.trim());
      expect(printed.length, "the report takes several pages").toBeGreaterThan(3);
      const alone = printed.slice(0, -1).flatMap((page, index) => {
        const lines = page
          .split("\n")
          .map((line) => line.replace(/\s+/g, " ").trim())
          .filter(Boolean);
        const last = lines.at(-1) ?? "";
        // A heading may wrap: its last line is then the end of the heading.
        const heading = headings.find((h) => h === last || h.endsWith(` ${last}`));
        return heading ? [`page ${index + 1} ends with «${heading}»`] : [];
      });
      expect(alone).toEqual([]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
