import { useEffect, useRef } from "react";
import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { VIDEO_WATCHED_THRESHOLD } from "../../domain/completion";
import { useI18n } from "../../i18n/use-translation";
import type { LessonLearningState } from "../../models/learning-state.server";
import { CertificateLinks } from "./course-panel";
import { ProgressBar } from "./progress-bar";

/** Fired (bubbling) by the Quiz component when a self-check is passed. */
export const QUIZ_PASSED_EVENT = "minka:quiz-passed";

/**
 * On the lesson page: the rule for this lesson, the "He terminado esta lección"
 * form (works without JavaScript), and with JavaScript the automatic completion
 * of video and quiz lessons.
 */
export function LessonCompletionPanel({ courseSlug, lessonSlug, state }: { courseSlug: string; lessonSlug: string; state: LessonLearningState }) {
  const { t } = useI18n();
  const here = useLocation().pathname;
  const auto = useFetcher<{ ok: boolean; method?: string }>();
  useAutoCompletion(state.signedIn && !state.lessonDone ? state.rule : null, (fields) =>
    auto.submit({ course: courseSlug, lesson: lessonSlug, ...fields }, { method: "post", action: "/learning/complete" }),
  );
  const autoDone = auto.data?.ok ? auto.data.method : undefined;
  return (
    <section className="learning-panel" aria-label={t("learning.lesson.rulesTitle")}>
      <div className="lesson-rule">
        <h2>{t("learning.lesson.rulesTitle")}</h2>
        <p>{t(`learning.lesson.rules.${state.rule}`)}</p>
      </div>
      <div role="status">
        {autoDone === "video" ? <p className="done">{t("learning.lesson.savedVideo")}</p> : null}
        {autoDone === "quiz" ? <p className="done">{t("learning.lesson.savedQuiz")}</p> : null}
      </div>
      {state.lessonDone ? (
        <p className="done">
          <span aria-hidden="true">✓ </span>
          {t("learning.lesson.doneAlready")}
        </p>
      ) : state.signedIn ? (
        <Form method="post" action="/learning/complete">
          <input type="hidden" name="course" value={courseSlug} />
          <input type="hidden" name="lesson" value={lessonSlug} />
          <input type="hidden" name="method" value="manual" />
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className="button primary">
            {t("learning.lesson.markDone")}
          </button>
          {state.enrolment !== "active" ? <p className="hint">{t("learning.lesson.autoEnrolNote")}</p> : null}
        </Form>
      ) : (
        <p>
          <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className="button primary">
            {t("learning.course.loginToEnrol")}
          </Link>
        </p>
      )}
      {state.enrolment === "active" ? <ProgressBar done={state.requiredDone} total={state.requiredTotal} percent={state.percent} /> : null}
      {state.completedAt && state.certificateCode ? (
        <>
          <p className="done">{t("learning.lesson.courseDone")}</p>
          <CertificateLinks code={state.certificateCode} />
        </>
      ) : null}
    </section>
  );
}

/** Watches the page's videos (90 % actually played, not skipped) and quizzes, and reports once. */
function useAutoCompletion(rule: "manual" | "video" | "quiz" | null, report: (fields: Record<string, string>) => void) {
  const reportRef = useRef(report);
  reportRef.current = report;
  useEffect(() => {
    if (rule === null || rule === "manual") return;
    let sent = false;
    const send = (fields: Record<string, string>) => {
      if (sent) return;
      sent = true;
      reportRef.current(fields);
    };
    if (rule === "quiz") {
      const onPassed = () => send({ method: "quiz", passed: "1" });
      document.addEventListener(QUIZ_PASSED_EVENT, onPassed);
      return () => document.removeEventListener(QUIZ_PASSED_EVENT, onPassed);
    }
    const onTime = (event: Event) => {
      const video = event.target;
      if (!(video instanceof HTMLMediaElement) || !Number.isFinite(video.duration) || video.duration <= 0) return;
      let played = 0;
      for (let i = 0; i < video.played.length; i++) played += video.played.end(i) - video.played.start(i);
      const fraction = Math.min(1, played / video.duration);
      if (fraction >= VIDEO_WATCHED_THRESHOLD) send({ method: "video", watched: fraction.toFixed(3) });
    };
    // Capture: media events do not bubble.
    document.addEventListener("timeupdate", onTime, true);
    document.addEventListener("ended", onTime, true);
    return () => {
      document.removeEventListener("timeupdate", onTime, true);
      document.removeEventListener("ended", onTime, true);
    };
  }, [rule]);
}
