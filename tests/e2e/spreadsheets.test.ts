import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateTime } from "../../app/domain/workshop-input";
import type { MessageKey } from "../../app/i18n/keys";
import { translatorFor } from "../../app/i18n/translator.server";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The workbooks staff download, read back with a spreadsheet library (exceljs): whole sheet
 * names within Excel's 31 characters, dates as date cells written like the CSV's, and totals
 * equal to the figures on the page the file was downloaded from.
 */
const t = translatorFor("es");
let server: TestServer;
const cookies: Record<string, string> = {};
let workshopId = 0;

beforeAll(async () => {
  server = await startTestServer();
  cookies.manager = await logIn(server, "gestora@minka.test");
  cookies.facilitator = await logIn(server, "facilitadora@minka.test");
  // A workshop of the demo facilitator with the most attendance marks in sessions already held.
  [{ id: workshopId }] = server.query<{ id: number }>(
    `select w.id from workshop w
       join workshop_facilitator f on f.workshop_id = w.id
       join account a on a.id = f.account_id and a.email = 'facilitadora@minka.test'
       join workshop_session s on s.workshop_id = w.id
       join attendance at on at.session_id = s.id
     where s.starts_at < ? group by w.id order by count(*) desc limit 1`,
    new Date().toISOString(),
  );
}, 120_000);
afterAll(() => server.stop());

async function download(path: string, role: string) {
  const response = await fetch(server.url + path, { headers: { Cookie: cookies[role] } });
  expect(response.status, path).toBe(200);
  return response;
}

async function workbook(path: string, role: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await download(path, role)).arrayBuffer());
  return book;
}

/** A sheet's rows as arrays of cells (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1))));
  return rows;
}

/** "1.234" or "1,234" as the page shows it: the number. */
const count = (text: string) => Number(text.replace(/\D/g, ""));

/** Wall-clock fields of a date cell (spreadsheet dates have no zone), as the CSV writes them. */
const cellText = (date: Date, withTime: boolean) =>
  date
    .toISOString()
    .slice(0, withTime ? 16 : 10)
    .replace("T", " ");

describe("spreadsheets read back", () => {
  it("the report workbook: one whole, short name per sheet, dates as date cells, totals equal to the page", async () => {
    const path = "/reports/export?period=all&format=xlsx";
    const book = await workbook(path, "manager");
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      "Resumen",
      "Talleres",
      "Por sexo",
      "Por edad",
      "Por edad (financiadores)",
      "Por país",
      "Por región",
      "Por cooperativa",
      "Por modalidad",
      "Primera vez, por mes",
      "Cursos",
      "Calidad de los datos",
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);

    // Each sheet still carries the table's full title in its first line.
    expect(book.getWorksheet("Por edad (financiadores)")!.getCell("A1").value).toBe(t("reports.tables.byFunderAge"));

    const workshops = rowsOf(book.getWorksheet("Talleres")!);
    const header = workshops[1].map((cell) => cell.value);
    const first = header.indexOf(t("reports.tables.firstDate"));
    const last = header.indexOf(t("reports.tables.lastDate"));
    const rows = workshops.slice(2, -1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const cell of [row[first], row[last]]) {
        expect(cell.type).toBe(ExcelJS.ValueType.Date);
        expect(cell.numFmt).toBe("yyyy-mm-dd");
      }
    }
    const months = rowsOf(book.getWorksheet("Primera vez, por mes")!).slice(2, -1);
    for (const row of months) expect(row[0].type).toBe(ExcelJS.ValueType.Date);

    // The CSV writes the same dates the same way.
    const csv = parse(await (await download("/reports/export?period=all&format=csv", "manager")).text(), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    const csvHeader = csv.findIndex((row) => row.includes(t("reports.tables.firstDate")));
    expect(csv[csvHeader + 1][first]).toBe(cellText(rows[0][first].value as Date, false));

    const page = await (await download("/reports?period=all", "manager")).text();
    const figure = (name: string) => {
      const match = new RegExp(`data-figure="${name}"><dt>[^<]+</dt><dd>([^<]+)</dd>`).exec(page);
      expect(match, name).not.toBeNull();
      return count(match![1]);
    };
    const summary = rowsOf(book.getWorksheet("Resumen")!);
    const value = (key: MessageKey) => summary.find((row) => row[0].value === t(key))?.[1].value;
    expect(value("reports.headline.unique")).toBe(figure("unique"));
    expect(value("reports.headline.workshops")).toBe(figure("workshops"));
    expect(value("reports.headline.participations")).toBe(figure("participations"));
    expect(value("reports.headline.registered")).toBe(figure("registered"));
    const total = workshops.at(-1)!;
    expect(total[0].value).toBe(t("reports.tables.total"));
    expect(total[header.indexOf(t("reports.tables.registered"))].value).toBe(figure("registered"));
    expect(total[header.indexOf(t("reports.tables.attended"))].value).toBe(figure("participations"));
    expect(total[header.indexOf(t("reports.tables.walkIns"))].value).toBe(figure("walk-ins"));
    // Every person counted once per breakdown: its total is the unique people reached.
    expect(rowsOf(book.getWorksheet("Por sexo")!).at(-1)![1].value).toBe(figure("unique"));
  });

  it("the attendance workbook: people and sessions, session starts as date cells, totals equal to the page", async () => {
    const base = `/staff/workshops/${workshopId}`;
    const book = await workbook(`${base}/attendance.csv?format=xlsx`, "facilitator");
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Asistencia por persona", "Asistencia por sesión"]);

    const sessions = rowsOf(book.getWorksheet("Asistencia por sesión")!);
    const header = sessions[0].map((cell) => cell.value);
    const held = server.query<{ starts_at: string; timezone: string }>(
      "select s.starts_at, w.timezone from workshop_session s join workshop w on w.id = s.workshop_id where w.id = ? order by s.starts_at, s.id",
      workshopId,
    );
    const body = sessions.slice(1, -1);
    expect(body).toHaveLength(held.length);
    body.forEach((row, i) => {
      expect(row[0].type).toBe(ExcelJS.ValueType.Date);
      expect(row[0].numFmt).toBe("yyyy-mm-dd hh:mm");
      // The session's start on the workshop's clock.
      const local = localDateTime(held[i].starts_at, held[i].timezone).replace("T", " ");
      expect(cellText(row[0].value as Date, true)).toBe(local);
    });

    const page = await (await download(`${base}/attendance`, "facilitator")).text();
    const overall = /<dl class="counts">(.*?)<\/dl>/s.exec(page)![1];
    const figures = [...overall.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)];
    expect(figures.length).toBeGreaterThan(5);
    const total = sessions.at(-1)!;
    expect(total[0].value).toBe(t("attendance.summary.overall"));
    for (const [, label, shown] of figures) {
      const column = header.indexOf(label);
      expect(column, label).toBeGreaterThan(0);
      expect(total[column].value, label).toBe(count(shown));
    }
    expect(count(figures[1][2])).toBeGreaterThan(0);
  });

  it("the registrations workbook and CSV write a registration's time the same way", async () => {
    const base = `/staff/workshops/${workshopId}/registrations.csv`;
    const sheet = rowsOf((await workbook(`${base}?format=xlsx`, "facilitator")).worksheets[0]);
    expect(sheet).not.toHaveLength(0);
    const csv = parse(await (await download(base, "facilitator")).text(), { bom: true }) as string[][];
    const column = csv[0].indexOf(t("workshops.csv.registeredAt"));
    expect(column).toBeGreaterThanOrEqual(0);
    expect(csv.length).toBe(sheet.length);
    for (let i = 1; i < csv.length; i++) {
      expect(csv[i][column]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(sheet[i][column].type).toBe(ExcelJS.ValueType.Date);
      expect(cellText(sheet[i][column].value as Date, true)).toBe(csv[i][column]);
    }
    expect(sheet[0][0].worksheet.name).toBe("Inscripciones");
  });
});
