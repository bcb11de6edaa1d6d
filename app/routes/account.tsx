import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LOCALES } from "../../db/schema";
import { Field, FormErrorSummary, SelectField } from "../components/field";
import { useI18n } from "../i18n/use-translation";
import { updateProfile } from "../models/person.server";
import { requireUser } from "../utils/auth.server";
import { keepValues, parseForm, type FormFailure } from "../utils/form.server";
import { countSessions } from "../utils/session.server";
import { NAME_MAX, requiredText } from "../utils/schema";

const ProfileSchema = z.object({
  fullName: requiredText("account.errors.fullNameRequired", "account.errors.fullNameTooLong", NAME_MAX),
  language: z.enum(LOCALES, { error: "account.errors.languageInvalid" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    fullName: user.fullName,
    locale: user.locale,
    role: user.role,
    identifier: user.email ?? user.phone ?? "",
    sessions: await countSessions(user.accountId),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const parsed = parseForm(ProfileSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: keepValues(form) } satisfies FormFailure, { status: 400 });
  await updateProfile(user.personId, { fullName: parsed.data.fullName, locale: parsed.data.language });
  return { saved: true as const };
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "errors" in result ? (result as FormFailure) : undefined;
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <p>{t("account.loginWith", { identifier: account.identifier })}</p>
      <p>{t("account.role", { role: t(`common.roles.${account.role}`) })}</p>

      <h2>{t("account.profile")}</h2>
      <Form method="post" noValidate>
        <FormErrorSummary show={Boolean(failure)} />
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
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>

      <h2>{t("account.sessionsTitle")}</h2>
      <p>{t("account.sessionsText", { count: account.sessions })}</p>
      <Form method="post" action="/logout">
        <input type="hidden" name="scope" value="everywhere" />
        <button type="submit" className="button">
          {t("account.logoutEverywhere")}
        </button>
      </Form>
    </div>
  );
}
