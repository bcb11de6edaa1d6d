import { localDateTime } from "../domain/workshop-input";
import { exportPersonData, type PersonDataExport } from "../models/privacy.server";
import { DEFAULT_TIME_ZONE } from "../utils/dates";
import { csvResponse, toExcelCsv } from "../utils/csv.server";
import { getDb } from "../utils/db.server";
import { attachment } from "../utils/export-filename";
import { toXlsx, xlsxResponse, type SheetCell } from "../utils/xlsx.server";

const HEADER = ["table", "record", "field", "value"];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A stored instant (UTC) as every export writes a time: "YYYY-MM-DD HH:mm" on the programme's clock
 * (America/Lima, docs/decisions/029). The JSON keeps the stored ISO 8601 instants, for programs.
 */
function localInstant(iso: string): string {
  return localDateTime(iso, DEFAULT_TIME_ZONE).replace("T", " ");
}

/** The export as rows of table, record number, field, value: numbers stay numbers, instants become local times. */
function exportRows(data: PersonDataExport): Array<[string, number, string, string | number | null]> {
  return Object.entries(data).flatMap(([table, records]) =>
    records.flatMap((record, index) =>
      Object.entries(record).map(([field, value]): [string, number, string, string | number | null] => {
        const cell = typeof value === "number" ? value : value == null ? null : String(value);
        return [table, index + 1, field, typeof cell === "string" && INSTANT.test(cell) ? localInstant(cell) : cell];
      }),
    ),
  );
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** The same rows for the workbook: a local time is a date cell (its wall clock, as spreadsheets have no zone). */
function typedRows(data: PersonDataExport): SheetCell[][] {
  return exportRows(data).map(([table, record, field, value]) => [
    table,
    record,
    field,
    typeof value === "string" && LOCAL_TIME.test(value) ? new Date(`${value.replace(" ", "T")}:00Z`) : value,
  ]);
}
/**
 * A download of everything stored about a person: JSON, a CSV spreadsheet, or an XLSX workbook.
 * `filename` names it for its extension (`exportFilename`: "mis-datos" for oneself, "datos-persona" for staff);
 * `sheet` names the workbook's sheet (`sheetName("person-data", t)`).
 */
export async function personDataDownload(
  personId: number,
  format: string | null,
  filename: (ext: "json" | "csv" | "xlsx") => string,
  sheet: string,
): Promise<Response> {
  const data = await exportPersonData(await getDb(), personId);
  if (format === "csv") {
    return csvResponse(filename("csv"), toExcelCsv(HEADER, exportRows(data)));
  }
  if (format === "xlsx") {
    const table = {
      name: sheet,
      columns: HEADER.map((label, i) => ({ label, kind: i === 1 ? ("number" as const) : ("text" as const) })),
      rows: typedRows(data),
    };
    return xlsxResponse(filename("xlsx"), await toXlsx(filename("xlsx").replace(/\.xlsx$/, ""), [table]));
  }
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(filename("json")),
    },
  });
}
