import type { LoaderFunctionArgs } from "@remix-run/node";
import { normalizeCertificateCode } from "../domain/certificate";
import { hasRole } from "../domain/roles";
import { isLocale } from "../i18n/negotiate";
import { translatorFor } from "../i18n/translator.server";
import { certificateHolderLanguage, findCertificateByCode } from "../models/certificate.server";
import { appUrl } from "../models/workshop-mail.server";
import { requireUser } from "../auth/user.server";
import { certificatePdf } from "../downloads/certificate-pdf.server";
import { localDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { attachment, exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";

/** The certificate PDF: for its owner, and for staff (facilitator and above). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const code = normalizeCertificateCode(params.code ?? "");
  const certificate = code ? await findCertificateByCode(db, code) : undefined;
  if (!certificate) throw new Response("Not found", { status: 404 });
  if (certificate.personId !== user.personId && !hasRole(user.role, "facilitator"))
    throw new Response("Forbidden", { status: 403 });
  // The holder's language (staff print it as its holder reads it), or the one chosen with ?lang=.
  const chosen = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(chosen) ? chosen : await certificateHolderLanguage(db, certificate.personId);
  const pdfT = translatorFor(locale);
  // The printed URL and the QR code outlive this request: the public address, never its Host header.
  const verifyUrl = `${appUrl()}/certificates/${certificate.code}`;
  const pdf = await certificatePdf(certificate, { verifyUrl, locale, t: pdfT });
  const { t } = await getTranslator(request);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(
        exportFilename(t, "certificate", {
          subject: [certificate.courseTitle, certificate.code],
          date: localDate(certificate.issuedAt),
          ext: "pdf",
        }),
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
