import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { LoginOptions } from "../components/login-options";
import { parseIdentifier } from "../utils/contact.server";
import { LoginSchema } from "../forms/login.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { useI18n } from "../i18n/use-translation";
import { findAccountForLogin } from "../models/account.server";
import { getUser, safeRedirectPath, startSession } from "../auth/user.server";
import { verifyAgainstNothing, verifyPassword } from "../utils/password.server";
import { loginFailuresByAccount, loginFailuresByIp } from "../auth/rate-limit.server";
import { pageTitle } from "../i18n/page-title";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth.login.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return { texts: await pageTexts(request, ["access.loginOptions", "auth.login", "reset.forgotLink"]) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(LoginSchema, request);
  const values = { identifier: parsed.values.identifier ?? "" };
  if (!parsed.ok) return formFailure({ errors: parsed.errors, values });
  const { identifier: identifierInput, password } = parsed.data;
  const redirectTo = safeRedirectPath(parsed.values.redirectTo);

  const identifier = parseIdentifier(identifierInput);
  const accountKey = identifier?.value ?? identifierInput.toLowerCase();
  const ipKey = context.clientIp ?? "unknown";
  const wait = Math.max(await loginFailuresByAccount.retryAfter(accountKey), await loginFailuresByIp.retryAfter(ipKey));
  if (wait > 0) {
    return formFailure(
      { errors: { form: { key: "auth.login.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values },
      429,
    );
  }

  const account = identifier ? await findAccountForLogin(await getDb(), identifier) : undefined;
  const valid = account ? await verifyPassword(account.password_hash, password) : await verifyAgainstNothing(password);
  if (!account || !valid) {
    await loginFailuresByAccount.hit(accountKey);
    await loginFailuresByIp.hit(ipKey);
    return formFailure({ errors: { form: { key: "auth.login.invalid" } }, values }, 401);
  }

  await loginFailuresByAccount.reset(accountKey);
  return redirect(redirectTo, { headers: { "Set-Cookie": await startSession(request, account.id) } });
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors;
  return (
    <div className="narrow">
      <h1>{t("auth.login.title")}</h1>
      <p>{t("auth.login.intro")}</p>
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(errors)} message={errors?.form} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field
          label={t("auth.login.identifier")}
          name="identifier"
          autoComplete="username"
          defaultValue={result?.values.identifier}
          error={errors?.identifier}
          required
        />
        <Field
          label={t("auth.login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          error={errors?.password}
          required
        />
        <button type="submit" className="button primary" disabled={busy}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("reset.forgotLink")}</Link>
      </p>
      <LoginOptions />
      <p>
        {t("auth.login.noAccount")} <Link to="/signup">{t("auth.login.createOne")}</Link>
      </p>
    </div>
  );
}
