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
 * Everyone registered or seen, with each session's mark and minutes (hand corrections shown, with their reason),
 * whether they attended (by the rule) and their outcome, in the attendance page's words (`attendeeOutcome`).
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
    { label: t("attendance.summary.csv.outcome"), kind: "text" },
  ];
  const yesNo = (value: boolean) => t(value ? "attendance.summary.csv.yes" : "attendance.summary.csv.no");
  /** What counts for that session: a hand correction (with its reason) wins over the roll-call mark. */
  const sessionCell = (mark: (typeof summary.people)[number]["marks"][number]) => {
    if (!mark) return "";
    const status = mark.correctedStatus ?? mark.status;
    const shown = status ? t(`attendance.rollCall.statuses.${status}`) : yesNo(mark.attended);
    return mark.correctionReason
      ? `${shown} (${t("attendance.summary.csv.correctedByHand", { reason: mark.correctionReason })})`
      : shown;
  };
  const rows = summary.people.map((p) => [
    p.fullName,
    p.email,
    p.phone,
    t(`attendance.summary.registrationStatuses.${p.registrationStatus ?? "none"}`),
    // The minutes that count: set by hand, else imported.
    ...p.marks.flatMap((mark) => [sessionCell(mark), mark ? (mark.correctedMinutes ?? mark.minutesOnline) : null]),
    yesNo(p.attended),
    t(`attendance.summary.outcomes.${p.outcome}`),
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
