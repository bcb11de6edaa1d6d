import type { Locale } from "../../db/schema";
import type { T } from "./keys";
import { messages } from "./messages.server";
import { createTranslator, type MessageTree } from "./translate";

/**
 * `t` over every message in one language, for server code that speaks to someone other than the
 * request's reader (their own e-mail language, a file's holder, a script's `--lang`).
 * Built once per language: createTranslator keeps it.
 */
export function translatorFor(locale: Locale): T {
  return createTranslator(locale, messages[locale] as unknown as MessageTree) as T;
}
