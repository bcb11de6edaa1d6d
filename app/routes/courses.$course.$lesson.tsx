import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMinutes, LessonKind } from "../components/course-bits";
import { useDocumentHtml } from "../components/document-html";
import { ErrorPage } from "../components/error-page";
import { LessonDoneMark } from "../components/learning/course-panel";
import { LessonCompletionPanel } from "../components/learning/lesson-panel";
import { QueuedQuiz, usePendingLesson } from "../components/learning/pending";
import { ProgressBar } from "../components/learning/progress-bar";
import { renderLessonHtml } from "../components/mdx/render.server";
import { readClientSubmission } from "../domain/client-submission";
import { gradeQuiz, quizChoicesToParams, readQuizChoices } from "../domain/quiz";
import { hasRole } from "../domain/roles";
import { useI18n } from "../i18n/use-translation";
import { getLessonPage } from "../models/course.server";
import { lessonLearningState } from "../models/learning-state.server";
import { recordQuizResult } from "../models/quiz.server";
import styles from "../styles/courses.css";
import learningStyles from "../styles/learning.css";
import { getUser } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { sendOnce } from "../utils/document-html.server";
import { getTranslator } from "../utils/locale.server";
import { getVideoQuality, isVideoQuality, videoQualityCookie } from "../utils/video-quality.server";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

const LESSON_BODY_ID = "lesson-body";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: learningStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · ${data.course.title} · Minka` : "Minka" },
  ...(data?.lesson.summary ? [{ name: "description", content: data.lesson.summary }] : []),
];

async function findLesson(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await getUser(request);
  const page = await getLessonPage(await getDb(), params.course ?? "", params.lesson ?? "", {
    includeDrafts: Boolean(user && hasRole(user.role, "admin")),
  });
  if (!page) throw new Response(null, { status: 404 });
  return { user, page, path: `/courses/${page.course.slug}/${page.lesson.slug}` };
}

/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, page, path } = await findLesson(request, params);
  const { t, locale } = await getTranslator(request);
  const { course, lesson } = page;
  const url = new URL(request.url);
  // After a quiz post the answers come back in the address (post, redirect, get).
  const quizResult =
    lesson.quiz && url.searchParams.has("graded")
      ? gradeQuiz(lesson.quiz, readQuizChoices(url.searchParams, lesson.quiz.length))
      : null;
  const html = renderLessonHtml(
    lesson.code,
    {
      t,
      locale,
      lessonPath: path,
      video: lesson.video,
      videoQuality: getVideoQuality(request),
      quiz: lesson.quiz,
      quizResult,
    },
    { id: lesson.id, contentHash: lesson.contentHash },
  );
  return {
    course: { slug: course.slug, title: course.title, language: course.language, lessons: course.lessons },
    lesson: {
      id: lesson.id,
      slug: lesson.slug,
      title: lesson.title,
      summary: lesson.summary,
      kind: lesson.kind,
      durationMinutes: lesson.durationMinutes,
      position: lesson.position,
    },
    previous: page.previous,
    next: page.next,
    // In the page, not again in the hydration data.
    html: sendOnce(context, LESSON_BODY_ID, html),
    learning: await lessonLearningState(await getDb(), user, page),
    // Completions and quiz answers kept offline carry it; the server refuses them for another account.
    account: user?.accountId ?? null,
    texts: await pageTexts(request, [
      "courses.course",
      "courses.duration",
      "courses.lesson",
      "learning.course",
      "learning.lesson",
      "learning.me",
      "learning.progress",
      "pending",
    ]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, page, path } = await findLesson(request, params);
  const form = new URLSearchParams((await request.text()) || "");
  const intent = form.get("intent");
  if (intent === "quiz" && page.lesson.quiz) {
    const choices = readQuizChoices(form, page.lesson.quiz.length);
    const result = gradeQuiz(page.lesson.quiz, choices);
    // Answers kept offline carry the browser's id and account (docs/decisions/037).
    const sent = readClientSubmission(form, user?.accountId ?? null);
    if (!sent.ok) throw new Response(null, { status: sent.reason === "otherAccount" ? 409 : 400 });
    const location = `${path}?graded=1&${quizChoicesToParams(choices)}#quiz`;
    const recorded = await recordQuizResult(await getDb(), {
      lessonId: page.lesson.id,
      user,
      result,
      location,
      clientId: sent.clientId,
    });
    if (!recorded.ok) throw new Response(null, { status: 422 });
    return redirect(recorded.location);
  }
  if (intent === "video-quality") {
    const quality = form.get("quality");
    if (!isVideoQuality(quality)) return redirect(`${path}#video`);
    return redirect(`${path}#video`, { headers: { "Set-Cookie": videoQualityCookie(request, quality) } });
  }
  throw new Response(null, { status: 400 });
}

export default function LessonRoute() {
  const { course, lesson, previous, next, learning, account, ...data } = useLoaderData<typeof loader>();
  const pending = usePendingLesson(`${course.slug}/${lesson.slug}`, account);
  const html = useDocumentHtml(LESSON_BODY_ID, data.html);
  const { t } = useI18n();
  const base = `/courses/${course.slug}`;
  return (
    <div className="lesson-layout">
      <article className="lesson">
        <p className="breadcrumb">
          <Link to={base} lang={course.language}>
            {course.title}
          </Link>
        </p>
        <header>
          <h1 lang={course.language}>{lesson.title}</h1>
          <p className="lesson-facts">
            {t("courses.lesson.lessonOf", { position: lesson.position, total: course.lessons.length })} ·{" "}
            <LessonKind kind={lesson.kind} t={t} /> · {formatMinutes(t, lesson.durationMinutes)}
          </p>
        </header>
        {/* Compiled at build time and rendered to HTML by the loader: no MDX runtime in the browser. */}
        <div
          id={LESSON_BODY_ID}
          className="lesson-body"
          lang={course.language}
          dangerouslySetInnerHTML={{ __html: html }}
        />
        <QueuedQuiz
          lesson={`${course.slug}/${lesson.slug}`}
          account={account}
          pending={pending}
          refresh={pending.refresh}
        />

        <div className="lesson-actions">
          <LessonCompletionPanel
            courseSlug={course.slug}
            lessonSlug={lesson.slug}
            state={learning}
            account={account}
            pending={pending}
          />
        </div>

        <nav className="lesson-pager" aria-label={t("courses.lesson.pager")}>
          {previous ? (
            <Link to={`${base}/${previous.slug}`} rel="prev" className="button">
              ← {t("courses.lesson.previous")}: <span lang={course.language}>{previous.title}</span>
            </Link>
          ) : null}
          {next ? (
            <Link to={`${base}/${next.slug}`} rel="next" className="button primary">
              {t("courses.lesson.next")}: <span lang={course.language}>{next.title}</span> →
            </Link>
          ) : null}
        </nav>
      </article>

      <nav className="lesson-outline" aria-labelledby="outline-title">
        <h2 id="outline-title">{t("courses.lesson.outline")}</h2>
        {learning.enrolment === "active" ? (
          <ProgressBar done={learning.requiredDone} total={learning.requiredTotal} percent={learning.percent} />
        ) : null}
        <ol>
          {course.lessons.map((l) => (
            <li key={l.id}>
              {l.slug === lesson.slug ? (
                <span aria-current="page" lang={course.language}>
                  {l.title} <span className="visually-hidden">{t("courses.lesson.current")}</span>
                </span>
              ) : (
                <Link to={`${base}/${l.slug}`} lang={course.language}>
                  {l.title}
                </Link>
              )}{" "}
              <LessonDoneMark done={learning.completedLessonSlugs.includes(l.slug)} />
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
