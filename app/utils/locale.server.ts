import type { Locale } from "../../db/schema";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/negotiate";
import { messages } from "../i18n/messages.server";
import { createTranslator } from "../i18n/translate";
import { getUser } from "../auth/user.server";
import { getCookie } from "./cookies.server";

export async function getLocale(request: Request): Promise<Locale> {
  const user = await getUser(request);
  return negotiateLocale({
    accountLocale: user?.locale,
    cookieLocale: getCookie(request, LOCALE_COOKIE),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}

/** `t` for server code (actions' error messages, e-mails, files). */
export async function getTranslator(request: Request) {
  const locale = await getLocale(request);
  return { locale, t: createTranslator(locale, messages[locale]) };
}
