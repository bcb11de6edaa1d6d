import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";
import { listCoursesForStaff } from "../models/course-report.server";
import styles from "../styles/learning.css";
import { requireRole } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { TableScroll } from "../components/table-scroll";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "facilitator");
  return { courses: await listCoursesForStaff(await getDb()), texts: await pageTexts(request, ["learning.staff"]) };
}

export default function StaffCourses() {
  const { courses } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <h1>{t("learning.staff.coursesTitle")}</h1>
      <p>{t("learning.staff.coursesIntro")}</p>
      <p>
        <Link to="/staff/enrolments/import">{t("learning.staff.importLink")}</Link>
      </p>
      <TableScroll label={t("learning.staff.coursesTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("learning.staff.columns.course")}</th>
              <th scope="col">{t("learning.staff.columns.enrolled")}</th>
              <th scope="col">{t("learning.staff.columns.completed")}</th>
              <th scope="col">{t("learning.staff.columns.open")}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr key={course.slug}>
                <th scope="row">
                  <Link to={`/staff/courses/${course.slug}`}>{course.title}</Link>
                </th>
                <td>{course.enrolled}</td>
                <td>{course.completed}</td>
                <td>{t(course.open ? "learning.staff.yes" : "learning.staff.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
