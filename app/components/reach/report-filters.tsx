import { Form } from "@remix-run/react";
import { COUNTRIES } from "../../domain/countries";
import { periodValue, type ReachFilters } from "../../domain/reach-filters";
import { useI18n } from "../../i18n/use-translation";
import type { ReachRequest } from "../../reports/reach-request.server";
import { CheckboxField, Field, SelectField } from "../field";
import { countryName } from "../../domain/reach-tables";

function CountryOptions() {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t("reports.filters.any")}</option>
      {COUNTRIES.map((code) => (
        <option key={code} value={code}>
          {countryName(code, t)}
        </option>
      ))}
    </>
  );
}

/** A GET form: every choice lands in the URL, so a report can be bookmarked and shared; works without JavaScript. */
export function ReportFilters({
  filters,
  options,
  seesAll,
}: {
  filters: ReachFilters;
  options: ReachRequest["options"];
  seesAll: boolean;
}) {
  const { t } = useI18n();
  const years: number[] = [];
  for (let year = options.years.last; year >= options.years.first; year--) years.push(year);
  const custom = filters.period.kind === "custom" ? filters.period : null;
  return (
    <Form method="get" className="reach-filters no-print">
      <fieldset>
        <legend>{t("reports.filters.legend")}</legend>
        <div className="reach-filter-grid">
          <SelectField label={t("reports.filters.period")} name="period" defaultValue={periodValue(filters.period)}>
            {years.map((year) => (
              <option key={`fy-${year}`} value={`fy-${year}`}>
                {t("reports.filters.fiscalYear", { year: String(year), previous: String(year - 1) })}
              </option>
            ))}
            {years.map((year) => (
              <option key={`year-${year}`} value={`year-${year}`}>
                {t("reports.filters.calendarYear", { year: String(year) })}
              </option>
            ))}
            <option value="custom">{t("reports.filters.custom")}</option>
            <option value="all">{t("reports.filters.all")}</option>
          </SelectField>
          <Field
            label={t("reports.filters.from")}
            name="from"
            type="date"
            defaultValue={custom?.from ?? ""}
            hint={t("reports.filters.customHint")}
          />
          <Field label={t("reports.filters.to")} name="to" type="date" defaultValue={custom?.to ?? ""} />
          <SelectField
            label={t("reports.filters.workshopCountry")}
            hint={t("reports.filters.workshopCountryHint")}
            name="workshopCountry"
            defaultValue={filters.country ?? ""}
          >
            <CountryOptions />
          </SelectField>
          <SelectField
            label={t("reports.filters.personCountry")}
            hint={t("reports.filters.personCountryHint")}
            name="personCountry"
            defaultValue={filters.personCountry ?? ""}
          >
            <CountryOptions />
          </SelectField>
          <SelectField
            label={t("reports.filters.workshop")}
            name="workshop"
            defaultValue={filters.workshopId ? String(filters.workshopId) : ""}
          >
            <option value="">{t("reports.filters.any")}</option>
            {options.workshops.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </SelectField>
          {seesAll ? (
            <>
              <SelectField
                label={t("reports.filters.facilitator")}
                name="facilitator"
                defaultValue={filters.facilitatorId ? String(filters.facilitatorId) : ""}
              >
                <option value="">{t("reports.filters.any")}</option>
                {options.facilitators.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.full_name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("reports.filters.course")}
                name="course"
                defaultValue={filters.courseId ? String(filters.courseId) : ""}
              >
                <option value="">{t("reports.filters.any")}</option>
                {options.courses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </SelectField>
            </>
          ) : null}
        </div>
        {seesAll ? (
          <CheckboxField
            label={t("reports.filters.enrolments")}
            name="enrolments"
            value="1"
            defaultChecked={filters.countEnrolments}
          />
        ) : null}
        <button type="submit" className="button primary">
          {t("reports.filters.submit")}
        </button>
      </fieldset>
    </Form>
  );
}
