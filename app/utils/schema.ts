import { z } from "zod";
import type { MessageKey } from "../i18n/keys";

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

export const NAME_MAX = 120;
