import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { StaffCodeSchema } from "../forms/reset.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { parseIdentifier } from "../utils/contact.server";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { issueStaffCode } from "../models/password-reset.server";
import { requireRole } from "../auth/user.server";
import { formatDateTime } from "../utils/dates";
import { kickOutbox } from "../mail/mailer.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

const REFUSALS = {
  not_found: { error: { key: "reset.staff.notFound" }, status: 404 },
  forbidden: { error: { key: "reset.staff.forbidden" }, status: 403 },
  has_email: { error: { key: "reset.staff.hasEmail" }, status: 403 },
} satisfies Record<string, { error: Msg; status: number }>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "facilitator");
  return { texts: await pageTexts(request, ["reset.forgotLink", "reset.staff"]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "facilitator");
  const parsed = await parseSubmission(StaffCodeSchema, request);
  const input = parsed.ok ? parsed.data.identifier : "";
  const fail = (error: Msg, status: number) =>
    formFailure({ errors: { form: error }, values: { identifier: input } }, status);
  const identifier = parseIdentifier(input);
  if (!identifier) return fail({ key: "reset.staff.invalidIdentifier" }, 400);
  const result = await issueStaffCode(await getDb(), identifier, staff);
  if (!result.ok) return fail(REFUSALS[result.reason].error, REFUSALS[result.reason].status);
  if (result.ownerEmailed) kickOutbox();
  return {
    issued: {
      code: result.code,
      fullName: result.fullName,
      expiresAt: result.expiresAt,
      ownerEmailed: result.ownerEmailed,
    },
  };
}

export default function StaffResetCodes() {
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const issued = result && "issued" in result ? result.issued : undefined;
  const error = result && "errors" in result ? result.errors.form : undefined;
  return (
    <div className="narrow">
      <h1>{t("reset.staff.title")}</h1>
      <p>{t("reset.staff.intro")}</p>
      {issued ? (
        <div className="notice" role="status">
          <p>{t("reset.staff.issued", { name: issued.fullName })}</p>
          <p className="big-code">{issued.code.replace(/(\d{4})(\d{4})/, "$1 $2")}</p>
          <p>
            {t("reset.staff.expires", {
              when: formatDateTime(issued.expiresAt, locale, "full"),
            })}
          </p>
          <p>{t("reset.staff.tellThem", { path: "/reset-code" })}</p>
          {issued.ownerEmailed ? <p>{t("reset.staff.ownerEmailed")}</p> : null}
        </div>
      ) : null}
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(error)} message={error} />
        {error?.key === "reset.staff.hasEmail" ? (
          <p>
            <Link to="/forgot-password">{t("reset.forgotLink")}</Link>
          </p>
        ) : null}
        <Field
          label={t("reset.staff.identifier")}
          name="identifier"
          defaultValue={result && "values" in result ? result.values.identifier : undefined}
          required
        />
        <button type="submit" className="button primary">
          {t("reset.staff.submit")}
        </button>
      </Form>
    </div>
  );
}
