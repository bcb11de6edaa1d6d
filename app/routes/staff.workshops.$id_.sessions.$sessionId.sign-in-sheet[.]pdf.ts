import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSessionStaff } from "../auth/workshop.server";
import { describeSession } from "../domain/workshop-display";
import { signInSheetPdf } from "../downloads/sign-in-sheet-pdf.server";
import { signInSheetNames } from "../models/checkin.server";
import { localDate } from "../utils/dates";
import { attachment, exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";

/** A session's printed sign-in sheet (PDF, A4): its columns are the sign-in-sheet import's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop, session } = await requireSessionStaff(request, params);
  const { t, locale } = await getTranslator(request);
  const pdf = await signInSheetPdf(
    {
      workshopTitle: workshop.title,
      when: describeSession(t, locale, session, workshop.timezone),
      place: workshop.place,
      registrants: await signInSheetNames(db, workshop.id),
    },
    { locale, t },
  );
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(
        exportFilename(t, "signInSheet", {
          subject: workshop.title,
          date: localDate(session.starts_at, workshop.timezone),
          ext: "pdf",
        }),
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
