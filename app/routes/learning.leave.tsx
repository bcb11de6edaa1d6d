import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { LearningRefusal } from "../components/learning/refusal";
import { findLearningCourse } from "../models/course-outline.server";
import { leaveCourse } from "../models/enrolment.server";
import { requireUser, safeRedirectPath } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

export const loader = () => redirect("/me/learning");

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const slug = String(form.get("course") ?? "");
  const db = await getDb();
  const course = await findLearningCourse(db, slug);
  if (!course)
    return data(
      { reason: "closedCourse" as const, texts: await pageTexts(request, ["learning.me.title", "learning.refused"]) },
      { status: 404 },
    );
  await leaveCourse(db, { personId: user.personId, courseId: course.id, accountId: user.accountId });
  return redirect(safeRedirectPath(form.get("redirectTo"), `/courses/${encodeURIComponent(slug)}`));
}

export default LearningRefusal;
