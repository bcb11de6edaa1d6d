import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressBar } from "../components/learning/progress-bar";
import { SavedCoursesList } from "../components/offline/saved-courses-list";
import { useI18n } from "../i18n/use-translation";
import { listMyCourses } from "../models/my-learning.server";
import styles from "../styles/learning.css";
import { requireUser } from "../auth/user.server";
import { formatDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { getTranslator } from "../utils/locale.server";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Minka` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const courses = await listMyCourses(await getDb(), user.personId);
  return {
    title: t("learning.me.title"),
    courses,
    texts: await pageTexts(request, ["learning.course", "learning.me", "learning.progress", "offlineSave"]),
  };
}

export default function MyLearning() {
  const { courses } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const ongoing = courses.filter((c) => !c.completedAt);
  const finished = courses.filter((c) => c.completedAt);
  return (
    <div>
      <h1>{t("learning.me.title")}</h1>
      {courses.length === 0 ? (
        <p>
          {t("learning.me.none")}{" "}
          <Link to="/courses" className="button primary">
            {t("learning.me.browse")}
          </Link>
        </p>
      ) : null}
      {ongoing.length > 0 ? (
        <section aria-labelledby="ongoing">
          <h2 id="ongoing">{t("learning.me.inProgress")}</h2>
          <ul className="my-courses">
            {ongoing.map((course) => (
              <li key={course.courseId}>
                <h3>
                  <Link to={`/courses/${course.slug}`}>{course.title}</Link>
                </h3>
                <ProgressBar
                  done={course.progress.requiredDone}
                  total={course.progress.requiredTotal}
                  percent={course.progress.percent}
                />
                {course.nextLesson ? (
                  <p>
                    <Link to={`/courses/${course.slug}/${course.nextLesson.slug}`} className="button primary">
                      {t(course.progress.requiredDone === 0 ? "learning.course.start" : "learning.course.continue", {
                        lesson: course.nextLesson.title,
                      })}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {finished.length > 0 ? (
        <section aria-labelledby="finished">
          <h2 id="finished">{t("learning.me.finished")}</h2>
          <ul className="my-courses">
            {finished.map((course) => (
              <li key={course.courseId}>
                <h3>
                  <Link to={`/courses/${course.slug}`}>{course.title}</Link>
                </h3>
                <p>{t("learning.me.finishedOn", { date: formatDate(course.completedAt!, locale) })}</p>
                <ProgressBar
                  done={course.progress.requiredDone}
                  total={course.progress.requiredTotal}
                  percent={course.progress.percent}
                />
                {course.certificateCode ? (
                  <p className="actions">
                    {/* The course name is read out too, so that several "Descargar" links stay distinct. */}
                    <a href={`/certificates/${course.certificateCode}/pdf`} className="button primary" download>
                      {t("learning.me.download")}
                      <span className="visually-hidden">: {course.title}</span>
                    </a>
                    <Link to={`/certificates/${course.certificateCode}`}>
                      {t("learning.me.verify")}
                      <span className="visually-hidden">: {course.title}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SavedCoursesList />
    </div>
  );
}
