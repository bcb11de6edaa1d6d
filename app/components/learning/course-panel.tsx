import { Form, Link, useLocation } from "@remix-run/react";
import { useI18n } from "../../i18n/use-translation";
import type { CourseLearningState } from "../../models/learning-state.server";
import { ProgressBar } from "./progress-bar";

/** On the course page: enrol (a plain form), progress, continue, certificate, leave. */
export function CourseLearningPanel({ courseSlug, state }: { courseSlug: string; state: CourseLearningState }) {
  const { t } = useI18n();
  const here = useLocation().pathname;
  const active = state.enrolment === "active";
  return (
    <section className="learning-panel" aria-label={t("learning.progress.label")}>
      {!active && state.enrolment === "left" ? <p>{t("learning.course.left")}</p> : null}
      {!active && !state.open ? <p>{t("learning.course.closed")}</p> : null}
      {!active && state.open && !state.signedIn ? (
        <p>
          <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className="button primary">
            {t("learning.course.loginToEnrol")}
          </Link>
        </p>
      ) : null}
      {!active && state.open && state.signedIn ? (
        <Form method="post" action="/learning/enrol">
          <input type="hidden" name="course" value={courseSlug} />
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className="button primary">
            {t("learning.course.enrol")}
          </button>
          <p className="hint">{t("learning.course.enrolHint")}</p>
        </Form>
      ) : null}
      {active ? (
        <>
          <p>{t(state.completedAt ? "learning.course.finished" : "learning.course.enrolled")}</p>
          <ProgressBar done={state.requiredDone} total={state.requiredTotal} percent={state.percent} />
          {state.certificateCode ? <CertificateLinks code={state.certificateCode} /> : null}
          {state.next && !state.completedAt ? (
            <p>
              <Link to={`/courses/${courseSlug}/${state.next.slug}`} className="button primary">
                {t(state.requiredDone === 0 ? "learning.course.start" : "learning.course.continue", {
                  lesson: state.next.title,
                })}
              </Link>
            </p>
          ) : null}
          {!state.completedAt ? (
            <Form method="post" action="/learning/leave">
              <input type="hidden" name="course" value={courseSlug} />
              <input type="hidden" name="redirectTo" value={here} />
              <button type="submit" className="button small">
                {t("learning.course.leave")}
              </button>
              <p className="hint">{t("learning.course.leaveHint")}</p>
            </Form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function CertificateLinks({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <p className="actions">
      <a href={`/certificates/${code}/pdf`} className="button primary" download>
        {t("learning.me.download")}
      </a>{" "}
      <Link to={`/certificates/${code}`}>{t("learning.me.verify")}</Link>
    </p>
  );
}

/** A check beside a finished lesson in an outline; says it in words too. */
export function LessonDoneMark({ done }: { done: boolean }) {
  const { t } = useI18n();
  if (!done) return null;
  return (
    <span className="lesson-done-mark">
      <span aria-hidden="true">✓ </span>
      {t("learning.progress.done")}
    </span>
  );
}
