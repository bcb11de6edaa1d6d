import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssistedRegistrationForm, type CandidateView } from "../components/assisted-registration-form";
import { useI18n } from "../i18n/use-translation";
import { registerWalkIn } from "../models/walk-in.server";
import styles from "../styles/workshops.css";
import { readAssistedRegistration } from "../utils/assisted-registration.server";
import { keepValues, type FieldErrors } from "../utils/form.server";
import { kickOutbox } from "../mail/mailer.server";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { pageTitle } from "../i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "workshops.walkIn.title") }];

interface WalkInState {
  values: Record<string, string>;
  errors?: FieldErrors;
  candidates?: CandidateView[];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopStaff(request, params);
  return { workshop: { id: workshop.id, title: workshop.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const form = await request.formData();
  const values = keepValues(form);
  const parsed = readAssistedRegistration(form);
  if (!parsed.ok) return data({ values, errors: parsed.errors } satisfies WalkInState, { status: 400 });
  const outcome = await registerWalkIn(db, { workshopId: workshop.id, person: parsed.person, method: parsed.method, actorAccountId: user.accountId });
  switch (outcome.kind) {
    case "choose": {
      const errors: FieldErrors = values.choice === undefined ? {} : { choice: { key: "workshops.walkIn.errors.chooseRequired" } };
      return data({ values, errors, candidates: outcome.candidates } satisfies WalkInState, { status: 200 });
    }
    case "notOffered":
      return data({ values, errors: { form: { key: "workshops.walkIn.errors.notOffered" } } } satisfies WalkInState, { status: 400 });
    case "needsConsent":
      return data({ values, errors: { consent: { key: "workshops.walkIn.errors.consentRequired" } } } satisfies WalkInState, { status: 400 });
    case "refused":
      return data(
        { values, errors: { form: { key: outcome.reason === "notFound" ? "common.errors.notFoundTitle" : `workshops.register.refused.${outcome.reason}` } } } satisfies WalkInState,
        { status: 409 },
      );
    case "done": {
      if (!outcome.registration.ok) {
        const reason = outcome.registration.reason;
        return data(
          { values, errors: { form: { key: reason === "notFound" ? "common.errors.notFoundTitle" : `workshops.register.refused.${reason}` } } } satisfies WalkInState,
          { status: 409 },
        );
      }
      if (outcome.registration.mailQueued) kickOutbox();
      const already = outcome.registration.already ? "&already=1" : "";
      return redirect(`/staff/workshops/${workshop.id}?added=${outcome.registration.registrationId}${already}`);
    }
  }
}

export default function WalkInPage() {
  const { workshop } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as WalkInState | undefined;
  const { t } = useI18n();
  return (
    <div className="narrow">
      <p>
        <Link to={`/staff/workshops/${workshop.id}`}>{t("workshops.walkIn.back")}</Link>
      </p>
      <h1>{t("workshops.walkIn.title")}</h1>
      <p>
        <strong>{workshop.title}</strong>
      </p>
      <p>{t("workshops.walkIn.intro")}</p>
      <AssistedRegistrationForm
        action={`/staff/workshops/${workshop.id}/walk-in`}
        values={state?.values}
        errors={state?.errors}
        candidates={state?.candidates}
      />
    </div>
  );
}
