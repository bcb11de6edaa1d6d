import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "../auth/user.server";
import { setReminders } from "../models/mail-preferences.server";
import { getDb } from "../utils/db.server";

/** "Mi cuenta" → reminder e-mails on or off (app/components/reminder-preference.tsx posts here). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  await setReminders(await getDb(), user.personId, form.get("reminders") === "on");
  return redirect("/account?reminders=saved#reminders");
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/account#reminders");
}
