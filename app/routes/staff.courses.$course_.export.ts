import type { LoaderFunctionArgs } from "@remix-run/node";
import { learnerStatus } from "../domain/learner-status";
import { findLearningCourse } from "../models/course-outline.server";
import { courseReport } from "../models/course-report.server";
import { recordAudit } from "../models/audit.server";
import { requireRole } from "../auth/user.server";
import { localDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { downloadFormat, tableDownload } from "../utils/spreadsheet-download.server";
import { sheetName } from "../domain/sheet-names";
import type { T } from "../i18n/keys";

/** The per-learner table as a CSV that Excel opens with accents intact, or (`?format=xlsx`) as a workbook. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "facilitator");
  const db = await getDb();
  const course = await findLearningCourse(db, params.course ?? "");
  if (!course) throw new Response("Not found", { status: 404 });
  const { t } = await getTranslator(request);
  const format = downloadFormat(request);
  const report = await courseReport(db, course.id);
  const rows = report.learners.map((l) => [
    l.fullName,
    l.email,
    l.phone,
    t(`learning.staff.statuses.${learnerStatus(l)}`),
    l.percent,
    localDate(l.enrolledAt),
    t(`learning.staff.methods.${l.method}`),
    l.completedAt ? localDate(l.completedAt) : null,
    l.lastActivityAt ? localDate(l.lastActivityAt) : null,
  ]);
  await recordAudit(db, {
    actorAccountId: staff.accountId,
    action: "course.export",
    subjectType: "course",
    subjectId: course.id,
    details: { format },
  });
  return tableDownload(format, exportFilename(t, "progress", { subject: course.title, ext: format }), {
    name: sheetName("course-progress", t as T),
    columns: [
      { label: t("learning.staff.table.name"), kind: "text" },
      { label: t("learning.enrolOne.email"), kind: "text" },
      { label: t("learning.enrolOne.phone"), kind: "text" },
      { label: t("learning.staff.table.status"), kind: "text" },
      { label: t("learning.staff.table.progress"), kind: "number" },
      { label: t("learning.staff.table.enrolled"), kind: "date" },
      { label: t("learning.staff.table.method"), kind: "text" },
      { label: t("learning.staff.table.completedAt"), kind: "date" },
      { label: t("learning.staff.table.lastActivity"), kind: "date" },
    ],
    rows,
  });
}
