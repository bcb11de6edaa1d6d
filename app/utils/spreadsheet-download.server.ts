import { csvResponse, toExcelCsv } from "./csv.server";
import { toXlsx, xlsxResponse, type Sheet, type SheetCell } from "./xlsx.server";

/**
 * Every staff export is one table with two renderings: `?format=xlsx` gives the
 * typed workbook, anything else the CSV for Excel (formula-leading cells neutralised).
 */
export type DownloadFormat = "csv" | "xlsx";

export function downloadFormat(request: Request): DownloadFormat {
  return new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
}

function csvValue(cell: SheetCell): string | number | null | undefined {
  return cell instanceof Date ? cell.toISOString() : cell;
}

/**
 * `filename` from `exportFilename`, with `format` as its extension. `moreSheets` go only into the
 * workbook: a CSV holds one table.
 */
export async function tableDownload(
  format: DownloadFormat,
  filename: string,
  sheet: Sheet,
  moreSheets: Sheet[] = [],
): Promise<Response> {
  if (format === "xlsx") return xlsxResponse(filename, await toXlsx(sheet.name, [sheet, ...moreSheets]));
  return csvResponse(
    filename,
    toExcelCsv(
      sheet.columns.map((c) => c.label),
      sheet.rows.map((row) => row.map(csvValue)),
    ),
  );
}
