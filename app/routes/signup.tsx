import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CheckboxField, Field, FormErrorSummary } from "../components/field";
import { PlaceFields } from "../components/place-fields";
import { SignupSchema } from "../forms/signup.server";
import { useI18n } from "../i18n/use-translation";
import { createAccount, isIdentifierTaken } from "../models/account.server";
import { getUser, startSession } from "../auth/user.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { getLocale } from "../utils/locale.server";
import { PASSWORD_MIN } from "../domain/password-rules";
import { signupAttemptsByIp } from "../auth/rate-limit.server";
import { NAME_MAX } from "../domain/limits";
import { pageTitle } from "../i18n/page-title";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth.signup.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { texts: await pageTexts(request, ["auth", "people.birthYear", "people.place"]) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(SignupSchema, request);
  const { values } = parsed;
  const ip = context.clientIp ?? "unknown";
  const wait = await signupAttemptsByIp.retryAfter(ip);
  if (wait > 0) {
    return formFailure(
      { errors: { form: { key: "auth.login.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values },
      429,
    );
  }
  await signupAttemptsByIp.hit(ip);
  if (!parsed.ok) return formFailure(parsed);
  const { fullName, identifier, password, country, region } = parsed.data;
  const taken = () =>
    formFailure({ errors: { identifier: { key: "auth.signup.errors.identifierTaken" } }, values }, 409);
  if (await isIdentifierTaken(await getDb(), identifier)) return taken();

  let accountId: number;
  try {
    ({ accountId } = await createAccount(await getDb(), {
      fullName,
      identifier,
      password,
      country,
      region,
      locale: await getLocale(request),
    }));
  } catch (error) {
    // Two sign-ups with the same login at once: the unique index decides.
    if (error instanceof Error && /unique/i.test(error.message)) return taken();
    throw error;
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(request, accountId) } });
}

export default function Signup() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <div className="narrow">
      <h1>{t("auth.signup.title")}</h1>
      <p>{t("auth.signup.intro")}</p>
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(errors)} message={errors?.form} />
        <Field
          label={t("auth.signup.fullName")}
          name="fullName"
          autoComplete="name"
          defaultValue={values.fullName}
          error={errors?.fullName}
          maxLength={NAME_MAX}
          required
        />
        <Field
          label={t("auth.signup.identifier")}
          hint={t("auth.signup.identifierHint")}
          name="identifier"
          autoComplete="username"
          defaultValue={values.identifier}
          error={errors?.identifier}
          required
        />
        <Field
          label={t("auth.signup.password")}
          hint={t("auth.signup.passwordHint")}
          name="password"
          type="password"
          autoComplete="new-password"
          error={errors?.password}
          minLength={PASSWORD_MIN}
          required
        />
        <PlaceFields values={{ ...values, country: values.country ?? "PE" }} errors={errors} countryRequired />
        <fieldset className="consent">
          <legend>{t("auth.signup.consentTitle")}</legend>
          <p>{t("auth.signup.consentNotice")}</p>
          <CheckboxField
            label={t("auth.signup.consent")}
            name="consent"
            defaultChecked={values.consent === "on"}
            error={errors?.consent}
          />
        </fieldset>
        <button type="submit" className="button primary" disabled={busy}>
          {t("auth.signup.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signup.haveAccount")} <Link to="/login">{t("auth.login.submit")}</Link>
      </p>
    </div>
  );
}
