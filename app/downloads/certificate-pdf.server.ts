import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Locale } from "../../db/schema";
import type { Certificate } from "../models/certificate.server";
import type { T } from "../i18n/keys";
import { formatLongDate } from "../utils/dates";
import { drawQr, GREEN, INK, MUTED, newPdf, wrapText } from "./pdf-parts.server";

/** The certificate as a one-page A4 landscape PDF with a QR code to its verification page. */
export async function renderCertificatePdf(
  certificate: Certificate,
  options: { verifyUrl: string; locale: Locale; t: T },
): Promise<Uint8Array<ArrayBuffer>> {
  const { t, locale } = options;
  const { pdf, regular, bold } = await newPdf({
    title: t("learning.certificate.pdf.docTitle", { name: certificate.fullName, course: certificate.courseTitle }),
    language: locale,
    subject: certificate.code,
    date: new Date(certificate.issuedAt),
  });

  const page = pdf.addPage([842, 595]);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: GREEN, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: GREEN, borderWidth: 0.75 });

  const date = formatLongDate(certificate.completedAt, locale);
  const hours = t("learning.certificate.hours", { count: certificate.hours });
  let y = height - 90;
  y = centered(page, "Minka", bold, 20, y, GREEN, width);
  y = centered(page, t("learning.certificate.pdf.school"), regular, 13, y - 4, MUTED, width);
  y = centered(page, t("learning.certificate.pdf.heading"), bold, 34, y - 24, INK, width);
  y = centered(page, t("learning.certificate.pdf.certifies"), regular, 15, y - 14, MUTED, width);
  y = centered(page, certificate.fullName, bold, 28, y - 10, INK, width);
  y = centered(page, t("learning.certificate.pdf.completed"), regular, 15, y - 10, MUTED, width);
  y = centered(page, certificate.courseTitle, bold, 22, y - 8, GREEN, width);
  centered(page, t("learning.certificate.pdf.onDate", { date, hours }), regular, 14, y - 10, INK, width);

  const qrSize = 96;
  drawQr(page, options.verifyUrl, 60, 60, qrSize);
  const textX = 60 + qrSize + 18;
  page.drawText(t("learning.certificate.pdf.verifyAt"), {
    x: textX,
    y: 60 + qrSize - 20,
    size: 11,
    font: regular,
    color: MUTED,
  });
  page.drawText(options.verifyUrl, { x: textX, y: 60 + qrSize - 38, size: 11, font: regular, color: INK });
  page.drawText(t("learning.certificate.pdf.code", { code: certificate.code }), {
    x: textX,
    y: 60 + qrSize - 60,
    size: 12,
    font: bold,
    color: INK,
  });
  return new Uint8Array(await pdf.save());
}

/** Draws centred text, shrinking it (and then wrapping it) until it fits; returns the baseline below it. */
function centered(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  top: number,
  color: ReturnType<typeof rgb>,
  pageWidth: number,
): number {
  const maxWidth = pageWidth - 140;
  let fontSize = size;
  while (fontSize > size * 0.6 && font.widthOfTextAtSize(text, fontSize) > maxWidth) fontSize -= 1;
  const lines = wrapText(text, font, fontSize, maxWidth);
  let y = top;
  for (const line of lines) {
    y -= fontSize;
    page.drawText(line, {
      x: (pageWidth - font.widthOfTextAtSize(line, fontSize)) / 2,
      y,
      size: fontSize,
      font,
      color,
    });
    y -= fontSize * 0.35;
  }
  return y;
}

// A certificate never changes once issued (its text is a snapshot), and
// embedding the font takes most of a second on a small server: keep recent PDFs.
const recent = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const RECENT_MAX = 200;

export function certificatePdf(certificate: Certificate, options: { verifyUrl: string; locale: Locale; t: T }) {
  const key = `${certificate.code}|${options.locale}|${options.verifyUrl}`;
  let pdf = recent.get(key);
  if (!pdf) {
    pdf = renderCertificatePdf(certificate, options);
    pdf.catch(() => recent.delete(key));
    recent.set(key, pdf);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  }
  return pdf;
}
