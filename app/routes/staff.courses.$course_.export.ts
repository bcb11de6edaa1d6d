import type { LoaderFunctionArgs } from "@remix-run/node";
import { learnerStatus } from "../domain/learner-status";
import { findLearningCourse } from "../models/course-outline.server";
import { courseReport } from "../models/course-report.server";
import { recordAudit } from "../models/audit.server";
import { requireRole } from "../utils/auth.server";
import { csvResponse, toExcelCsv } from "../utils/csv.server";
import { localDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { getTranslator } from "../utils/locale.server";

/** The per-learner table as a CSV that Excel opens with accents intact. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "facilitator");
  const db = await getDb();
  const course = await findLearningCourse(db, params.course ?? "");
  if (!course) throw new Response("Not found", { status: 404 });
  const { t } = await getTranslator(request);
  const report = await courseReport(db, course.id);
  const header = [
    t("learning.staff.table.name"),
    t("learning.enrolOne.email"),
    t("learning.enrolOne.phone"),
    t("learning.staff.table.status"),
    t("learning.staff.table.progress"),
    t("learning.staff.table.enrolled"),
    t("learning.staff.table.method"),
    t("learning.staff.table.completedAt"),
    t("learning.staff.table.lastActivity"),
  ];
  const rows = report.learners.map((l) => [
    l.fullName,
    l.email,
    l.phone,
    t(`learning.staff.statuses.${learnerStatus(l)}`),
    l.percent,
    localDate(l.enrolledAt),
    t(`learning.staff.methods.${l.method}`),
    l.completedAt ? localDate(l.completedAt) : "",
    l.lastActivityAt ? localDate(l.lastActivityAt) : "",
  ]);
  await recordAudit(db, { actorAccountId: staff.accountId, action: "course.export", subjectType: "course", subjectId: course.id });
  return csvResponse(`${t("learning.staff.csvFile")}-${course.slug}.csv`, toExcelCsv(header, rows));
}
