import { z } from "zod";
import type { MessageKey } from "../i18n/keys";
import { PASSWORD_MAX, PASSWORD_MIN } from "../domain/password-rules";

/** A form text field: a missing field reads as "", then trimmed. */
export function text() {
  return z.preprocess((value) => (typeof value === "string" ? value : ""), z.string().trim());
}

export function requiredText(required: MessageKey, tooLong: MessageKey, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value : ""),
    z.string().trim().min(1, { error: required }).max(max, { error: tooLong }),
  );
}

/** A new password: 8 to 200 characters, taken as typed (no trimming). */
export function newPassword() {
  return z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .min(PASSWORD_MIN, { error: "auth.signup.errors.passwordTooShort" })
      .max(PASSWORD_MAX, { error: "auth.signup.errors.passwordTooLong" }),
  );
}
