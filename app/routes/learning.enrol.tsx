import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { LearningRefusal } from "../components/learning/refusal";
import { enrolPerson } from "../models/enrolment.server";
import { findLearningCourse } from "../models/course-outline.server";
import { getUser, safeRedirectPath } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

// Only a target for the "Inscribirme" form on the course page.
export const loader = () => redirect("/me/learning");

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const slug = String(form.get("course") ?? "");
  const back = safeRedirectPath(form.get("redirectTo"), `/courses/${encodeURIComponent(slug)}`);
  const user = await getUser(request);
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  const db = await getDb();
  const course = await findLearningCourse(db, slug);
  if (!course || !course.open)
    return data(
      { reason: "closedCourse" as const, texts: await pageTexts(request, ["learning.me.title", "learning.refused"]) },
      { status: 404 },
    );
  // The person is always the one signed in; any id in the form is ignored.
  await enrolPerson(db, { personId: user.personId, courseId: course.id, method: "self", enrolledBy: user.accountId });
  return redirect(back);
}

export default LearningRefusal;
