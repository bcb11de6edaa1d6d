import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { learnerStatus } from "../domain/learner-status";
import { useI18n } from "../i18n/use-translation";
import { findLearningCourse } from "../models/course-outline.server";
import { courseReport } from "../models/course-report.server";
import styles from "../styles/learning.css";
import { requireRole } from "../auth/user.server";
import { formatShortDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { TableScroll } from "../components/table-scroll";
import { numberFormat } from "../utils/intl";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "facilitator");
  const db = await getDb();
  const course = await findLearningCourse(db, params.course ?? "");
  if (!course) throw new Response("Not found", { status: 404 });
  return {
    course: { slug: course.slug, title: course.title, open: course.open },
    report: await courseReport(db, course.id),
    texts: await pageTexts(request, ["learning.staff"]),
  };
}

export default function StaffCourse() {
  const { course, report } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const percent = numberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const days = numberFormat(locale, { maximumFractionDigits: 1 });
  const none = t("learning.staff.figures.none");
  const figures: Array<[string, string]> = [
    [t("learning.staff.figures.enrolled"), String(report.enrolled)],
    [t("learning.staff.figures.notStarted"), String(report.notStarted)],
    [t("learning.staff.figures.inProgress"), String(report.inProgress)],
    [t("learning.staff.figures.completed"), String(report.completed)],
    [t("learning.staff.figures.rate"), report.completionRate === null ? none : percent.format(report.completionRate)],
    [
      t("learning.staff.figures.median"),
      report.medianDaysToComplete === null ? none : days.format(report.medianDaysToComplete),
    ],
    [t("learning.staff.figures.left"), String(report.left)],
  ];
  return (
    <div>
      <h1>{t("learning.staff.courseTitle", { course: course.title })}</h1>
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="actions">
        {course.open ? (
          <Link to={`/staff/courses/${course.slug}/enrol`} className="button primary">
            {t("learning.staff.enrolOne")}
          </Link>
        ) : null}{" "}
        <a href={`/staff/courses/${course.slug}/export`} className="button" download>
          {t("learning.staff.export")}
        </a>{" "}
        <a href={`/staff/courses/${course.slug}/export?format=xlsx`} className="button" download>
          {t("learning.staff.exportXlsx")}
        </a>
      </p>
      <h2>{t("learning.staff.learners")}</h2>
      {report.learners.length === 0 ? (
        <p>{t("learning.staff.noLearners")}</p>
      ) : (
        <TableScroll label={t("learning.staff.learners")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("learning.staff.table.name")}</th>
                <th scope="col">{t("learning.staff.table.contact")}</th>
                <th scope="col">{t("learning.staff.table.status")}</th>
                <th scope="col">{t("learning.staff.table.progress")}</th>
                <th scope="col">{t("learning.staff.table.enrolled")}</th>
                <th scope="col">{t("learning.staff.table.method")}</th>
                <th scope="col">{t("learning.staff.table.lastActivity")}</th>
              </tr>
            </thead>
            <tbody>
              {report.learners.map((learner) => (
                <tr key={learner.personId}>
                  <th scope="row">{learner.fullName}</th>
                  <td>{learner.email ?? learner.phone ?? ""}</td>
                  <td>{t(`learning.staff.statuses.${learnerStatus(learner)}`)}</td>
                  <td>{learner.percent} %</td>
                  <td>{formatShortDate(learner.enrolledAt, locale)}</td>
                  <td>{t(`learning.staff.methods.${learner.method}`)}</td>
                  <td>{learner.lastActivityAt ? formatShortDate(learner.lastActivityAt, locale) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
