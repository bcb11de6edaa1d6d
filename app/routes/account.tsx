import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LOCALES } from "../../db/schema";
import { CheckboxField, Field, FormErrorSummary, SelectField } from "../components/field";
import { NewPasswordField } from "../components/new-password-field";
import { useI18n } from "../i18n/use-translation";
import { getConsent, getPlace, updateProfile } from "../models/person.server";
import { PlaceFields } from "../components/place-fields";
import { withdrawConsent } from "../models/privacy.server";
import { findAccountForLogin } from "../models/account.server";
import { changePassword } from "../models/password-reset.server";
import { clearSessionCookie, requireUser, startSession } from "../auth/user.server";
import { verifyPassword } from "../utils/password.server";
import { passwordChecksByAccount } from "../auth/rate-limit.server";
import { formatDate } from "../utils/dates";
import { countSessions, invalidateAllSessions } from "../models/session.server";
import { NAME_MAX } from "../domain/limits";
import { ChangePasswordSchema, ProfileSchema, WithdrawConsentSchema } from "../forms/account.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";
import { ReminderPreference } from "../components/reminder-preference";
import { remindersOn } from "../models/mail-preferences.server";
import { AccountAccessCards } from "../components/account-access-cards";
import { listAccessCards } from "../models/access-card.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const [sessions, consent, place, reminders] = await Promise.all([
    countSessions(db, user.accountId),
    getConsent(db, user.personId),
    getPlace(db, user.personId),
    remindersOn(db, user.personId),
  ]);
  return {
    fullName: user.fullName,
    locale: user.locale,
    role: user.role,
    identifier: user.email ?? user.phone ?? "",
    passwordChanged: new URL(request.url).searchParams.get("password") === "changed",
    accessCards: user.role === "member" ? await listAccessCards(db, user.accountId) : null,
    cardRevoked: new URL(request.url).searchParams.get("card") === "revoked",
    sessions,
    reminders: { on: reminders, saved: new URL(request.url).searchParams.get("reminders") === "saved" },
    consent: consent ?? null,
    country: place?.country ?? "",
    region: place?.region ?? "",
    texts: await pageTexts(request, [
      "access.account",
      "account",
      "auth.login",
      "auth.signup",
      "mail.preference",
      "exports.myData.view",
      "people.birthYear",
      "people.place",
      "privacy.yourData",
      "reset.change",
    ]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") === "withdraw-consent") {
    const parsed = parseSubmission(WithdrawConsentSchema, form);
    if (!parsed.ok) return formFailure({ errors: parsed.errors, values: {} });
    await withdrawConsent(await getDb(), user.personId, user.accountId);
    await invalidateAllSessions(await getDb(), user.accountId);
    return redirect("/account/withdrawn", { headers: { "Set-Cookie": clearSessionCookie(request) } });
  }
  if (form.get("intent") === "change-password") {
    const parsed = parseSubmission(ChangePasswordSchema, form);
    if (!parsed.ok) return formFailure({ errors: parsed.errors, values: {} });
    const key = String(user.accountId);
    const wait = await passwordChecksByAccount.retryAfter(key);
    if (wait > 0) {
      return formFailure(
        {
          errors: { current: { key: "auth.login.rateLimited", vars: { minutes: Math.ceil(wait / 60_000) } } },
          values: {},
        },
        429,
      );
    }
    const account = await findAccountForLogin(
      await getDb(),
      user.email ? { kind: "email", value: user.email } : { kind: "phone", value: user.phone! },
    );
    if (!account || !(await verifyPassword(account.password_hash, parsed.data.current))) {
      await passwordChecksByAccount.hit(key);
      return formFailure({ errors: { current: { key: "reset.change.wrongCurrent" } }, values: {} });
    }
    await passwordChecksByAccount.reset(key);
    await changePassword(await getDb(), user.accountId, parsed.data.password);
    // Every other device is logged out; this one gets a fresh session. A redirect, so the page is
    // loaded with the new session: without JavaScript the old one would send them to the login page.
    return redirect("/account?password=changed", {
      headers: { "Set-Cookie": await startSession(request, user.accountId) },
    });
  }
  const parsed = parseSubmission(ProfileSchema, form);
  if (!parsed.ok) return formFailure(parsed);
  const { fullName, language, country, region } = parsed.data;
  await updateProfile(await getDb(), user.personId, { fullName, locale: language, country, region });
  return { saved: true as const };
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "errors" in result ? result : undefined;
  const { t, locale } = useI18n();
  const consent = account.consent;
  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <p>{t("account.loginWith", { identifier: account.identifier })}</p>
      <p>{t("account.role", { role: t(`common.roles.${account.role}`) })}</p>

      <h2>{t("account.profile")}</h2>
      <Form method="post" noValidate>
        <FormErrorSummary
          show={Boolean(
            failure?.errors.fullName || failure?.errors.language || failure?.errors.country || failure?.errors.region,
          )}
        />
        {result && "saved" in result ? (
          <p className="notice" role="status">
            {t("common.saved")}
          </p>
        ) : null}
        <Field
          label={t("account.fullName")}
          name="fullName"
          autoComplete="name"
          defaultValue={failure?.values.fullName ?? account.fullName}
          error={failure?.errors.fullName}
          maxLength={NAME_MAX}
          required
        />
        <SelectField
          label={t("account.language")}
          name="language"
          defaultValue={failure?.values.language ?? account.locale}
          error={failure?.errors.language}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`common.language.${code}`)}
            </option>
          ))}
        </SelectField>
        <PlaceFields
          values={failure?.values ?? { country: account.country, region: account.region }}
          errors={failure?.errors}
        />
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>

      <h2>{t("reset.change.title")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="change-password" />
        {account.passwordChanged ? (
          <p className="notice" role="status">
            {t("reset.change.changed")}
          </p>
        ) : null}
        <Field
          label={t("reset.change.current")}
          name="current"
          type="password"
          autoComplete="current-password"
          error={failure?.errors.current}
          required
        />
        <NewPasswordField label={t("reset.change.next")} error={failure?.errors.password} />
        <button type="submit" className="button">
          {t("reset.change.submit")}
        </button>
      </Form>

      <ReminderPreference {...account.reminders} />

      <h2>{t("account.sessionsTitle")}</h2>
      <p>{t("account.sessionsText", { count: account.sessions })}</p>
      <Form method="post" action="/logout">
        <input type="hidden" name="scope" value="everywhere" />
        <button type="submit" className="button">
          {t("account.logoutEverywhere")}
        </button>
      </Form>

      {account.accessCards ? <AccountAccessCards cards={account.accessCards} revoked={account.cardRevoked} /> : null}

      <h2>{t("privacy.yourData.title")}</h2>
      {consent?.consent_given_at ? (
        <p>
          {t(consent.consent_method === "staff" ? "privacy.yourData.consentStaff" : "privacy.yourData.consentGiven", {
            date: formatDate(consent.consent_given_at, locale),
            version: consent.consent_notice_version ?? "",
          })}
        </p>
      ) : null}
      <p>{t("privacy.yourData.text")}</p>
      <ul className="link-list">
        <li>
          <Link to="/account/data">{t("exports.myData.view")}</Link>
        </li>
        <li>
          <a href="/account/data/download?format=json" download>
            {t("privacy.yourData.downloadJson")}
          </a>
        </li>
        <li>
          <a href="/account/data/download?format=csv" download>
            {t("privacy.yourData.downloadCsv")}
          </a>
        </li>
        <li>
          <a href="/account/data/download?format=xlsx" download>
            {t("privacy.yourData.downloadXlsx")}
          </a>
        </li>
      </ul>

      <h3>{t("privacy.yourData.withdrawTitle")}</h3>
      <p>{t("privacy.yourData.withdrawText")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="withdraw-consent" />
        <CheckboxField label={t("privacy.yourData.withdrawConfirm")} name="confirm" error={failure?.errors.confirm} />
        <button type="submit" className="button">
          {t("privacy.yourData.withdrawSubmit")}
        </button>
      </Form>
    </div>
  );
}
