import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useRevalidator } from "@remix-run/react";
import { useI18n } from "../../i18n/use-translation";
import {
  forgetGradedQuizzes,
  listGradedQuizzes,
  listPendingSubmissions,
  onPendingChange,
  type GradedQuiz,
  type PendingKind,
} from "../../offline/pending-submissions";
import { revalidateSoon } from "../../offline/revalidate-soon";
import { submitOrQueue } from "../../offline/submit-or-queue";

/**
 * What waits for a connection on a lesson page (docs/decisions/037): the completion or quiz
 * answers kept in IndexedDB for this lesson and account, read after a reload too, and the
 * gradings of answers sent while the page was closed. Changes made by another page or the
 * service worker are heard; when this lesson's items are all sent, the page reloads its data.
 */
export function usePendingLesson(lesson: string, account: number | null) {
  const [pending, setPending] = useState<{ completion: boolean; quiz: boolean; graded: GradedQuiz[] }>({
    completion: false,
    quiz: false,
    graded: [],
  });
  const { revalidate } = useRevalidator();
  const hadPending = useRef(false);
  const read = useCallback(async () => {
    if (account === null || typeof indexedDB === "undefined") return;
    const mine = (await listPendingSubmissions(lesson)).filter((item) => item.account === account);
    const graded = (await listGradedQuizzes(lesson)).filter((item) => item.account === account);
    const has = (kind: PendingKind) => mine.some((item) => item.kind === kind);
    setPending({ completion: has("completion"), quiz: has("quiz"), graded });
    if (hadPending.current && !mine.length) revalidateSoon(revalidate);
    hadPending.current = mine.length > 0;
    // `revalidate` is the router's own function: the same on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson, account]);
  useEffect(() => {
    if (account === null || typeof indexedDB === "undefined") return;
    void read();
    return onPendingChange(() => void read());
  }, [read, account]);
  return { ...pending, refresh: read };
}

/** The completion form's submit with JavaScript: sent now, or kept until the connection returns. */
export function useQueuedCompletion(lesson: string, account: number | null, refresh: () => Promise<void>) {
  const { revalidate } = useRevalidator();
  return (event: FormEvent<HTMLFormElement>) => {
    if (account === null) return;
    event.preventDefault();
    void submitOrQueue(event.currentTarget, { kind: "completion", lesson, account }).then((outcome) => {
      if (outcome.state === "sent") revalidateSoon(revalidate);
      if (outcome.state === "queued") void refresh();
    });
  };
}

/**
 * The quiz is server-rendered HTML inside the lesson (decision 016), so its form is enhanced from
 * outside: a signed-in member's answers are sent by fetch and the page goes to their grading, or,
 * offline, kept and graded by the server once sent. Below the lesson: what waits, and gradings
 * of answers sent while the page was closed.
 */
export function QueuedQuiz({
  lesson,
  account,
  pending,
  refresh,
}: {
  lesson: string;
  account: number | null;
  pending: { quiz: boolean; graded: GradedQuiz[] };
  refresh: () => Promise<void>;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  useEffect(() => {
    if (account === null) return;
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (
        !(form instanceof HTMLFormElement) ||
        form.querySelector('input[name="intent"]')?.getAttribute("value") !== "quiz"
      )
        return;
      event.preventDefault();
      void submitOrQueue(form, { kind: "quiz", lesson, account }).then((outcome) => {
        if (outcome.state === "sent") {
          const { pathname, search } = new URL(outcome.finalUrl);
          navigate(`${pathname}${search}#quiz`);
        }
        if (outcome.state === "queued") void refresh();
      });
    };
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, [lesson, account, navigate, refresh]);
  // Arriving at a grading (by the link, or answering again) is seeing it.
  const graded = pending.graded.at(-1);
  const showsGrading = useLocation().search.includes("graded=");
  useEffect(() => {
    if (graded && showsGrading) void forgetGradedQuizzes(lesson);
  }, [graded, showsGrading, lesson]);
  return (
    <div role="status" className="pending-quiz">
      {pending.quiz ? <p className="notice">{t("pending.quiz")}</p> : null}
      {graded && !pending.quiz ? (
        <p className="notice">
          {t("pending.graded")} <Link to={`${graded.resultUrl}#quiz`}>{t("pending.seeResult")}</Link>
        </p>
      ) : null}
    </div>
  );
}
