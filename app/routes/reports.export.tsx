import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildReportTables } from "../domain/reach-tables";
import { csvResponse } from "../utils/csv.server";
import { exportFilename } from "../utils/export-filename";
import { reportCsv, reportXlsx } from "../utils/reach-export.server";
import { getTranslator } from "../utils/locale.server";
import { loadReachRequest } from "../reports/reach-request.server";
import { xlsxResponse } from "../utils/xlsx.server";
import type { T } from "../i18n/keys";

/** The report's tables as a download: `format=csv` (UTF-8 with BOM, for Excel) or `format=xlsx` (one sheet per table). */
export async function loader({ request }: LoaderFunctionArgs) {
  const format = new URL(request.url).searchParams.get("format");
  const { t } = await getTranslator(request);
  const { report, errors, filters } = await loadReachRequest(request);
  if (format !== "csv" && format !== "xlsx") return new Response("Unknown format: use csv or xlsx.", { status: 400 });
  if (!report)
    return new Response(errors.map((e) => t(e)).join("\n"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const tables = buildReportTables(report, t as T);
  const title = t("reports.title");
  const workshop = filters.workshopId ? `${t("downloads.kinds.workshop")}-${filters.workshopId}` : null;
  const filename = exportFilename(t, "reach", { subject: [report.from, report.to, workshop], ext: format });
  if (format === "csv") return csvResponse(filename, reportCsv(title, tables));
  return xlsxResponse(filename, await reportXlsx(title, tables, t as T));
}
