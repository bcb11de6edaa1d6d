import { z } from "zod";
import { LOCALES, SEXES } from "../../db/schema";
import { DEFAULT_PHONE_COUNTRY, normalizeEmail, normalizePhone } from "../domain/contact";
import { phoneCountry } from "../domain/countries";
import { NAME_MAX } from "../domain/limits";
import type { PersonFacts } from "../domain/person-changes";
import { requiredText, text } from "./fields.server";
import { checkRegion, countryField, regionField } from "./place.server";

const tooLong = "people.staff.person.errors.tooLong";

/**
 * The staff person page's edit form (routes/staff.people.$personId._index.tsx).
 * A phone without a country code is read in the person's country, Peru when it is not known.
 */
export const PersonRecordSchema = z
  .object({
    fullName: requiredText("people.staff.person.errors.fullNameRequired", tooLong, NAME_MAX),
    email: text().pipe(z.string().max(254, { error: tooLong })),
    phone: text().pipe(z.string().max(40, { error: tooLong })),
    sex: text().pipe(z.enum(SEXES, { error: "people.staff.person.errors.sexInvalid" })),
    birthYear: text().refine(
      (v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= new Date().getFullYear()),
      { error: "people.staff.person.errors.birthYearInvalid" },
    ),
    country: countryField(),
    region: regionField(),
    cooperative: text().pipe(z.string().max(200, { error: tooLong })),
    preferredLanguage: text().pipe(z.enum(LOCALES, { error: "people.staff.person.errors.languageInvalid" })),
  })
  .superRefine(checkRegion)
  .transform((form, ctx): PersonFacts => {
    const email = form.email ? normalizeEmail(form.email) : null;
    if (form.email && !email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "people.staff.person.errors.emailInvalid" });
    }
    const phone = form.phone ? normalizePhone(form.phone, phoneCountry(form.country) ?? DEFAULT_PHONE_COUNTRY) : null;
    if (form.phone && !phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "people.staff.person.errors.phoneInvalid" });
    }
    return {
      fullName: form.fullName,
      email,
      phone,
      sex: form.sex,
      birthYear: form.birthYear ? Number(form.birthYear) : null,
      country: form.country,
      region: form.region,
      cooperative: form.cooperative || null,
      preferredLanguage: form.preferredLanguage,
    };
  });
