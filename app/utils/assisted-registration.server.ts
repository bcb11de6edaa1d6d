import { z } from "zod";
import { SEXES } from "../../db/schema";
import { normalizeEmail, normalizePhone } from "../domain/contact";
import type { AssistedPersonInput } from "../models/walk-in.server";
import { parseForm, type FieldErrors } from "./form.server";
import { NAME_MAX, requiredText, text } from "./schema.server";

const Schema = z.object({
  fullName: requiredText("workshops.walkIn.errors.fullNameRequired", "workshops.walkIn.errors.fullNameTooLong", NAME_MAX),
  phone: text().pipe(z.string().max(40, { error: "workshops.walkIn.errors.tooLong" })),
  email: text().pipe(z.string().max(254, { error: "workshops.walkIn.errors.tooLong" })),
  sex: text().pipe(z.union([z.literal(""), z.enum(SEXES)], { error: "workshops.walkIn.errors.tooLong" })),
  birthYear: text().refine((v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= new Date().getFullYear()), {
    error: "workshops.walkIn.errors.birthYearInvalid",
  }),
  cooperative: text().pipe(z.string().max(200, { error: "workshops.walkIn.errors.tooLong" })),
  method: text().pipe(z.enum(["walk_in", "staff"], { error: "workshops.walkIn.errors.methodInvalid" })),
  consent: text(),
  choice: text().pipe(z.string().regex(/^(\d+|new)?$/, { error: "workshops.walkIn.errors.chooseRequired" })),
});

/**
 * Reads the assisted-registration form (components/assisted-registration-form.tsx).
 * Shared with the [attendance] roll call, which adds a walk-in and marks them present.
 */
export function readAssistedRegistration(
  form: FormData,
): { ok: true; person: AssistedPersonInput; method: "walk_in" | "staff" } | { ok: false; errors: FieldErrors } {
  const parsed = parseForm(Schema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const rawPhone = String(form.get("phone") ?? "").trim();
  const rawEmail = String(form.get("email") ?? "").trim();
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  const email = rawEmail ? normalizeEmail(rawEmail) : null;
  if (rawPhone && !phone) errors.phone ??= { key: "workshops.walkIn.errors.phoneInvalid" };
  if (rawEmail && !email) errors.email ??= { key: "workshops.walkIn.errors.emailInvalid" };
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const data = parsed.data;
  return {
    ok: true,
    method: data.method,
    person: {
      fullName: data.fullName,
      phone,
      email,
      sex: data.sex || undefined,
      birthYear: data.birthYear ? Number(data.birthYear) : null,
      cooperative: data.cooperative || null,
      verbalConsent: data.consent === "on",
      choice: data.choice === "new" ? "new" : data.choice ? Number(data.choice) : null,
    },
  };
}
