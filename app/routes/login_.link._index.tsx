import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { signInLinkRequestsByEmail, signInLinkRequestsByIp } from "../auth/rate-limit.server";
import { getUser } from "../auth/user.server";
import { EmailLinkRequest } from "../components/email-link-request";
import { ForgotPasswordSchema } from "../forms/login.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { pageTexts } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { kickOutbox } from "../mail/mailer.server";
import { sendSignInLink } from "../models/sign-in-link.server";
import { normalizeEmail } from "../utils/contact.server";
import { getDb } from "../utils/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "access.link.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { texts: await pageTexts(request, ["access.link", "access.code.rateLimited", "access.loginOptions"]) };
}

/**
 * POST /login/link — "Enviarme un enlace para entrar": e-mails a single-use link (15 minutes) to a
 * member account with this address. The answer is the same whether or not there is one, or it is
 * a staff account (which gets nothing), so the form tells nobody which addresses have accounts.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseSubmission(ForgotPasswordSchema, request);
  const input = parsed.ok ? parsed.data.identifier : "";
  const values = { identifier: input };
  const email = normalizeEmail(input);
  if (!email) return formFailure({ errors: { form: { key: "access.link.invalidEmail" } }, values });
  const ip = context.clientIp ?? "unknown";
  const wait = Math.max(await signInLinkRequestsByIp.retryAfter(ip), await signInLinkRequestsByEmail.retryAfter(email));
  if (wait > 0) {
    return formFailure(
      { errors: { form: { key: "access.code.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } }, values },
      429,
    );
  }
  await signInLinkRequestsByIp.hit(ip);
  await signInLinkRequestsByEmail.hit(email);
  await sendSignInLink(await getDb(), email);
  // Kicked whether or not a link was queued: the same work either way, so timing names no account.
  kickOutbox();
  return { sent: true as const };
}

export default function SignInLinkRequest() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <EmailLinkRequest
      texts={{
        title: t("access.link.title"),
        intro: t("access.link.intro"),
        label: t("access.link.email"),
        submit: t("access.link.submit"),
        sent: t("access.link.sent"),
      }}
      result={result}
    >
      <p>
        <Link to="/login">{t("access.loginOptions.back")}</Link>
      </p>
    </EmailLinkRequest>
  );
}
