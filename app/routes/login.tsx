import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { parseIdentifier } from "../utils/contact.server";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { findAccountForLogin } from "../models/account.server";
import { getUser, safeRedirectPath, startSession } from "../auth/user.server";
import { verifyAgainstNothing, verifyPassword } from "../utils/password.server";
import { loginFailuresByAccount, loginFailuresByIp } from "../utils/rate-limit.server";
import { pageTitle } from "../i18n/page-title";
import { getDb } from "../utils/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth.login.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const identifierInput = String(form.get("identifier") ?? "").trim().slice(0, 300);
  const password = String(form.get("password") ?? "").slice(0, 1000);
  const redirectTo = safeRedirectPath(form.get("redirectTo"));
  const fail = (status: number, error: { form?: Msg; identifier?: Msg; password?: Msg }) =>
    data({ errors: error, values: { identifier: identifierInput } }, { status });

  if (!identifierInput || !password) {
    return fail(400, {
      identifier: identifierInput ? undefined : { key: "auth.login.required" },
      password: password ? undefined : { key: "auth.login.passwordRequired" },
    });
  }

  const identifier = parseIdentifier(identifierInput);
  const accountKey = identifier?.value ?? identifierInput.toLowerCase();
  const ipKey = context.clientIp ?? "unknown";
  const wait = Math.max(loginFailuresByAccount.retryAfter(accountKey), loginFailuresByIp.retryAfter(ipKey));
  if (wait > 0) {
    return fail(429, { form: { key: "auth.login.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } });
  }

  const account = identifier ? await findAccountForLogin(await getDb(), identifier) : undefined;
  const valid = account ? await verifyPassword(account.password_hash, password) : await verifyAgainstNothing(password);
  if (!account || !valid) {
    loginFailuresByAccount.hit(accountKey);
    loginFailuresByIp.hit(ipKey);
    return fail(401, { form: { key: "auth.login.invalid" } });
  }

  loginFailuresByAccount.reset(accountKey);
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
      <p>
        {t("auth.login.noAccount")} <Link to="/signup">{t("auth.login.createOne")}</Link>
      </p>
    </div>
  );
}
