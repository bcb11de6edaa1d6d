import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LOCALES, type Locale } from "../../db/schema";
import { formatMinutes } from "../components/course-bits";
import { TOPICS, type Topic } from "../content/taxonomy";
import { hasRole } from "../domain/roles";
import { useI18n } from "../i18n/use-translation";
import { countContentProblems } from "../models/course-content.server";
import { searchCourses } from "../models/course.server";
import styles from "../styles/courses.css";
import { getUser } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { getTranslator } from "../utils/locale.server";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Minka` : "Minka" }];

const isLocale = (v: string | null): v is Locale => (LOCALES as readonly string[]).includes(v ?? "");
const isTopic = (v: string | null): v is Topic => (TOPICS as readonly string[]).includes(v ?? "");

/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const language = url.searchParams.get("language");
  const topic = url.searchParams.get("topic");
  const filters = { q, language: isLocale(language) ? language : undefined, topic: isTopic(topic) ? topic : undefined };
  const [user, { t }] = await Promise.all([getUser(request), getTranslator(request)]);
  const db = await getDb();
  const admin = Boolean(user && hasRole(user.role, "admin"));
  const courses = await searchCourses(db, filters, { includeDrafts: admin });
  // Admins learn here when a content build held a course back.
  const problems = admin ? await countContentProblems(db) : 0;
  return {
    courses,
    filters,
    problems,
    title: t("courses.catalog.title"),
    texts: await pageTexts(request, ["courses"]),
  };
}

export default function Catalog() {
  const { courses, filters, problems } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const filtered = Boolean(filters.q || filters.language || filters.topic);
  return (
    <div className="catalog">
      <h1>{t("courses.catalog.title")}</h1>
      <p>{t("courses.catalog.intro")}</p>
      {problems ? (
        <p className="form-error">
          <Link to="/admin/content">{t("courses.catalog.problems", { count: problems })}</Link>
        </p>
      ) : null}
      <Form method="get" className="catalog-search" role="search">
        <div className="field">
          <label htmlFor="catalog-q">{t("courses.catalog.searchLabel")}</label>
          <p className="hint" id="catalog-q-hint">
            {t("courses.catalog.searchHint")}
          </p>
          <input
            id="catalog-q"
            type="search"
            name="q"
            defaultValue={filters.q}
            aria-describedby="catalog-q-hint"
            maxLength={100}
          />
        </div>
        <div className="catalog-filters">
          <div className="field">
            <label htmlFor="catalog-language">{t("courses.catalog.language")}</label>
            <select id="catalog-language" name="language" defaultValue={filters.language ?? ""}>
              <option value="">{t("courses.catalog.any")}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`courses.languages.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalog-topic">{t("courses.catalog.topic")}</label>
            <select id="catalog-topic" name="topic" defaultValue={filters.topic ?? ""}>
              <option value="">{t("courses.catalog.any")}</option>
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`courses.topics.${topic}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button primary">
          {t("courses.catalog.submit")}
        </button>{" "}
        {filtered ? (
          <Link to="/courses" className="button">
            {t("courses.catalog.clear")}
          </Link>
        ) : null}
      </Form>

      <p role="status" className="catalog-count">
        {courses.length ? t("courses.catalog.results", { count: courses.length }) : t("courses.catalog.none")}
      </p>
      <ul className="course-list">
        {courses.map((course) => (
          <li key={course.id} className="card course-card">
            {course.coverImage ? (
              <img
                src={course.coverImage}
                alt={course.coverAlt ?? ""}
                width={320}
                height={180}
                className="course-cover"
              />
            ) : null}
            <h2 lang={course.language}>
              <Link to={`/courses/${course.slug}`}>{course.title}</Link>
            </h2>
            <p lang={course.language}>{course.summary}</p>
            <p className="course-facts">
              {[
                t(`courses.topics.${course.topic as Topic}`),
                t(`courses.languages.${course.language}`),
                t("courses.catalog.lessons", { count: course.lessonCount }),
                formatMinutes(t, course.totalMinutes),
              ].join(" · ")}
            </p>
            {course.published ? null : <p className="draft-flag">{t("courses.catalog.draft")}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
