import type { LoaderFunctionArgs } from "@remix-run/node";
import { localDateTime } from "../domain/workshop-input";
import { recordAudit } from "../models/audit.server";
import { exportFilename } from "../utils/export-filename";
import { listRegistrations } from "../models/registration.server";
import { getTranslator } from "../utils/locale.server";
import { downloadFormat, tableDownload } from "../utils/spreadsheet-download.server";
import type { SheetColumnKind } from "../utils/xlsx.server";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { sheetName } from "../domain/sheet-names";
import type { T } from "../i18n/keys";

const COLUMNS: Array<[key: string, kind: SheetColumnKind]> = [
  ["name", "text"],
  ["email", "text"],
  ["phone", "text"],
  ["sex", "text"],
  ["birthYear", "number"],
  ["cooperative", "text"],
  ["status", "text"],
  ["method", "text"],
  ["registeredAt", "datetime"],
  ["position", "number"],
];

/** `/staff/workshops/:id/registrations.csv` (`?format=xlsx`: the workbook): everyone who registered. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const { t } = await getTranslator(request);
  const format = downloadFormat(request);
  // Keys built at run time (and `common.sexes`, whose "other" key the key type reads as a plural).
  const tr = t as (key: string) => string;
  const rows = await listRegistrations(db, workshop.id);
  await recordAudit(db, {
    actorAccountId: user.accountId,
    action: "workshop.registrations.export",
    subjectType: "workshop",
    subjectId: workshop.id,
    details: { rows: rows.length, format },
  });
  return tableDownload(format, exportFilename(t, "registrations", { subject: workshop.title, ext: format }), {
    name: sheetName("registrations", t as T),
    columns: COLUMNS.map(([key, kind]) => ({ label: tr(`workshops.csv.${key}`), kind })),
    rows: rows.map((r) => [
      r.fullName,
      r.email,
      r.phone,
      tr(`common.sexes.${r.sex}`),
      r.birthYear,
      r.cooperative,
      tr(`workshops.registrationStatus.${r.status}`),
      tr(`workshops.staff.methods.${r.method}`),
      // Local time of the workshop, as the staff page shows it.
      localDateTime(r.created_at, workshop.timezone).replace("T", " "),
      r.position,
    ]),
  });
}
