import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WorkshopForm } from "../components/workshop-form";
import { useI18n } from "../i18n/use-translation";
import { createWorkshop } from "../models/workshop.server";
import styles from "../styles/workshops.css";
import { requireRole } from "../auth/user.server";
import { DEFAULT_TIME_ZONE } from "../utils/dates";
import { getDb } from "../utils/db.server";
import {
  MIN_SESSION_ROWS,
  readWorkshopSubmission,
  workshopFormChoices,
  type WorkshopFormState,
} from "../forms/workshop-submission.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "workshops.form.createTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "facilitator");
  const initial: WorkshopFormState = {
    values: { timezone: DEFAULT_TIME_ZONE, status: "draft", modality: "online", country: "PE" },
    facilitatorIds: [String(user.accountId)],
    rows: MIN_SESSION_ROWS,
  };
  return {
    initial,
    ...(await workshopFormChoices(await getDb())),
    texts: await pageTexts(request, ["people.place", "workshops"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "facilitator");
  const submission = await readWorkshopSubmission(request, user);
  if (!submission.ok) return submission.response;
  const id = await createWorkshop(await getDb(), submission.input, user.accountId);
  return redirect(`/staff/workshops/${id}?saved=1`);
}

export default function NewWorkshop() {
  const { initial, staff, courses } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() ?? initial;
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("workshops.form.createTitle")}</h1>
      <WorkshopForm {...state} staff={staff} courses={courses} />
    </div>
  );
}
