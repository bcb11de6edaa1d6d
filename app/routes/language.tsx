import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { LOCALE_COOKIE, isLocale } from "../i18n/negotiate";
import { setPreferredLanguage } from "../models/person.server";
import { getUser, safeRedirectPath } from "../auth/user.server";
import { serializeCookie } from "../utils/cookies.server";
import { getDb } from "../utils/db.server";

export async function loader() {
  return redirect("/");
}

/** Remembers the language in a cookie, and on the account when someone is logged in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(back);
  const user = await getUser(request);
  if (user) await setPreferredLanguage(await getDb(), user.personId, lang);
  const cookie = serializeCookie(request, LOCALE_COOKIE, lang, { maxAgeSeconds: 365 * 24 * 3600, httpOnly: false });
  return redirect(back, { headers: { "Set-Cookie": cookie } });
}
