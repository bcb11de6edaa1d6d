import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { CodeSchema } from "../forms/reset.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { parseIdentifier } from "../utils/contact.server";
import { NewPasswordField } from "../components/new-password-field";
import { useI18n } from "../i18n/use-translation";
import { resetWithStaffCode } from "../models/password-reset.server";
import { startSession } from "../auth/user.server";
import { resetCodeAttemptsByIp } from "../auth/rate-limit.server";
import { getDb } from "../utils/db.server";
import { textsLoader } from "../i18n/page-texts.server";

export const loader = textsLoader(["auth.signup", "reset.code", "reset.rateLimited", "reset.staff.invalidIdentifier"]);

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(CodeSchema, request);
  const { values } = parsed;
  const ip = context.clientIp ?? "unknown";
  const wait = await resetCodeAttemptsByIp.retryAfter(ip);
  if (wait > 0) {
    return formFailure(
      { errors: { form: { key: "reset.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values },
      429,
    );
  }
  if (!parsed.ok) return formFailure(parsed);
  const identifier = parseIdentifier(parsed.data.identifier);
  const accountId = identifier
    ? await resetWithStaffCode(await getDb(), identifier, parsed.data.code, parsed.data.password)
    : null;
  if (accountId === null) {
    await resetCodeAttemptsByIp.hit(ip);
    return formFailure({ errors: { code: { key: "reset.code.invalid" } }, values });
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(request, accountId) } });
}

export default function ResetWithCode() {
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("reset.code.title")}</h1>
      <p>{t("reset.code.intro")}</p>
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(failure)} message={failure?.errors.form} />
        <Field
          label={t("reset.code.identifier")}
          name="identifier"
          autoComplete="username"
          defaultValue={failure?.values.identifier}
          error={failure?.errors.identifier}
          required
        />
        <Field
          label={t("reset.code.code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          error={failure?.errors.code}
          required
        />
        <NewPasswordField label={t("reset.code.password")} error={failure?.errors.password} />
        <button type="submit" className="button primary">
          {t("reset.code.submit")}
        </button>
      </Form>
    </div>
  );
}
