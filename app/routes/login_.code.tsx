import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { cardCodeFailuresByCode, cardCodeFailuresByIp, cardCodeFailuresByPhone } from "../auth/rate-limit.server";
import { getUser, sessionSetCookie } from "../auth/user.server";
import { Field, FormErrorSummary } from "../components/field";
import { normalizeShortCode } from "../domain/access-card.server";
import { CardCodeSchema } from "../forms/access-card.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { pageTexts } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { signInWithShortCode } from "../models/access-card.server";
import { normalizePhone } from "../utils/contact.server";
import { getDb } from "../utils/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "access.code.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { texts: await pageTexts(request, ["access.code", "access.loginOptions"]) };
}

/**
 * POST /login/code — the access card's fallback without a camera: its short code plus the phone
 * number on record. Every mismatch (unknown or revoked code, another phone, a staff account) gets
 * the same answer and counts against the IP, the code and the phone (README "Security").
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(CardCodeSchema, request);
  const values = { code: parsed.values.code ?? "", phone: parsed.values.phone ?? "" };
  if (!parsed.ok) return formFailure({ errors: { form: { key: "access.code.required" } }, values });
  const code = normalizeShortCode(parsed.data.code);
  const phone = normalizePhone(parsed.data.phone);
  const keys = { ip: context.clientIp ?? "unknown", code: code ?? parsed.data.code, phone: phone ?? parsed.data.phone };
  const wait = Math.max(
    await cardCodeFailuresByIp.retryAfter(keys.ip),
    await cardCodeFailuresByCode.retryAfter(keys.code),
    await cardCodeFailuresByPhone.retryAfter(keys.phone),
  );
  if (wait > 0) {
    return formFailure(
      { errors: { form: { key: "access.code.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values },
      429,
    );
  }
  const signedIn = code && phone ? await signInWithShortCode(await getDb(), code, phone) : null;
  if (!signedIn) {
    await cardCodeFailuresByIp.hit(keys.ip);
    await cardCodeFailuresByCode.hit(keys.code);
    await cardCodeFailuresByPhone.hit(keys.phone);
    return formFailure({ errors: { form: { key: "access.code.invalid" } }, values }, 401);
  }
  return redirect("/", { headers: { "Set-Cookie": sessionSetCookie(request, signedIn.sessionToken) } });
}

export default function CardCodeSignIn() {
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("access.code.title")}</h1>
      <p>{t("access.code.intro")}</p>
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(failure)} message={failure?.errors.form} />
        <Field
          label={t("access.code.code")}
          hint={t("access.code.codeHint")}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          defaultValue={failure?.values.code}
          required
        />
        <Field
          label={t("access.code.phone")}
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={failure?.values.phone}
          required
        />
        <button type="submit" className="button primary">
          {t("access.code.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("access.loginOptions.back")}</Link>
      </p>
    </div>
  );
}
