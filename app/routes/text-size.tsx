import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser, safeRedirectPath } from "../auth/user.server";
import { isTextSize } from "../domain/text-size";
import { setLargeText } from "../models/account-display.server";
import { serializeCookie } from "../utils/cookies.server";
import { getDb } from "../utils/db.server";
import { TEXT_SIZE_COOKIE } from "../utils/text-size.server";

export async function loader() {
  return redirect("/");
}

/** "Letra grande" on or off: in a cookie for this browser, and on the account when someone is signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const size = form.get("size");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isTextSize(size)) return redirect(back);
  const user = await getUser(request);
  if (user) await setLargeText(await getDb(), user.accountId, size === "large");
  const cookie = serializeCookie(request, TEXT_SIZE_COOKIE, size, { maxAgeSeconds: 365 * 24 * 3600 });
  return redirect(back, { headers: { "Set-Cookie": cookie } });
}
