import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Field, FormErrorSummary } from "../components/field";
import { normalizeEmail } from "../utils/contact.server";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { startEmailReset } from "../models/password-reset.server";
import { resetRequestsByAccount, resetRequestsByIp } from "../utils/rate-limit.server";
import { getDb } from "../utils/db.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const input = String(form.get("identifier") ?? "").slice(0, 300);
  const email = normalizeEmail(input);
  if (!email) return data({ sent: false, error: { key: "reset.forgot.invalidEmail" } as Msg, value: input }, { status: 400 });
  const ip = context.clientIp ?? "unknown";
  const wait = Math.max(resetRequestsByIp.retryAfter(ip), resetRequestsByAccount.retryAfter(email));
  if (wait > 0) {
    return data({ sent: false, error: { key: "reset.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } as Msg, value: input }, { status: 429 });
  }
  resetRequestsByIp.hit(ip);
  resetRequestsByAccount.hit(email);
  await startEmailReset(await getDb(), email);
  // The same answer whether or not the account exists.
  return { sent: true, error: null, value: "" };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("reset.forgot.title")}</h1>
      {result?.sent ? (
        <p className="notice" role="status">
          {t("reset.forgot.sent")}
        </p>
      ) : (
        <>
          <p>{t("reset.forgot.intro")}</p>
          <Form method="post" noValidate>
            <FormErrorSummary show={Boolean(result?.error)} message={result?.error ?? undefined} />
            <Field
              label={t("reset.forgot.identifier")}
              name="identifier"
              type="email"
              autoComplete="email"
              defaultValue={result?.value}
              required
            />
            <button type="submit" className="button primary">
              {t("reset.forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <h2>{t("reset.forgot.noEmailTitle")}</h2>
      <p>{t("reset.forgot.noEmailText")}</p>
      <p>
        <Link to="/reset-code" className="button">
          {t("reset.forgot.haveCode")}
        </Link>
      </p>
    </div>
  );
}
