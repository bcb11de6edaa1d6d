import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSessionStaff } from "../auth/workshop.server";
import { describeSession } from "../domain/workshop-display";
import { sessionPosterPdf } from "../downloads/session-poster-pdf.server";
import { issueCheckInToken } from "../models/checkin.server";
import { appUrl } from "../models/workshop-mail.server";
import { localDate } from "../utils/dates";
import { attachment, exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";

/** A session's check-in poster (PDF): each download prints a new token; earlier posters keep working. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, workshop, session } = await requireSessionStaff(request, params);
  const token = await issueCheckInToken(db, session.id, user.accountId);
  const { t, locale } = await getTranslator(request);
  const pdf = await sessionPosterPdf(
    {
      workshopTitle: workshop.title,
      when: describeSession(t, locale, session, workshop.timezone),
      place: workshop.place,
      // The poster outlives this request: the public address, never its Host header.
      checkInUrl: `${appUrl()}/checkin/${token}`,
    },
    { locale, t },
  );
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(
        exportFilename(t, "checkInPoster", {
          subject: workshop.title,
          date: localDate(session.starts_at, workshop.timezone),
          ext: "pdf",
        }),
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
