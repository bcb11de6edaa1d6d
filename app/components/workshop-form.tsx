import { DEFAULT_MIN_MINUTES, MIN_MINUTES_RANGE } from "../domain/attendance-rule";
import { Form } from "@remix-run/react";
import { COUNTRIES } from "../domain/countries";
import { CAPACITY_MAX, DESCRIPTION_MAX, MODALITIES, TITLE_MAX, WORKSHOP_STATUSES } from "../domain/workshop-fields";
import { useI18n } from "../i18n/use-translation";
import type { FieldErrors } from "../forms/failure";
import { CheckboxGroupField, Field, FormErrorSummary, SelectField, TextareaField } from "./field";

export interface WorkshopFormProps {
  values: Record<string, string>;
  facilitatorIds: string[];
  rows: number;
  errors?: FieldErrors;
  staff: Array<{ accountId: number; fullName: string }>;
  courses: Array<{ id: number; title: string }>;
}

/** Create and edit a workshop; sessions as local date + start + end in the workshop's time zone. */
export function WorkshopForm({ values, facilitatorIds, rows, errors, staff, courses }: WorkshopFormProps) {
  const { t } = useI18n();
  const optional = (label: string) => `${label} (${t("common.optional")})`;
  return (
    <Form method="post" noValidate>
      <FormErrorSummary show={Boolean(errors && Object.keys(errors).length)} message={errors?.form} />
      <Field
        label={t("workshops.form.title")}
        name="title"
        defaultValue={values.title}
        error={errors?.title}
        maxLength={TITLE_MAX}
        required
      />
      <TextareaField
        label={optional(t("workshops.form.description"))}
        hint={t("workshops.form.descriptionHint")}
        name="description"
        rows={5}
        maxLength={DESCRIPTION_MAX}
        defaultValue={values.description}
        error={errors?.description}
      />
      <SelectField
        label={t("workshops.form.status")}
        name="status"
        defaultValue={values.status ?? "draft"}
        error={errors?.status}
      >
        {WORKSHOP_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`workshops.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("workshops.form.modality")}
        name="modality"
        defaultValue={values.modality ?? "online"}
        error={errors?.modality}
      >
        {MODALITIES.map((modality) => (
          <option key={modality} value={modality}>
            {t(`workshops.modality.${modality}`)}
          </option>
        ))}
      </SelectField>
      <Field
        label={optional(t("workshops.form.place"))}
        hint={t("workshops.form.placeHint")}
        name="place"
        defaultValue={values.place}
        error={errors?.place}
        maxLength={200}
      />
      <Field
        label={optional(t("workshops.form.joinUrl"))}
        hint={t("workshops.form.joinUrlHint")}
        name="joinUrl"
        type="url"
        inputMode="url"
        defaultValue={values.joinUrl}
        error={errors?.joinUrl}
        maxLength={500}
      />
      <SelectField
        label={optional(t("workshops.form.country"))}
        name="country"
        defaultValue={values.country ?? "PE"}
        error={errors?.country}
      >
        <option value="">{t("workshops.form.noCountry")}</option>
        {COUNTRIES.map((code) => (
          <option key={code} value={code}>
            {t(`common.countries.${code}`)}
          </option>
        ))}
      </SelectField>
      <Field
        label={optional(t("workshops.form.region"))}
        name="region"
        defaultValue={values.region}
        error={errors?.region}
        maxLength={120}
      />
      <Field
        label={t("workshops.form.timezone")}
        hint={t("workshops.form.timezoneHint")}
        name="timezone"
        defaultValue={values.timezone ?? "America/Lima"}
        error={errors?.timezone}
        required
      />
      <Field
        label={optional(t("workshops.form.capacity"))}
        hint={t("workshops.form.capacityHint")}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={CAPACITY_MAX}
        defaultValue={values.capacity}
        error={errors?.capacity}
      />
      <Field
        label={t("workshops.form.attendanceMinMinutes")}
        hint={t("workshops.form.attendanceMinMinutesHint")}
        name="attendanceMinMinutes"
        type="number"
        inputMode="numeric"
        min={MIN_MINUTES_RANGE.min}
        max={MIN_MINUTES_RANGE.max}
        defaultValue={values.attendanceMinMinutes ?? String(DEFAULT_MIN_MINUTES)}
        error={errors?.attendanceMinMinutes}
      />

      <fieldset>
        <legend>{t("workshops.form.sessions")}</legend>
        <p className="hint">{t("workshops.form.sessionsHint")}</p>
        {Array.from({ length: rows }, (_, i) => (
          <fieldset key={i} className="session-row">
            <legend>{t("workshops.form.sessionNumber", { number: i + 1 })}</legend>
            <input type="hidden" name={`session-${i}-id`} value={values[`session-${i}-id`] ?? ""} />
            <Field
              label={t("workshops.form.date")}
              name={`session-${i}-date`}
              type="date"
              defaultValue={values[`session-${i}-date`]}
              error={errors?.[`session-${i}-date`]}
            />
            <Field
              label={t("workshops.form.start")}
              name={`session-${i}-start`}
              type="time"
              defaultValue={values[`session-${i}-start`]}
              error={errors?.[`session-${i}-start`]}
            />
            <Field
              label={t("workshops.form.end")}
              name={`session-${i}-end`}
              type="time"
              defaultValue={values[`session-${i}-end`]}
              error={errors?.[`session-${i}-end`]}
            />
          </fieldset>
        ))}
        <input type="hidden" name="rows" value={rows} />
        <button type="submit" name="intent" value="moreSessions" className="button small">
          {t("workshops.form.moreSessions")}
        </button>
      </fieldset>

      <Field
        label={optional(t("workshops.form.registrationOpens"))}
        hint={t("workshops.form.windowHint")}
        name="registrationOpens"
        type="datetime-local"
        defaultValue={values.registrationOpens}
        error={errors?.registrationOpens}
      />
      <Field
        label={optional(t("workshops.form.registrationCloses"))}
        hint={t("workshops.form.windowHint")}
        name="registrationCloses"
        type="datetime-local"
        defaultValue={values.registrationCloses}
        error={errors?.registrationCloses}
      />
      {courses.length > 0 ? (
        <SelectField
          label={optional(t("workshops.form.course"))}
          name="courseId"
          defaultValue={values.courseId ?? ""}
          error={errors?.courseId}
        >
          <option value="">{t("workshops.form.noCourse")}</option>
          {courses.map((course) => (
            <option key={course.id} value={String(course.id)}>
              {course.title}
            </option>
          ))}
        </SelectField>
      ) : null}

      <CheckboxGroupField
        legend={t("workshops.form.facilitators")}
        error={errors?.facilitatorIds}
        name="facilitatorIds"
        defaultValue={facilitatorIds}
        choices={staff.map((person) => ({ value: String(person.accountId), label: person.fullName }))}
      />

      <button type="submit" name="intent" value="save" className="button primary">
        {t("workshops.form.save")}
      </button>
    </Form>
  );
}
