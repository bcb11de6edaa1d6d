import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { CodeSchema } from "../forms/reset.server";
import { parseIdentifier } from "../utils/contact.server";
import { NewPasswordField } from "../components/new-password-field";
import { useI18n } from "../i18n/use-translation";
import { resetWithStaffCode } from "../models/password-reset.server";
import { startSession } from "../auth/user.server";
import { keepValues, parseForm, type FormFailure } from "../utils/form.server";
import { resetCodeAttemptsByIp } from "../utils/rate-limit.server";
import { getDb } from "../utils/db.server";


export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = keepValues(form, ["password", "code"]);
  const ip = context.clientIp ?? "unknown";
  const wait = resetCodeAttemptsByIp.retryAfter(ip);
  if (wait > 0) {
    return data({ errors: { form: { key: "reset.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values } satisfies FormFailure, { status: 429 });
  }
  const parsed = parseForm(CodeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values } satisfies FormFailure, { status: 400 });
  const identifier = parseIdentifier(parsed.data.identifier);
  const accountId = identifier ? await resetWithStaffCode(await getDb(), identifier, parsed.data.code, parsed.data.password) : null;
  if (accountId === null) {
    resetCodeAttemptsByIp.hit(ip);
    return data({ errors: { code: { key: "reset.code.invalid" } }, values } satisfies FormFailure, { status: 400 });
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(request, accountId) } });
}

export default function ResetWithCode() {
  const failure = useActionData<typeof action>() as FormFailure | undefined;
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
        <Field label={t("reset.code.code")} name="code" inputMode="numeric" autoComplete="one-time-code" error={failure?.errors.code} required />
        <NewPasswordField label={t("reset.code.password")} error={failure?.errors.password} />
        <button type="submit" className="button primary">
          {t("reset.code.submit")}
        </button>
      </Form>
    </div>
  );
}
