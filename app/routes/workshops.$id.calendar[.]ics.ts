import type { LoaderFunctionArgs } from "@remix-run/node";
import { findRegistration } from "../models/registration.server";
import { canManageWorkshop, getWorkshopDetails } from "../models/workshop.server";
import { calendarFor } from "../models/workshop-mail.server";
import { getUser } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { attachment, exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { idParam } from "../auth/workshop.server";

/** `/workshops/:id/calendar.ics`: every session of the workshop, for any calendar app. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const db = await getDb();
  const details = await getWorkshopDetails(db, id);
  const user = await getUser(request);
  const canManage = user ? await canManageWorkshop(db, user, id) : false;
  if (!details || (details.workshop.status === "draft" && !canManage)) throw new Response("Not found", { status: 404 });
  const registered = user ? (await findRegistration(db, id, user.personId))?.status === "registered" : false;
  // Public download: METHOD:PUBLISH; links and UIDs from APP_URL, never from this request's Host.
  const ics = calendarFor(details.workshop, details.sessions, registered || canManage);
  const { t } = await getTranslator(request);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": attachment(exportFilename(t, "workshop", { subject: details.workshop.title, ext: "ics" })),
      "Cache-Control": "private, no-store",
    },
  });
}
