import { Form } from "@remix-run/react";
import { SEXES } from "../../db/schema";
import type { MessageKey } from "../i18n/keys";
import type { FieldErrors } from "../forms/failure";
import { useI18n } from "../i18n/use-translation";
import { NAME_MAX } from "../domain/limits";
import { CheckboxField, Field, FormErrorSummary, RadioGroupField, SelectField } from "./field";
import { PlaceFields } from "./place-fields";
import { CandidateSummary, type CandidateView } from "./person-candidate";
import { IdentityConfirm, DifferencesReview, type ConfirmView, type DifferencesView } from "./identity-questions";

export type { CandidateView };

/**
 * Registering someone with a facilitator's help: full name (required), optional
 * contact and profile, verbal consent, and the "¿es esta persona?" choice when
 * similar names exist. Posts to `action` with `hidden` fields added, so other
 * pages (e.g. the roll call) can reuse it.
 */
export function AssistedRegistrationForm({
  action,
  hidden = {},
  values = {},
  errors,
  candidates,
  confirm,
  differences,
  showMethod = true,
  submitLabel,
}: {
  action: string;
  hidden?: Record<string, string>;
  values?: Record<string, string>;
  errors?: FieldErrors;
  candidates?: CandidateView[];
  /** "Este celular es de …: ¿es ella?" (docs/decisions/013). */
  confirm?: ConfirmView;
  /** The found person's record differs from what was typed: keep or update, per field. */
  differences?: DifferencesView;
  showMethod?: boolean;
  submitLabel?: string;
}) {
  const { t } = useI18n();
  const choosing = candidates && candidates.length > 0;
  return (
    <Form method="post" action={action} noValidate className="assisted-registration">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorSummary show={Boolean(errors && Object.keys(errors).length)} message={errors?.form} />
      {choosing ? (
        <RadioGroupField
          className="candidates"
          legend={t("workshops.walkIn.chooseLegend")}
          hint={t("workshops.walkIn.chooseHint")}
          error={errors?.choice}
          name="choice"
          defaultValue={values.choice}
          choices={[
            ...candidates.map((c) => ({
              value: String(c.id),
              label: <CandidateSummary candidate={c} />,
            })),
            { value: "new", label: t("workshops.walkIn.newPerson") },
          ]}
        />
      ) : null}
      {confirm ? <IdentityConfirm confirm={confirm} error={errors?.choice} /> : null}
      {differences ? <DifferencesReview review={differences} values={values} /> : null}
      <Field
        label={t("workshops.walkIn.fullName")}
        name="fullName"
        autoComplete="off"
        defaultValue={values.fullName}
        error={errors?.fullName}
        maxLength={NAME_MAX}
        required
      />
      <Field
        label={`${t("workshops.walkIn.phone")} (${t("common.optional")})`}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        defaultValue={values.phone}
        error={errors?.phone}
      />
      <Field
        label={`${t("workshops.walkIn.email")} (${t("common.optional")})`}
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        error={errors?.email}
      />
      <SelectField
        label={`${t("workshops.walkIn.sex")} (${t("common.optional")})`}
        name="sex"
        defaultValue={values.sex ?? ""}
        error={errors?.sex}
      >
        <option value="">—</option>
        {SEXES.map((sex) => (
          <option key={sex} value={sex}>
            {/* `sexes` has a key named "other", which the key type reads as a plural form. */}
            {t(`common.sexes.${sex}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <Field
        label={`${t("workshops.walkIn.birthYear")} (${t("common.optional")})`}
        name="birthYear"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        defaultValue={values.birthYear}
        error={errors?.birthYear}
      />
      <Field
        label={`${t("workshops.walkIn.cooperative")} (${t("common.optional")})`}
        name="cooperative"
        autoComplete="off"
        defaultValue={values.cooperative}
        error={errors?.cooperative}
      />
      <PlaceFields values={values} errors={errors} />
      {showMethod ? (
        <RadioGroupField
          legend={t("workshops.walkIn.how")}
          error={errors?.method}
          name="method"
          defaultValue={values.method ?? "walk_in"}
          choices={[
            { value: "walk_in", label: t("workshops.walkIn.howWalkIn") },
            { value: "staff", label: t("workshops.walkIn.howStaff") },
          ]}
        />
      ) : null}
      <CheckboxField
        label={t("workshops.walkIn.consent")}
        hint={t("workshops.walkIn.consentHint")}
        name="consent"
        defaultChecked={values.consent === "on"}
        error={errors?.consent}
      />
      <button type="submit" className="button primary">
        {submitLabel ?? t("workshops.walkIn.submit")}
      </button>
    </Form>
  );
}
