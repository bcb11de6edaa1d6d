import type { Cell, CellKind, ReportColumn, ReportTable } from "../domain/reach-tables";
import { sheetName } from "../domain/sheet-names";
import type { T } from "../i18n/keys";
import { toExcelCsv } from "./csv.server";
import { toXlsx, type SheetColumnKind } from "./xlsx.server";

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
    for (const row of [...table.rows, ...(table.total ? [table.total] : [])])
      rows.push(row.map((cell, i) => csvCell(cell, table.columns[i])));
    rows.push([]);
  }
  return toExcelCsv([title], rows);
}

const SHEET_KIND: Record<CellKind, SheetColumnKind> = {
  text: "text",
  count: "number",
  percent: "percent",
  date: "date",
  month: "month",
};

/**
 * One sheet per table, named short and whole (the table's full title is its first line), numbers as
 * numbers, percentages formatted as such, dates as dates, totals in bold.
 */
export async function reportXlsx(title: string, tables: ReportTable[], t: T): Promise<Buffer> {
  return toXlsx(
    title,
    tables.map((table) => ({
      name: sheetName(table.id, t),
      title: table.title,
      columns: table.columns.map((c) => ({ label: c.label, kind: SHEET_KIND[c.kind] })),
      rows: table.rows,
      total: table.total,
    })),
  );
}
