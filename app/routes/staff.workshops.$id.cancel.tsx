import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { CANCEL_REASON_MAX, CancelRegistrationSchema } from "../forms/cancel-registration.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { kickOutbox } from "../mail/mailer.server";
import { cancelRegistrationByStaff, findRegistrationToCancel } from "../models/registration-cancel.server";
import styles from "../styles/workshops.css";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "identity.cancel.action") }];

/**
 * Staff cancel one registration of their workshop, with a reason (facilitators of this workshop,
 * managers, admins: requireWorkshopStaff). The page asks for the reason; the post names the
 * registration in its body and it must belong to this workshop (else 404). Works without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop } = await requireWorkshopStaff(request, params);
  const param = new URL(request.url).searchParams.get("registration") ?? "";
  const registration = /^\d{1,12}$/.test(param)
    ? await findRegistrationToCancel(db, workshop.id, Number(param))
    : undefined;
  if (!registration) throw new Response("Not found", { status: 404 });
  return {
    workshop: { id: workshop.id, title: workshop.title },
    registration: { id: registration.id, fullName: registration.fullName, active: registration.status !== "cancelled" },
    texts: await pageTexts(request, ["identity.cancel"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const parsed = await parseSubmission(CancelRegistrationSchema, request);
  if (!parsed.ok) {
    if (parsed.errors.registrationId) throw new Response("Not found", { status: 404 });
    return formFailure(parsed);
  }
  const outcome = await cancelRegistrationByStaff(db, {
    workshopId: workshop.id,
    registrationId: parsed.data.registrationId,
    reason: parsed.data.reason,
    actorAccountId: user.accountId,
  });
  if (!outcome.ok) {
    if (outcome.reason === "notFound") throw new Response("Not found", { status: 404 });
    return formFailure({ values: parsed.values, errors: { form: { key: "identity.cancel.errors.notActive" } } }, 409);
  }
  if (outcome.mailQueued) kickOutbox();
  return redirect(`/staff/workshops/${workshop.id}?cancelled=${parsed.data.registrationId}`);
}

export default function CancelRegistrationPage() {
  const { workshop, registration } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = state?.errors;
  return (
    <div className="narrow">
      <h1>{t("identity.cancel.title", { name: registration.fullName })}</h1>
      <p>{t("identity.cancel.intro", { title: workshop.title })}</p>
      {registration.active ? (
        <Form method="post" noValidate>
          <FormErrorSummary show={Boolean(errors && Object.keys(errors).length)} message={errors?.form} />
          <input type="hidden" name="registrationId" value={registration.id} />
          <Field
            label={t("identity.cancel.reason")}
            hint={t("identity.cancel.reasonHint")}
            name="reason"
            autoComplete="off"
            maxLength={CANCEL_REASON_MAX}
            defaultValue={state?.values?.reason}
            error={errors?.reason}
            required
          />
          <button type="submit" className="button primary">
            {t("identity.cancel.submit")}
          </button>
        </Form>
      ) : (
        <p className="form-error">{t("identity.cancel.errors.notActive")}</p>
      )}
      <p>
        <Link to={`/staff/workshops/${workshop.id}`}>{t("identity.cancel.back")}</Link>
      </p>
    </div>
  );
}
