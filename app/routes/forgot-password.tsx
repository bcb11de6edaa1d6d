import type { ActionFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { EmailLinkRequest } from "../components/email-link-request";
import { normalizeEmail } from "../utils/contact.server";
import { ForgotPasswordSchema } from "../forms/login.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { useI18n } from "../i18n/use-translation";
import { startEmailReset } from "../models/password-reset.server";
import { kickOutbox } from "../mail/mailer.server";
import { resetRequestsByAccount, resetRequestsByIp } from "../auth/rate-limit.server";
import { getDb } from "../utils/db.server";
import { textsLoader } from "../i18n/page-texts.server";

export const loader = textsLoader(["reset.forgot", "reset.rateLimited"]);

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(ForgotPasswordSchema, request);
  const input = parsed.ok ? parsed.data.identifier : "";
  const values = { identifier: input };
  const email = normalizeEmail(input);
  if (!email) return formFailure({ errors: { form: { key: "reset.forgot.invalidEmail" } }, values });
  const ip = context.clientIp ?? "unknown";
  const wait = Math.max(await resetRequestsByIp.retryAfter(ip), await resetRequestsByAccount.retryAfter(email));
  if (wait > 0) {
    return formFailure(
      { errors: { form: { key: "reset.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values },
      429,
    );
  }
  await resetRequestsByIp.hit(ip);
  await resetRequestsByAccount.hit(email);
  await startEmailReset(await getDb(), email);
  // The link is wanted now, not at the outbox's next tick. Kicked for unknown addresses too: the same work either way.
  kickOutbox();
  // The same answer whether or not the account exists.
  return { sent: true as const };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <EmailLinkRequest
      texts={{
        title: t("reset.forgot.title"),
        intro: t("reset.forgot.intro"),
        label: t("reset.forgot.identifier"),
        submit: t("reset.forgot.submit"),
        sent: t("reset.forgot.sent"),
      }}
      result={result}
    >
      <h2>{t("reset.forgot.noEmailTitle")}</h2>
      <p>{t("reset.forgot.noEmailText")}</p>
      <p>
        <Link to="/reset-code" className="button">
          {t("reset.forgot.haveCode")}
        </Link>
      </p>
    </EmailLinkRequest>
  );
}
