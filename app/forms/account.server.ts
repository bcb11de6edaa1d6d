import { z } from "zod";
import { LOCALES } from "../../db/schema";
import { NAME_MAX } from "../domain/limits";
import { newPassword, requiredText, text } from "./fields.server";
import { checkRegion, countryField, regionField } from "./place.server";

export const ProfileSchema = z
  .object({
    fullName: requiredText("account.errors.fullNameRequired", "account.errors.fullNameTooLong", NAME_MAX),
    language: z.enum(LOCALES, { error: "account.errors.languageInvalid" }),
    country: countryField(),
    region: regionField(),
  })
  .superRefine(checkRegion);

export const ChangePasswordSchema = z.object({ current: z.string().max(1000), password: newPassword() });

/** Withdrawing consent ends the account's use of the data: the box must be ticked. */
export const WithdrawConsentSchema = z.object({
  confirm: text().pipe(z.literal("on", { error: "privacy.yourData.withdrawConfirmRequired" })),
});
