import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { WorkshopForm } from "../components/workshop-form";
import { useI18n } from "../i18n/use-translation";
import { listFacilitators, listSessions, updateWorkshop } from "../models/workshop.server";
import styles from "../styles/workshops.css";
import { formFailure, keepValues } from "../forms/submission.server";
import { kickOutbox } from "../mail/mailer.server";
import { requireWorkshopStaff } from "../auth/workshop.server";
import {
  readWorkshopSubmission,
  valuesFromWorkshop,
  workshopFormChoices,
  type WorkshopFormFailure,
} from "../forms/workshop-submission.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "workshops.form.editTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop } = await requireWorkshopStaff(request, params);
  const [sessions, facilitators] = await Promise.all([
    listSessions(db, workshop.id),
    listFacilitators(db, workshop.id),
  ]);
  return {
    id: workshop.id,
    initial: valuesFromWorkshop(
      workshop,
      sessions,
      facilitators.map((f) => f.accountId),
    ),
    ...(await workshopFormChoices(db)),
    texts: await pageTexts(request, ["people.place", "workshops"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const submission = await readWorkshopSubmission(request.clone(), user);
  if (!submission.ok) return submission.response;
  const result = await updateWorkshop(db, workshop.id, submission.input, user.accountId);
  if (!result.ok) {
    const form = await request.formData();
    const values = keepValues(form);
    return formFailure<WorkshopFormFailure>(
      {
        values,
        facilitatorIds: form.getAll("facilitatorIds").map(String),
        rows: Number(values.rows) || 3,
        errors: { form: { key: "workshops.form.errors.sessionHasAttendance" } },
      },
      409,
    );
  }
  kickOutbox();
  return redirect(`/staff/workshops/${workshop.id}?saved=1`);
}

export default function EditWorkshop() {
  const { id, initial, staff, courses } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() ?? initial;
  const { t } = useI18n();
  return (
    <div className="narrow">
      <p>
        <Link to={`/staff/workshops/${id}`}>{t("workshops.walkIn.back")}</Link>
      </p>
      <h1>{t("workshops.form.editTitle")}</h1>
      <WorkshopForm {...state} staff={staff} courses={courses} />
    </div>
  );
}
