import { z } from "zod";
import { normalizeEmail, normalizePhone } from "../domain/contact";
import { NAME_MAX } from "../domain/limits";
import { requiredText, text } from "./fields.server";
import { checkRegion, countryField, regionField } from "./place.server";

export const EnrolSchema = z
  .object({
    fullName: requiredText(
      "learning.enrolOne.errors.fullNameRequired",
      "learning.enrolOne.errors.fullNameTooLong",
      NAME_MAX,
    ),
    email: text(),
    phone: text(),
    consent: text(),
    intent: z.enum(["match", "choose", "create"]).catch("match"),
    personId: z.coerce.number().int().catch(0),
    country: countryField(),
    region: regionField(),
  })
  .superRefine(checkRegion)
  .transform((form, ctx) => {
    const email = form.email ? normalizeEmail(form.email) : null;
    const phone = form.phone ? normalizePhone(form.phone) : null;
    if (form.intent !== "choose") {
      if (!form.email && !form.phone)
        ctx.addIssue({ code: "custom", path: ["email"], message: "learning.enrolOne.errors.contactRequired" });
      if (form.email && !email)
        ctx.addIssue({ code: "custom", path: ["email"], message: "learning.enrolOne.errors.emailInvalid" });
      if (form.phone && !phone)
        ctx.addIssue({ code: "custom", path: ["phone"], message: "learning.enrolOne.errors.phoneInvalid" });
    }
    return { ...form, email, phone };
  });
