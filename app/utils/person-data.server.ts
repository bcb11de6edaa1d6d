import { exportAsRows, exportPersonData } from "../models/privacy.server";
import { csvResponse, toExcelCsv } from "./csv.server";

/** A download of everything stored about a person, as JSON or as a CSV spreadsheet. */
export async function personDataDownload(personId: number, format: string | null): Promise<Response> {
  const data = await exportPersonData(personId);
  const name = `minka-datos-persona-${personId}`;
  if (format === "csv") {
    return csvResponse(`${name}.csv`, toExcelCsv(["table", "record", "field", "value"], exportAsRows(data)));
  }
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.json"`,
    },
  });
}
