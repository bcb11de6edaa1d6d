import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "../components/error-page";
import { CourseLearningPanel, LessonDoneMark } from "../components/learning/course-panel";
import { SaveCourse } from "../components/offline/save-course";
import { formatMinutes, LessonKind } from "../components/course-bits";
import type { Topic } from "../content/schema";
import { hasRole } from "../domain/roles";
import { useI18n } from "../i18n/use-translation";
import { getCourseBySlug } from "../models/course.server";
import { courseLearningState } from "../models/learning-state.server";
import styles from "../styles/courses.css";
import learningStyles from "../styles/learning.css";
import { getUser } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: learningStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} · Minka` : "Minka" },
  ...(data?.course.summary ? [{ name: "description", content: data.course.summary }] : []),
];

/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const course = await getCourseBySlug(await getDb(), params.course ?? "", {
    includeDrafts: Boolean(user && hasRole(user.role, "admin")),
  });
  if (!course) throw new Response(null, { status: 404 });
  return {
    course,
    learning: (await courseLearningState(await getDb(), user, course.slug))!,
    texts: await pageTexts(request, ["courses", "learning.course", "learning.me", "learning.progress", "offlineSave"]),
  };
}

export default function CoursePage() {
  const { course, learning } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const first = course.lessons[0];
  return (
    <article className="course-page">
      <p className="breadcrumb">
        <Link to="/courses">{t("courses.course.backToCatalog")}</Link>
      </p>
      <header lang={course.language}>
        <h1>{course.title}</h1>
        <p className="lead">{course.summary}</p>
      </header>
      {course.published ? null : <p className="draft-flag">{t("courses.catalog.draft")}</p>}
      <p className="course-facts">
        {[
          t(`courses.topics.${course.topic as Topic}`),
          t(`courses.languages.${course.language}`),
          t(`courses.levels.${course.level as "beginner"}`),
        ].join(" · ")}
      </p>
      <p className="course-total">{t("courses.course.totalTime", { time: formatMinutes(t, course.totalMinutes) })}</p>

      <div className="course-actions">
        <CourseLearningPanel courseSlug={course.slug} state={learning} />
        {first && learning.enrolment !== "active" ? (
          <Link
            to={`/courses/${course.slug}/${first.slug}`}
            className={learning.signedIn && learning.open ? "button" : "button primary"}
          >
            {t("courses.course.start")}
          </Link>
        ) : null}
      </div>

      <SaveCourse courseSlug={course.slug} />

      <h2>{t("courses.course.lessonsTitle")}</h2>
      <ol className="lesson-list">
        {course.lessons.map((lesson) => (
          <li key={lesson.id}>
            <Link to={`/courses/${course.slug}/${lesson.slug}`} lang={course.language}>
              {lesson.title}
            </Link>
            <p className="lesson-facts">
              <LessonKind kind={lesson.kind} t={t} /> · {formatMinutes(t, lesson.durationMinutes)}
              {lesson.hasQuiz ? ` · ${t("courses.course.quiz")}` : ""}
              {lesson.required ? "" : ` · ${t("courses.course.optional")}`}
              {learning.completedLessonSlugs.includes(lesson.slug) ? " · " : null}
              <LessonDoneMark done={learning.completedLessonSlugs.includes(lesson.slug)} />
            </p>
            <p lang={course.language}>{lesson.summary}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
