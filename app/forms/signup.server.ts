import { z } from "zod";
import { COUNTRIES, phoneCountry } from "../domain/countries";
import { NAME_MAX } from "../domain/limits";
import { parseIdentifier } from "../domain/contact";
import { newPassword, requiredText, text } from "./fields.server";
import { checkRegion, regionField } from "./place.server";

export const SignupSchema = z
  .object({
    fullName: requiredText("auth.signup.errors.fullNameRequired", "auth.signup.errors.fullNameTooLong", NAME_MAX),
    identifier: requiredText("auth.signup.errors.identifierRequired", "auth.signup.errors.identifierInvalid", 254),
    password: newPassword(),
    country: z.enum(COUNTRIES, { error: "auth.signup.errors.countryRequired" }),
    region: regionField(),
    consent: text().pipe(z.literal("on", { error: "auth.signup.errors.consentRequired" })),
  })
  .superRefine(checkRegion)
  .transform((form, ctx) => {
    const identifier = parseIdentifier(form.identifier, phoneCountry(form.country));
    if (!identifier) {
      ctx.addIssue({ code: "custom", path: ["identifier"], message: "auth.signup.errors.identifierInvalid" });
      return z.NEVER;
    }
    return { ...form, identifier };
  });
