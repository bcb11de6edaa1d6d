import type { Locale } from "../../db/schema";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/negotiate";
import { translatorFor } from "../i18n/translator.server";
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
  return { locale, t: translatorFor(locale) };
}
