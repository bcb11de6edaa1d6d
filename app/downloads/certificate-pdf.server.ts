import fs from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { Locale } from "../../db/schema";
import type { Certificate } from "../models/certificate.server";
import type { Translate } from "../i18n/translate";
import { formatLongDate } from "../utils/dates";

// DejaVu Sans is committed with the app (app/assets/fonts, Bitstream Vera licence)
// so accents and ñ print the same on any machine. Read once per process.
const FONT_DIR = path.resolve("app/assets/fonts");
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    fs.readFile(path.join(FONT_DIR, "DejaVuSans.ttf")),
    fs.readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

const GREEN = rgb(0.114, 0.357, 0.227);
const INK = rgb(0.106, 0.106, 0.106);
const MUTED = rgb(0.29, 0.29, 0.29);

/** The certificate as a one-page A4 landscape PDF with a QR code to its verification page. */
export async function renderCertificatePdf(
  certificate: Certificate,
  options: { verifyUrl: string; locale: Locale; t: Translate },
): Promise<Uint8Array<ArrayBuffer>> {
  const { t, locale } = options;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const bytes = await loadFonts();
  // Subsets keep the file small (tens of KB) for weak connections; pdf-lib adds a ToUnicode map so the text stays searchable.
  const regular = await pdf.embedFont(bytes.regular, { subset: true });
  const bold = await pdf.embedFont(bytes.bold, { subset: true });
  pdf.setTitle(t("learning.certificate.pdf.docTitle", { name: certificate.fullName, course: certificate.courseTitle }));
  pdf.setAuthor("Minka");
  pdf.setSubject(certificate.code);
  pdf.setLanguage(locale);
  pdf.setCreator("Minka");
  pdf.setProducer("Minka");
  pdf.setCreationDate(new Date(certificate.issuedAt));
  pdf.setModificationDate(new Date(certificate.issuedAt));

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
  const lines = wrap(text, font, fontSize, maxWidth);
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

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** The QR code as vector squares: sharp when printed, no image to embed. */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) {
        page.drawRectangle({
          x: x + col * cell,
          y: y + size - (row + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }
    }
  }
}

// A certificate never changes once issued (its text is a snapshot), and
// embedding the font takes most of a second on a small server: keep recent PDFs.
const recent = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const RECENT_MAX = 200;

export function certificatePdf(certificate: Certificate, options: { verifyUrl: string; locale: Locale; t: Translate }) {
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
