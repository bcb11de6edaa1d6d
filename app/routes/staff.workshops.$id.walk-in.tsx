import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssistedRegistrationForm } from "../components/assisted-registration-form";
import { identityQuestion, type IdentityQuestion } from "../forms/identity-questions.server";
import { useI18n } from "../i18n/use-translation";
import { registerWalkIn } from "../models/walk-in.server";
import styles from "../styles/workshops.css";
import { AssistedRegistrationSchema } from "../forms/assisted-registration.server";
import type { FormFailureWith } from "../forms/failure";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { kickOutbox } from "../mail/mailer.server";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "workshops.walkIn.title") }];

/** "¿Es esta persona?", "¿es ella?" and differing details come back as a failure with the question. */
type WalkInFailure = FormFailureWith<Omit<IdentityQuestion, "errors">>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopStaff(request, params);
  return {
    workshop: { id: workshop.id, title: workshop.title, country: workshop.country },
    texts: await pageTexts(request, ["identity", "people.birthYear", "people.place", "workshops"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const parsed = await parseSubmission(AssistedRegistrationSchema, request);
  if (!parsed.ok) return formFailure<WalkInFailure>(parsed);
  const { values } = parsed;
  const { person, method } = parsed.data;
  const outcome = await registerWalkIn(db, { workshopId: workshop.id, person, method, actorAccountId: user.accountId });
  const question = identityQuestion(outcome, values);
  if (question) return formFailure<WalkInFailure>({ values, ...question }, 200);
  switch (outcome.kind) {
    case "notOffered":
      return formFailure<WalkInFailure>({ values, errors: { form: { key: "workshops.walkIn.errors.notOffered" } } });
    case "needsConsent":
      return formFailure<WalkInFailure>({
        values,
        errors: { consent: { key: "workshops.walkIn.errors.consentRequired" } },
      });
    case "refused":
      return formFailure<WalkInFailure>(
        {
          values,
          errors: {
            form: {
              key:
                outcome.reason === "notFound"
                  ? "common.errors.notFoundTitle"
                  : `workshops.register.refused.${outcome.reason}`,
            },
          },
        },
        409,
      );
    case "done": {
      if (!outcome.registration.ok) {
        const reason = outcome.registration.reason;
        return formFailure<WalkInFailure>(
          {
            values,
            errors: {
              form: {
                key: reason === "notFound" ? "common.errors.notFoundTitle" : `workshops.register.refused.${reason}`,
              },
            },
          },
          409,
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
  const state = useActionData<typeof action>();
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
        values={state?.values ?? { country: workshop.country ?? "" }}
        errors={state?.errors}
        candidates={state?.candidates}
        confirm={state?.confirm}
        differences={state?.differences}
      />
    </div>
  );
}
