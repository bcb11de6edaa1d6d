import ExcelJS from "exceljs";
import type { Cell, ReportColumn, ReportTable } from "../domain/reach-tables";
import { toExcelCsv } from "./csv.server";

/** Percentages are written as numbers of percent with one decimal, e.g. 66.7, under a "(%)" header. */
function csvCell(value: Cell, column: ReportColumn): string | number | null {
  if (value === null) return null;
  if (column.kind === "percent" && typeof value === "number") return Math.round(value * 1000) / 10;
  return value;
}

/** All tables in one CSV, one after the other: title, header, rows, total, a blank line. */
export function reportCsv(title: string, tables: ReportTable[]): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const table of tables) {
    rows.push([table.title]);
    rows.push(table.columns.map((c) => (c.kind === "percent" ? `${c.label} (%)` : c.label)));
    for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) rows.push(row.map((cell, i) => csvCell(cell, table.columns[i])));
    rows.push([]);
  }
  return toExcelCsv([title], rows);
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, " ").slice(0, 28).trim() || "Hoja";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** One sheet per table, numbers as numbers, percentages formatted as such, totals in bold. */
export async function reportXlsx(title: string, tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Minka";
  workbook.title = title;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken));
    sheet.addRow([table.title]).font = { bold: true, size: 14 };
    const header = sheet.addRow(table.columns.map((c) => c.label));
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    if (table.total) sheet.addRow(table.total).font = { bold: true };
    table.columns.forEach((column, index) => {
      const col = sheet.getColumn(index + 1);
      col.width = column.kind === "text" ? 36 : 16;
      if (column.kind === "percent") col.numFmt = "0.0%";
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
