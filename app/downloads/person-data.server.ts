import { exportAsRows, exportPersonData, type PersonDataExport } from "../models/privacy.server";
import { csvResponse, toExcelCsv } from "../utils/csv.server";
import { getDb } from "../utils/db.server";
import { attachment } from "../utils/export-filename";
import { toXlsx, xlsxResponse, type SheetCell } from "../utils/xlsx.server";

const HEADER = ["table", "record", "field", "value"];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The export's rows with their stored types: numbers stay numbers, stored instants (UTC) become date cells. */
function typedRows(data: PersonDataExport): SheetCell[][] {
  return Object.entries(data).flatMap(([table, records]) =>
    records.flatMap((record, index) =>
      Object.entries(record).map(([field, value]): SheetCell[] => {
        const cell = typeof value === "number" ? value : value == null ? null : String(value);
        return [table, index + 1, field, typeof cell === "string" && INSTANT.test(cell) ? new Date(cell) : cell];
      }),
    ),
  );
}

/**
 * A download of everything stored about a person: JSON, a CSV spreadsheet, or an XLSX workbook.
 * `filename` names it for its extension (`exportFilename`: "mis-datos" for oneself, "datos-persona" for staff).
 */
export async function personDataDownload(
  personId: number,
  format: string | null,
  filename: (ext: "json" | "csv" | "xlsx") => string,
): Promise<Response> {
  const data = await exportPersonData(await getDb(), personId);
  if (format === "csv") {
    return csvResponse(filename("csv"), toExcelCsv(HEADER, exportAsRows(data)));
  }
  if (format === "xlsx") {
    const sheet = {
      name: "Minka",
      columns: HEADER.map((label, i) => ({ label, kind: i === 1 ? ("number" as const) : ("text" as const) })),
      rows: typedRows(data),
    };
    return xlsxResponse(filename("xlsx"), await toXlsx(filename("xlsx").replace(/\.xlsx$/, ""), [sheet]));
  }
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(filename("json")),
    },
  });
}
