import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "../components/field";
import { NewPasswordField } from "../components/new-password-field";
import { useI18n } from "../i18n/use-translation";
import { isEmailResetUsable, resetWithEmailToken } from "../models/password-reset.server";
import { startSession } from "../auth/user.server";
import { NewPasswordSchema } from "../forms/reset.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return {
    token,
    usable: await isEmailResetUsable(await getDb(), token),
    texts: await pageTexts(request, ["auth.signup", "reset.link"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseSubmission(NewPasswordSchema, request);
  if (!parsed.ok) return formFailure({ errors: parsed.errors, values: {} });
  const accountId = await resetWithEmailToken(await getDb(), parsed.data.token, parsed.data.password);
  if (accountId === null) return formFailure({ errors: { form: { key: "reset.link.invalid" } }, values: {} });
  return redirect("/", { headers: { "Set-Cookie": await startSession(request, accountId) } });
}

export default function ResetPassword() {
  const { token, usable } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  if (!usable) {
    return (
      <div className="narrow">
        <h1>{t("reset.link.title")}</h1>
        <p className="form-error">{t("reset.link.invalid")}</p>
        <Link to="/forgot-password" className="button primary">
          {t("reset.link.askAgain")}
        </Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("reset.link.title")}</h1>
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(failure)} message={failure?.errors.form} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordField label={t("reset.link.password")} error={failure?.errors.password} />
        <button type="submit" className="button primary">
          {t("reset.link.submit")}
        </button>
      </Form>
    </div>
  );
}
