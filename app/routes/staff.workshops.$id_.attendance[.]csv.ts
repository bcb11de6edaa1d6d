import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "../models/audit.server";
import { summarizeWorkshopAttendance } from "../models/attendance-summary.server";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { localDate } from "../utils/dates";
import { exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { downloadFormat, tableDownload } from "../utils/spreadsheet-download.server";
import type { SheetColumn } from "../utils/xlsx.server";

/**
 * Everyone registered or seen, with each session's mark and minutes and whether they attended (by the rule).
 * `?format=xlsx`: the same table as a workbook.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const { t } = await getTranslator(request);
  const format = downloadFormat(request);
  const summary = await summarizeWorkshopAttendance(db, workshop.id);
  const dates = summary.sessions.map((s) => localDate(s.startsAt, workshop.timezone));
  const columns: SheetColumn[] = [
    { label: t("attendance.summary.csv.name"), kind: "text" },
    { label: t("attendance.summary.csv.email"), kind: "text" },
    { label: t("attendance.summary.csv.phone"), kind: "text" },
    { label: t("attendance.summary.csv.registration"), kind: "text" },
    ...dates.flatMap((date): SheetColumn[] => [
      { label: t("attendance.summary.csv.session", { date }), kind: "text" },
      { label: t("attendance.summary.csv.minutes", { date }), kind: "number" },
    ]),
    { label: t("attendance.summary.csv.attendedWorkshop"), kind: "text" },
  ];
  const yesNo = (value: boolean) => t(value ? "attendance.summary.csv.yes" : "attendance.summary.csv.no");
  const rows = summary.people.map((p) => [
    p.fullName,
    p.email,
    p.phone,
    t(`attendance.summary.registrationStatuses.${p.registrationStatus ?? "none"}`),
    ...p.marks.flatMap((mark) => [
      mark?.status ? t(`attendance.rollCall.statuses.${mark.status}`) : mark ? yesNo(mark.attended) : "",
      mark?.minutesOnline ?? null,
    ]),
    yesNo(p.attended),
  ]);
  await recordAudit(db, {
    actorAccountId: user.accountId,
    action: "workshop.attendance.export",
    subjectType: "workshop",
    subjectId: workshop.id,
    details: { format },
  });
  return tableDownload(format, exportFilename(t, "attendance", { subject: workshop.title, ext: format }), {
    name: t("attendance.nav.summary"),
    columns,
    rows,
  });
}
