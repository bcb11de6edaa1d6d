import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../auth/user.server";
import { TEMPLATE_EXAMPLE, TEMPLATE_HEADERS } from "../domain/roster";
import { downloadFormat, tableDownload } from "../utils/spreadsheet-download.server";

/**
 * `/staff/people/import/template.csv` (`?format=xlsx`: the workbook): the roster template, with
 * Spanish column titles (English ones are accepted too) and one example row.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "facilitator");
  const format = downloadFormat(request);
  return tableDownload(format, `plantilla-personas.${format}`, {
    name: "Personas",
    columns: TEMPLATE_HEADERS.map((label) => ({ label, kind: label === "Año de nacimiento" ? "number" : "text" })),
    rows: [TEMPLATE_EXAMPLE.map((cell, i) => (TEMPLATE_HEADERS[i] === "Año de nacimiento" ? Number(cell) : cell))],
  });
}
