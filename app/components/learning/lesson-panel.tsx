import { useEffect, useRef } from "react";
import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { VIDEO_WATCHED_THRESHOLD } from "../../domain/completion";
import { useI18n } from "../../i18n/use-translation";
import type { LessonLearningState } from "../../models/learning-state.server";
import { CertificateLinks } from "./course-panel";
import { useQueuedCompletion, type usePendingLesson } from "./pending";
import { ProgressBar } from "./progress-bar";

/**
 * On the lesson page: the rule for this lesson, the "He terminado esta lección"
 * form (works without JavaScript), and with JavaScript the automatic completion
 * of video lessons. A passed quiz completes its lesson on the server (the quiz
 * is a plain form post, see models/quiz.server.ts).
 */
export function LessonCompletionPanel({
  courseSlug,
  lessonSlug,
  state,
  account = null,
  pending,
}: {
  courseSlug: string;
  lessonSlug: string;
  state: LessonLearningState;
  /** The signed-in account, for completions kept offline (docs/decisions/037). */
  account?: number | null;
  pending?: ReturnType<typeof usePendingLesson>;
}) {
  const { t } = useI18n();
  const here = useLocation().pathname;
  const auto = useFetcher<{ ok: boolean; method?: string }>();
  useVideoCompletion(state.signedIn && !state.lessonDone && state.rule === "video", (fields) =>
    auto.submit(
      { course: courseSlug, lesson: lessonSlug, ...fields },
      { method: "post", action: "/learning/complete" },
    ),
  );
  const autoDone = auto.data?.ok ? auto.data.method : undefined;
  const queued = useQueuedCompletion(`${courseSlug}/${lessonSlug}`, account, pending?.refresh ?? (async () => {}));
  const waiting = Boolean(pending?.completion) && !state.lessonDone;
  return (
    <section className="learning-panel" aria-label={t("learning.lesson.rulesTitle")}>
      <div className="lesson-rule">
        <h2>{t("learning.lesson.rulesTitle")}</h2>
        <p>{t(`learning.lesson.rules.${state.rule}`)}</p>
      </div>
      <div role="status">
        {autoDone === "video" ? <p className="done">{t("learning.lesson.savedVideo")}</p> : null}
        {waiting ? <p className="notice">{t("pending.completion")}</p> : null}
      </div>
      {state.lessonDone ? (
        <p className="done">
          <span aria-hidden="true">✓ </span>
          {t("learning.lesson.doneAlready")}
        </p>
      ) : waiting ? null : state.signedIn ? (
        <Form method="post" action="/learning/complete" onSubmit={queued}>
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
      {state.enrolment === "active" ? (
        <ProgressBar done={state.requiredDone} total={state.requiredTotal} percent={state.percent} />
      ) : null}
      {state.completedAt && state.certificateCode ? (
        <>
          <p className="done">{t("learning.lesson.courseDone")}</p>
          <CertificateLinks code={state.certificateCode} />
        </>
      ) : null}
    </section>
  );
}

/** Watches the lesson's video: 90 % actually played (skipping ahead does not count), reported once. */
function useVideoCompletion(watching: boolean, report: (fields: Record<string, string>) => void) {
  const reportRef = useRef(report);
  reportRef.current = report;
  useEffect(() => {
    if (!watching) return;
    let sent = false;
    const check = (video: EventTarget | null) => {
      if (sent || !(video instanceof HTMLMediaElement) || !Number.isFinite(video.duration) || video.duration <= 0)
        return;
      let played = 0;
      for (let i = 0; i < video.played.length; i++) played += video.played.end(i) - video.played.start(i);
      const fraction = Math.min(1, played / video.duration);
      if (fraction < VIDEO_WATCHED_THRESHOLD) return;
      sent = true;
      reportRef.current({ method: "video", watched: fraction.toFixed(3) });
    };
    const onTime = (event: Event) => check(event.target);
    // The scripts may arrive after the video has played (decision 034): count what was already watched.
    document.querySelectorAll("video").forEach(check);
    // Capture: media events do not bubble, and the player is inside the lesson's server-rendered HTML.
    document.addEventListener("timeupdate", onTime, true);
    document.addEventListener("ended", onTime, true);
    return () => {
      document.removeEventListener("timeupdate", onTime, true);
      document.removeEventListener("ended", onTime, true);
    };
  }, [watching]);
}
