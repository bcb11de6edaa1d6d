import type { PDFFont, PDFPage } from "pdf-lib";
import type { Locale } from "../../db/schema";
import { formatShortCode } from "../domain/access-card.server";
import type { T } from "../i18n/keys";
import { drawQr, GREEN, INK, MUTED, newPdf, wrapText } from "./pdf-parts.server";

/** A4 in points, and the grid of cards to cut out: 2 columns × 4 rows. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 28;
export const CARD_GRID = { columns: 2, rows: 4 };

export interface PrintedCard {
  id: number;
  /** The URL in the QR code: APP_URL/card/<token>. */
  url: string;
  code: string;
}

/**
 * Access cards on A4 sheets, eight to a page, each in a dashed frame to cut along: the member's
 * name, the QR code that signs them in, the short code with where to type it, and what to do if
 * the card is lost.
 */
export async function renderAccessCardsPdf(
  cards: PrintedCard[],
  options: { fullName: string; codeUrl: string; locale: Locale; t: T; date: Date },
): Promise<Uint8Array<ArrayBuffer>> {
  const { t } = options;
  const { pdf, regular, bold } = await newPdf({
    title: t("access.pdf.title"),
    subject: t("access.pdf.subject"),
    language: options.locale,
    date: options.date,
  });
  const perPage = CARD_GRID.columns * CARD_GRID.rows;
  const cellWidth = (PAGE.width - 2 * MARGIN) / CARD_GRID.columns;
  const cellHeight = (PAGE.height - 2 * MARGIN) / CARD_GRID.rows;
  let page: PDFPage | undefined;
  cards.forEach((card, i) => {
    const slot = i % perPage;
    if (slot === 0) page = pdf.addPage([PAGE.width, PAGE.height]);
    const column = slot % CARD_GRID.columns;
    const row = Math.floor(slot / CARD_GRID.columns);
    const x = MARGIN + column * cellWidth;
    const y = PAGE.height - MARGIN - (row + 1) * cellHeight;
    drawCard(page!, card, { x, y, width: cellWidth, height: cellHeight }, { ...options, regular, bold });
  });
  return new Uint8Array(await pdf.save());
}

function drawCard(
  page: PDFPage,
  card: PrintedCard,
  box: { x: number; y: number; width: number; height: number },
  o: { fullName: string; codeUrl: string; t: T; regular: PDFFont; bold: PDFFont },
) {
  const { t, regular, bold } = o;
  page.drawRectangle({ ...box, borderColor: MUTED, borderWidth: 0.75, borderDashArray: [4, 3] });
  const left = box.x + 12;
  const top = box.y + box.height - 10;
  const inner = box.width - 24;
  page.drawText(t("access.pdf.heading"), { x: left, y: top - 10, size: 9, font: bold, color: GREEN });
  const number = t("access.pdf.number", { number: card.id });
  page.drawText(number, {
    x: box.x + box.width - 12 - regular.widthOfTextAtSize(number, 7.5),
    y: top - 10,
    size: 7.5,
    font: regular,
    color: MUTED,
  });
  page.drawText(fit(o.fullName, bold, 13, inner), { x: left, y: top - 28, size: 13, font: bold, color: INK });

  const qrSize = 100;
  drawQr(page, card.url, left, top - 40 - qrSize, qrSize);

  const textX = left + qrSize + 12;
  const textWidth = box.x + box.width - 12 - textX;
  page.drawText(t("access.pdf.code"), { x: textX, y: top - 48, size: 8, font: regular, color: MUTED });
  page.drawText(formatShortCode(card.code), { x: textX, y: top - 66, size: 15, font: bold, color: INK });
  let y = top - 82;
  for (const line of wrapText(t("access.pdf.scan"), regular, 7.5, textWidth)) {
    page.drawText(line, { x: textX, y, size: 7.5, font: regular, color: INK });
    y -= 9.5;
  }
  y -= 3;
  for (const line of wrapText(t("access.pdf.noCamera"), regular, 7.5, textWidth)) {
    page.drawText(line, { x: textX, y, size: 7.5, font: regular, color: INK });
    y -= 9.5;
  }
  const urlSize = Math.min(8, (7.5 * textWidth) / bold.widthOfTextAtSize(o.codeUrl, 7.5));
  page.drawText(o.codeUrl, { x: textX, y, size: urlSize, font: bold, color: INK });

  let bottom = box.y + 10 + 9;
  const lost = wrapText(`${t("access.pdf.lost")} ${t("access.pdf.personal")}`, regular, 7.5, inner);
  for (const line of lost.slice(0, 2)) {
    page.drawText(line, { x: left, y: bottom, size: 7.5, font: regular, color: MUTED });
    bottom -= 9;
  }
}

/** The text cut with "…" to fit one line. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
