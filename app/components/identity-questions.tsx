import type { MessageKey, Msg } from "../i18n/keys";
import type { Difference } from "../domain/person-differences";
import { regionName } from "../domain/regions";
import { useI18n } from "../i18n/use-translation";
import { RadioGroupField } from "./field";
import { CandidateSummary, type CandidateView } from "./person-candidate";

export interface ConfirmView {
  person: CandidateView;
  matchedBy: "email" | "phone";
}

export interface DifferencesView {
  person: CandidateView;
  differences: Difference[];
}

/**
 * "Este celular es de Elena Choque. ¿Es ella?": yes posts her id as `choice` (the server checks it
 * owns the typed contact), no posts "new" (a new person, created without that contact).
 */
export function IdentityConfirm({ confirm, error }: { confirm: ConfirmView; error?: Msg }) {
  const { t } = useI18n();
  const { person } = confirm;
  const question = t(
    person.sex === "female"
      ? "identity.confirm.female"
      : person.sex === "male"
        ? "identity.confirm.male"
        : "identity.confirm.unknown",
  );
  return (
    <RadioGroupField
      className="candidates"
      legend={`${t(confirm.matchedBy === "email" ? "identity.confirm.emailOf" : "identity.confirm.phoneOf", { name: person.fullName })} ${question}`}
      hint={t("identity.confirm.hint")}
      error={error}
      name="choice"
      choices={[
        {
          value: String(person.id),
          label: (
            <>
              {t("identity.confirm.yes", { name: person.fullName })}
              <br />
              <CandidateSummary candidate={person} />
            </>
          ),
        },
        { value: "new", label: t("identity.confirm.no") },
      ]}
    />
  );
}

/**
 * Each typed detail that differs from the found person's record, with keep (the default) or
 * update; a blank in the record defaults to taking what was typed. `reviewed` tells the server
 * which differences staff saw; `choice` keeps the same person for the second submit.
 */
export function DifferencesReview({ review, values }: { review: DifferencesView; values: Record<string, string> }) {
  const { t } = useI18n();
  const shown = (field: Difference["field"], value: string | number | null) => {
    if (value === null || value === "") return t("identity.differences.blank");
    if (field === "sex") return t(`common.sexes.${value}` as MessageKey);
    if (field === "region") return regionName(String(value)) ?? String(value);
    if (field === "country") return t(`common.countries.${value}` as MessageKey);
    return String(value);
  };
  return (
    <fieldset className="differences">
      <legend>{t("identity.differences.legend", { name: review.person.fullName })}</legend>
      <p>{t("identity.differences.hint")}</p>
      <p>
        <CandidateSummary candidate={review.person} />
      </p>
      <input type="hidden" name="choice" value={String(review.person.id)} />
      <input type="hidden" name="reviewed" value={review.differences.map((d) => d.field).join(",")} />
      {review.differences.map((d) => (
        <RadioGroupField
          key={d.field}
          legend={t(`identity.differences.fields.${d.field}`)}
          hint={`${t("identity.differences.stored", { value: shown(d.field, d.stored) })} — ${t("identity.differences.typed", { value: shown(d.field, d.typed) })}`}
          name={`update_${d.field}`}
          defaultValue={values[`update_${d.field}`] ?? (d.stored === null ? "update" : "keep")}
          choices={[
            { value: "keep", label: t("identity.differences.keep") },
            { value: "update", label: t("identity.differences.update") },
          ]}
        />
      ))}
    </fieldset>
  );
}
