import { useEffect, useId, useState } from "react";
import { COUNTRIES } from "../domain/countries";
import { REGIONS, type ProgrammeCountry } from "../domain/regions";
import type { FieldErrors } from "../forms/failure";
import { useI18n } from "../i18n/use-translation";
import { SelectField } from "./field";

/**
 * Country and region of a person (forms/place.server.ts checks them).
 * Without JavaScript the region list holds every programme country's regions, grouped by country;
 * with it, only the chosen country's. The server refuses a region of another country either way.
 */
export function PlaceFields({
  values = {},
  errors,
  countryRequired = false,
}: {
  values?: Record<string, string | null | undefined>;
  errors?: FieldErrors;
  countryRequired?: boolean;
}) {
  const { t } = useI18n();
  const [country, setCountry] = useState(values.country ?? "");
  const [hydrated, setHydrated] = useState(false);
  const marker = useId();
  useEffect(() => {
    // The scripts may come after the visitor chose a country (decision 034): start from the page's choice.
    const chosen = document.querySelector<HTMLSelectElement>(`select[data-place="${marker}"]`)?.value;
    if (chosen !== undefined) setCountry(chosen);
    setHydrated(true);
  }, [marker]);
  const groups = (Object.keys(REGIONS) as ProgrammeCountry[]).filter((c) => !hydrated || c === country);
  return (
    <>
      <SelectField
        label={t("people.place.country")}
        name="country"
        data-place={marker}
        defaultValue={values.country ?? ""}
        error={errors?.country}
        required={countryRequired}
        onChange={(event) => setCountry(event.currentTarget.value)}
      >
        <option value="">{countryRequired ? t("people.place.choose") : t("people.place.unknown")}</option>
        {COUNTRIES.map((code) => (
          <option key={code} value={code}>
            {t(`common.countries.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("people.place.region")}
        hint={t("people.place.regionHint")}
        name="region"
        defaultValue={values.region ?? ""}
        error={errors?.region}
      >
        <option value="">{t("people.place.unknown")}</option>
        {groups.map((code) => (
          <optgroup key={code} label={t(`common.countries.${code}`)}>
            {REGIONS[code].map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
    </>
  );
}
