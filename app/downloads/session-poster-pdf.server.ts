import type { Locale } from "../../db/schema";
import type { T } from "../i18n/keys";
import { drawQr, GREEN, INK, MUTED, newPdf, wrapText } from "./pdf-parts.server";

export interface PosterContent {
  workshopTitle: string;
  /** "jueves, 12 de marzo de 2026, de 10:00 a 12:00 (hora de Lima)". */
  when: string;
  place: string | null;
  /** `APP_URL/checkin/<token>`: what the QR code opens. */
  checkInUrl: string;
}

/**
 * The check-in poster of one session: A4 portrait, a QR code of about 11 cm (readable from a
 * couple of metres on a wall), the workshop, its date and place, and three short steps.
 */
export async function sessionPosterPdf(
  content: PosterContent,
  options: { locale: Locale; t: T },
): Promise<Uint8Array<ArrayBuffer>> {
  const { t, locale } = options;
  const { pdf, regular, bold } = await newPdf({
    title: t("checkin.poster.docTitle", { workshop: content.workshopTitle }),
    language: locale,
  });
  const page = pdf.addPage([595.28, 841.89]);
  const { width, height } = page.getSize();
  const margin = 48;
  const maxWidth = width - 2 * margin;
  let y = height - margin;
  const line = (text: string, font = regular, size = 16, color = INK, gap = 6) => {
    for (const part of wrapText(text, font, size, maxWidth)) {
      y -= size;
      page.drawText(part, { x: (width - font.widthOfTextAtSize(part, size)) / 2, y, size, font, color });
      y -= gap;
    }
  };
  line("Minka", bold, 18, GREEN);
  line(t("checkin.poster.heading"), bold, 34, INK, 14);
  line(content.workshopTitle, bold, 24, GREEN, 8);
  line(content.when, regular, 16, INK);
  if (content.place) line(t("checkin.place", { place: content.place }), regular, 16, INK);

  const qrSize = 320;
  y -= 16 + qrSize;
  drawQr(page, content.checkInUrl, (width - qrSize) / 2, y, qrSize);
  y -= 8;
  line(content.checkInUrl, regular, 10, MUTED, 14);
  for (const step of ["step1", "step2", "step3"] as const) line(t(`checkin.poster.${step}`), regular, 16, INK, 4);
  y -= 8;
  line(t("checkin.poster.window"), regular, 13, MUTED, 4);
  line(t("checkin.poster.noPhone"), bold, 14, INK, 4);
  return new Uint8Array(await pdf.save());
}
