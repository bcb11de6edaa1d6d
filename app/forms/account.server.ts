import { z } from "zod";
import { LOCALES } from "../../db/schema";
import { NAME_MAX } from "../domain/limits";
import { newPassword, requiredText } from "../utils/schema.server";

export const ProfileSchema = z.object({
  fullName: requiredText("account.errors.fullNameRequired", "account.errors.fullNameTooLong", NAME_MAX),
  language: z.enum(LOCALES, { error: "account.errors.languageInvalid" }),
});

export const ChangePasswordSchema = z.object({ current: z.string().max(1000), password: newPassword() });
