import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "../models/audit.server";
import { summarizeWorkshopAttendance } from "../models/attendance-summary.server";
import { requireWorkshopAttendanceStaff } from "../utils/attendance-access.server";
import { csvResponse, toExcelCsv } from "../utils/csv.server";
import { localDate } from "../utils/dates";
import { getTranslator } from "../utils/locale.server";

/** Everyone registered or seen, with each session's mark and minutes and whether they attended (by the rule). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopAttendanceStaff(request, params);
  const { t } = await getTranslator(request);
  const summary = await summarizeWorkshopAttendance(db, workshop.id);
  const dates = summary.sessions.map((s) => localDate(s.startsAt, workshop.timezone));
  const header = [
    t("attendance.summary.csv.name"),
    t("attendance.summary.csv.email"),
    t("attendance.summary.csv.phone"),
    t("attendance.summary.csv.registration"),
    ...dates.flatMap((date) => [t("attendance.summary.csv.session", { date }), t("attendance.summary.csv.minutes", { date })]),
    t("attendance.summary.csv.attendedWorkshop"),
  ];
  const yesNo = (value: boolean) => t(value ? "attendance.summary.csv.yes" : "attendance.summary.csv.no");
  const rows = summary.people.map((p) => [
    p.fullName,
    p.email,
    p.phone,
    t(`attendance.summary.registrationStatuses.${p.registrationStatus ?? "none"}`),
    ...p.marks.flatMap((mark) => [mark?.status ? t(`attendance.rollCall.statuses.${mark.status}`) : mark ? yesNo(mark.attended) : "", mark?.minutesOnline ?? ""]),
    yesNo(p.attended),
  ]);
  await recordAudit(db, { actorAccountId: user.accountId, action: "workshop.attendance.export", subjectType: "workshop", subjectId: workshop.id });
  return csvResponse(`${t("attendance.summary.csvFile")}-${workshop.id}.csv`, toExcelCsv(header, rows));
}
