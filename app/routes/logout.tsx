import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, getUser } from "../auth/user.server";
import { invalidateAllSessions, invalidateSession } from "../models/session.server";
import { getDb } from "../utils/db.server";

export async function loader() {
  return redirect("/");
}

/** Logs out this device, or every device with `scope=everywhere`. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const form = await request.formData();
  if (user) {
    if (form.get("scope") === "everywhere") await invalidateAllSessions(await getDb(), user.accountId);
    else await invalidateSession(await getDb(), user.sessionId);
  }
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}
