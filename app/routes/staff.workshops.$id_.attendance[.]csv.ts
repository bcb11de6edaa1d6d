import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "../models/audit.server";
import { summarizeWorkshopAttendance } from "../models/attendance-summary.server";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { localDate } from "../utils/dates";
import { exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { downloadFormat, tableDownload } from "../utils/spreadsheet-download.server";
import type { Sheet, SheetColumn } from "../utils/xlsx.server";
import { sheetName } from "../domain/sheet-names";
import { timeZoneName } from "../domain/workshop-display";
import { localDateTime } from "../domain/workshop-input";
import type { T } from "../i18n/keys";
import type { AttendanceCounts } from "../models/attendance-summary.server";

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
  const tr = t as T;
  return tableDownload(
    format,
    exportFilename(t, "attendance", { subject: workshop.title, ext: format }),
    { name: sheetName("attendance-people", tr), columns, rows },
    [sessionSheet(summary, workshop.timezone, tr)],
  );
}

/** The counts of the attendance page, in its order. */
const COUNTS = [
  "registered",
  "attended",
  "walkIns",
  "noShows",
  "belowMinimum",
  "neverCame",
  "ignored",
] as const satisfies ReadonlyArray<keyof AttendanceCounts>;
/** The page shows "—" for these before a session has begun: the cell stays empty. */
const NOT_YET = new Set<(typeof COUNTS)[number]>(["noShows", "belowMinimum", "neverCame"]);

/**
 * The workbook's second sheet: the attendance page's table by session (each start a date cell on the
 * workshop's clock) and, last, the whole workshop's counts as the page shows them.
 */
function sessionSheet(summary: Awaited<ReturnType<typeof summarizeWorkshopAttendance>>, timeZone: string, t: T): Sheet {
  return {
    name: sheetName("attendance-sessions", t),
    columns: [
      { label: `${t("attendance.summary.sessionColumn")} (${timeZoneName(t, timeZone)})`, kind: "datetime" },
      ...COUNTS.map((count): SheetColumn => ({ label: t(`attendance.summary.${count}`), kind: "number" })),
    ],
    rows: summary.sessions.map((s) => [
      localDateTime(s.startsAt, timeZone).replace("T", " "),
      ...COUNTS.map((count) => (NOT_YET.has(count) && !s.started ? null : s[count])),
    ]),
    total: [t("attendance.summary.overall"), ...COUNTS.map((count) => summary.overall[count])],
  };
}
