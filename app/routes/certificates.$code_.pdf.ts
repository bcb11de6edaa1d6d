import type { LoaderFunctionArgs } from "@remix-run/node";
import { normalizeCertificateCode } from "../domain/certificate";
import { hasRole } from "../domain/roles";
import { findCertificateByCode } from "../models/certificate.server";
import { requireUser } from "../auth/user.server";
import { certificatePdf } from "../downloads/certificate-pdf.server";
import { localDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { attachment, exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";

/** The certificate PDF: for its owner, and for staff (facilitator and above). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const code = normalizeCertificateCode(params.code ?? "");
  const certificate = code ? await findCertificateByCode(await getDb(), code) : undefined;
  if (!certificate) throw new Response("Not found", { status: 404 });
  if (certificate.personId !== user.personId && !hasRole(user.role, "facilitator"))
    throw new Response("Forbidden", { status: 403 });
  const { t, locale } = await getTranslator(request);
  const verifyUrl = `${new URL(request.url).origin}/certificates/${certificate.code}`;
  const pdf = await certificatePdf(certificate, { verifyUrl, locale, t });
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
