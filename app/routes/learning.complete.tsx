import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { LearningRefusal } from "../components/learning/refusal";
import { readClientSubmission } from "../domain/client-submission";
import { claimFromForm } from "../domain/completion";
import { completeLesson } from "../models/completion.server";
import { findLessonBySlugs } from "../models/learning-state.server";
import { getUser, safeRedirectPath } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

export const loader = () => redirect("/me/learning");

/**
 * "He terminado esta lección" (a plain form: redirects back to the lesson), and
 * the automatic completion of video and quiz lessons (a fetcher without
 * redirectTo: answers with data, so the page stays where it is).
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const courseSlug = String(form.get("course") ?? "");
  const lessonSlug = String(form.get("lesson") ?? "");
  const redirectTo = form.get("redirectTo");
  const user = await getUser(request);
  if (!user) {
    const back = safeRedirectPath(
      redirectTo,
      `/courses/${encodeURIComponent(courseSlug)}/${encodeURIComponent(lessonSlug)}`,
    );
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  // A completion kept offline carries the browser's id and account (docs/decisions/037). Only
  // scripts send them, so a plain status will do; thrown, so that no loader turns it into a redirect.
  const sent = readClientSubmission(form, user.accountId);
  if (!sent.ok) throw new Response(null, { status: sent.reason === "otherAccount" ? 409 : 400 });
  const db = await getDb();
  const lesson = await findLessonBySlugs(db, courseSlug, lessonSlug);
  if (!lesson)
    return data(
      {
        ok: false as const,
        reason: "unknownLesson" as const,
        texts: await pageTexts(request, ["learning.me.title", "learning.refused"]),
      },
      { status: 404 },
    );
  const claim = claimFromForm({ method: form.get("method"), watched: form.get("watched"), passed: form.get("passed") });
  // The person is always the one signed in; a person id in the form is ignored.
  const result = await completeLesson(db, {
    personId: user.personId,
    accountId: user.accountId,
    lessonId: lesson.id,
    claim,
    clientId: sent.clientId,
  });
  if (!result.ok && result.reason === "clientIdReused") throw new Response(null, { status: 422 });
  if (!result.ok) {
    const status =
      result.reason === "archivedLesson"
        ? 410
        : result.reason === "unknownLesson" || result.reason === "closedCourse"
          ? 404
          : 400;
    return data(
      {
        ok: false as const,
        reason: result.reason,
        texts: await pageTexts(request, ["learning.me.title", "learning.refused"]),
      },
      { status },
    );
  }
  if (typeof redirectTo === "string" && redirectTo) return redirect(safeRedirectPath(redirectTo, "/me/learning"));
  return {
    ok: true as const,
    method: claim.method,
    courseCompleted: result.courseCompleted,
    certificateCode: result.certificateCode,
    percent: result.progress.percent,
  };
}

export default LearningRefusal;
