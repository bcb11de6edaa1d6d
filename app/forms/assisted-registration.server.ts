import { z } from "zod";
import { SEXES } from "../../db/schema";
import { normalizeEmail, normalizePhone } from "../domain/contact";
import { NAME_MAX } from "../domain/limits";
import { DIFFERENCE_FIELDS, type DifferenceField } from "../domain/person-differences";
import type { AssistedPersonInput } from "../models/walk-in.server";
import type { MessageKey } from "../i18n/keys";
import { birthYearField } from "./birth-year.server";
import { requiredText, text } from "./fields.server";
import { checkRegion, countryField, regionField } from "./place.server";

const tooLong = "workshops.walkIn.errors.tooLong";

/** An optional contact: "" is none; anything else must normalise, or the field shows `invalid`. */
function contact(max: number, normalize: (value: string) => string | null, invalid: MessageKey) {
  return text()
    .pipe(z.string().max(max, { error: tooLong }))
    .transform((value, ctx) => {
      if (!value) return null;
      const normal = normalize(value);
      if (normal === null) ctx.addIssue({ code: "custom", message: invalid });
      return normal;
    });
}

/**
 * The assisted-registration form (components/assisted-registration-form.tsx):
 * a walk-in on the workshop page, and on the [attendance] roll call, which adds
 * the person and marks them present.
 */
export const AssistedRegistrationSchema = z
  .object({
    fullName: requiredText(
      "workshops.walkIn.errors.fullNameRequired",
      "workshops.walkIn.errors.fullNameTooLong",
      NAME_MAX,
    ),
    phone: contact(40, (value) => normalizePhone(value), "workshops.walkIn.errors.phoneInvalid"),
    email: contact(254, normalizeEmail, "workshops.walkIn.errors.emailInvalid"),
    sex: text().pipe(z.union([z.literal(""), z.enum(SEXES)], { error: tooLong })),
    birthYear: birthYearField(),
    cooperative: text().pipe(z.string().max(200, { error: tooLong })),
    method: text().pipe(z.enum(["walk_in", "staff"], { error: "workshops.walkIn.errors.methodInvalid" })),
    consent: text(),
    choice: text().pipe(z.string().regex(/^(\d+|new)?$/, { error: "workshops.walkIn.errors.chooseRequired" })),
    country: countryField(),
    region: regionField(),
    // The differences step (components/identity-questions.tsx): which fields staff saw, and keep/update per field.
    reviewed: text().pipe(z.string().max(100, { error: tooLong })),
    update_sex: text(),
    update_birthYear: text(),
    update_cooperative: text(),
    update_country: text(),
    update_region: text(),
  })
  .superRefine(checkRegion)
  .transform((form): { person: AssistedPersonInput; method: "walk_in" | "staff" } => ({
    method: form.method,
    person: {
      fullName: form.fullName,
      phone: form.phone,
      email: form.email,
      sex: form.sex || undefined,
      birthYear: form.birthYear,
      cooperative: form.cooperative || null,
      country: form.country,
      region: form.region,
      verbalConsent: form.consent === "on",
      choice: form.choice === "new" ? "new" : form.choice ? Number(form.choice) : null,
      differences: form.reviewed ? differencesAnswer(form) : undefined,
    },
  }));

function differencesAnswer(form: { reviewed: string } & { [K in `update_${DifferenceField}`]: string }) {
  const reviewed = DIFFERENCE_FIELDS.filter((field) => form.reviewed.split(",").includes(field));
  return { reviewed, update: reviewed.filter((field) => form[`update_${field}`] === "update") };
}
