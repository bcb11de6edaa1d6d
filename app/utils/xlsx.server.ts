import ExcelJS from "exceljs";
import { sheetNameProblem } from "../domain/sheet-names";
import { attachment } from "./export-filename";

/**
 * The one XLSX writer of the staff exports. Cells are typed by their column, so a
 * spreadsheet neither guesses nor runs them: text stays text (a phone keeps its "+",
 * a name starting with "=" is never a formula), numbers are numbers, dates are dates.
 */
export type SheetCell = string | number | Date | null | undefined;
export type SheetColumnKind = "text" | "number" | "percent" | "date" | "datetime" | "month";

export interface SheetColumn {
  label: string;
  kind: SheetColumnKind;
}

export interface Sheet {
  name: string;
  /** A bold first line above the header (reports with several tables). */
  title?: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** A bold last row. */
  total?: SheetCell[];
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const DATE_FORMAT: Record<string, string> = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm", month: "yyyy-mm" };
const LOCAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T](\d{2}):(\d{2}))?$/;

/**
 * "2026-03-12", "2026-03-12 10:00" or "2026-03": a local date or time as written in the CSV.
 * Spreadsheet dates have no time zone, so the wall-clock fields are stored as they read.
 */
function localDateCell(value: string): Date | null {
  const m = LOCAL_DATE.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

/**
 * XML turns a carriage return into a line feed, so OOXML writes it as `_x000D_` (and
 * a literal `_xHHHH_` with its underscore escaped); readers such as Excel decode both.
 */
function ooxmlText(value: string): string {
  return value.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
}

function typedValue(value: SheetCell, kind: SheetColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date || typeof value === "number") return value;
  if (kind in DATE_FORMAT) return localDateCell(value) ?? ooxmlText(value);
  return ooxmlText(value);
}

/**
 * Sheet names come whole from `app/domain/sheet-names.ts`; one Excel would refuse or repair is a bug
 * to fix there, never a name to cut mid-word.
 */
function checkedSheetName(name: string, taken: Set<string>): string {
  const problem = sheetNameProblem(name);
  if (problem) throw new Error(`Sheet name ${JSON.stringify(name)}: ${problem}`);
  if (taken.has(name.toLowerCase())) throw new Error(`Sheet name ${JSON.stringify(name)} used twice`);
  taken.add(name.toLowerCase());
  return name;
}

export async function toXlsx(title: string, sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Minka";
  workbook.title = title;
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(checkedSheetName(sheet.name, taken));
    if (sheet.title) worksheet.addRow([sheet.title]).font = { bold: true, size: 14 };
    worksheet.addRow(sheet.columns.map((c) => c.label)).font = { bold: true };
    if (!sheet.title) worksheet.views = [{ state: "frozen", ySplit: 1 }];
    const add = (cells: SheetCell[]) => {
      const row = worksheet.addRow(sheet.columns.map((column, i) => typedValue(cells[i], column.kind)));
      row.eachCell((cell, col) => {
        if (cell.value instanceof Date)
          cell.numFmt = DATE_FORMAT[sheet.columns[col - 1]?.kind ?? ""] ?? DATE_FORMAT.datetime;
      });
      return row;
    };
    for (const cells of sheet.rows) add(cells);
    if (sheet.total) add(sheet.total).font = { bold: true };
    sheet.columns.forEach((column, index) => {
      const col = worksheet.getColumn(index + 1);
      col.width = column.kind === "text" ? 36 : 16;
      if (column.kind === "percent") col.numFmt = "0.0%";
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function xlsxResponse(filename: string, body: Buffer): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": attachment(filename),
    },
  });
}
