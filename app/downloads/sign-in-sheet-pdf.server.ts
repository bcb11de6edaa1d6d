import type { PDFFont, PDFPage } from "pdf-lib";
import type { Locale } from "../../db/schema";
import { SIGN_IN_COLUMNS } from "../domain/attendance-import/sign-in-sheet";
import type { T } from "../i18n/keys";
import { GREEN, INK, MUTED, newPdf, wrapText } from "./pdf-parts.server";

export interface SignInSheetContent {
  workshopTitle: string;
  when: string;
  place: string | null;
  /** Registered people, in the order printed. Only names: the sheet goes round the room. */
  registrants: string[];
}

/** Blank numbered rows for walk-ins, at least; the last page is filled with more. */
export const MIN_BLANK_ROWS = 10;

/**
 * The column headings are the import's own names (`SIGN_IN_COLUMNS`, first alias), so a sheet
 * typed up column by column imports back as it is; the signature column is one the import ignores.
 */
const COLUMNS = [
  { heading: SIGN_IN_COLUMNS.name[0], width: 260 },
  { heading: SIGN_IN_COLUMNS.email[0], width: 160 },
  { heading: SIGN_IN_COLUMNS.phone[0], width: 100 },
  { heading: SIGN_IN_COLUMNS.present[0], width: 64 },
  { heading: null, width: 0 },
] as const;

const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape: room for a signature
const MARGIN = 36;
const NUMBER_WIDTH = 30;
const ROW = 26;
const FOOTER = 30;

/** The printed sign-in sheet of one session: header, a table that continues on more pages when long. */
export async function signInSheetPdf(
  content: SignInSheetContent,
  options: { locale: Locale; t: T },
): Promise<Uint8Array<ArrayBuffer>> {
  const { t, locale } = options;
  const { pdf, regular, bold } = await newPdf({
    title: t("checkin.sheet.docTitle", { workshop: content.workshopTitle }),
    language: locale,
  });
  const [width, height] = PAGE;
  const tableWidth = width - 2 * MARGIN;
  const signatureWidth = tableWidth - NUMBER_WIDTH - COLUMNS.reduce((sum, column) => sum + column.width, 0);
  const columns = COLUMNS.map((column) =>
    column.heading === null ? { heading: t("checkin.sheet.signature"), width: signatureWidth } : column,
  );

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage(PAGE);
    pages.push(page);
    y = height - MARGIN;
    if (pages.length === 1) y = drawHeader(page, content, t, { regular, bold }, y, tableWidth);
    else {
      y -= 12;
      page.drawText(fit(content.workshopTitle, bold, 12, tableWidth), {
        x: MARGIN,
        y,
        size: 12,
        font: bold,
        color: INK,
      });
      y -= 10;
    }
    y = drawHeadings(page, columns, bold, y);
  };
  const roomForRow = () => y - ROW >= MARGIN + FOOTER;

  newPage();
  let number = 0;
  for (const name of content.registrants) {
    if (!roomForRow()) newPage();
    y = drawRow(page, columns, regular, y, ++number, name);
  }
  for (let blank = 0; blank < MIN_BLANK_ROWS || roomForRow(); blank++) {
    if (!roomForRow()) newPage();
    y = drawRow(page, columns, regular, y, ++number, "");
  }
  pages.forEach((p, index) => {
    const text = t("checkin.sheet.page", { page: index + 1, pages: pages.length });
    p.drawText(text, {
      x: width - MARGIN - regular.widthOfTextAtSize(text, 9),
      y: MARGIN - 4,
      size: 9,
      font: regular,
      color: MUTED,
    });
  });
  return new Uint8Array(await pdf.save());
}

function drawHeader(
  page: PDFPage,
  content: SignInSheetContent,
  t: T,
  fonts: { regular: PDFFont; bold: PDFFont },
  top: number,
  maxWidth: number,
): number {
  let y = top;
  const write = (text: string, font: PDFFont, size: number, color = INK, gap = 4) => {
    for (const part of wrapText(text, font, size, maxWidth)) {
      y -= size;
      page.drawText(part, { x: MARGIN, y, size, font, color });
      y -= gap;
    }
  };
  write(`Minka · ${t("checkin.sheet.heading")}`, fonts.bold, 12, GREEN);
  write(content.workshopTitle, fonts.bold, 18, INK, 6);
  write(content.when, fonts.regular, 12);
  if (content.place) write(t("checkin.place", { place: content.place }), fonts.regular, 12);
  y -= 4;
  write(t("checkin.sheet.howToFill"), fonts.regular, 9.5, MUTED, 2);
  write(t("checkin.sheet.walkIns"), fonts.bold, 9.5, MUTED, 2);
  return y - 8;
}

type Column = { heading: string; width: number };

function drawHeadings(page: PDFPage, columns: Column[], bold: PDFFont, top: number): number {
  const y = top - ROW;
  page.drawRectangle({ x: MARGIN, y, width: totalWidth(columns), height: ROW, color: GREEN, opacity: 0.12 });
  let x = MARGIN + NUMBER_WIDTH;
  for (const column of columns) {
    page.drawText(column.heading, { x: x + 4, y: y + 8, size: 11, font: bold, color: INK });
    x += column.width;
  }
  drawGrid(page, columns, y);
  return y;
}

function drawRow(page: PDFPage, columns: Column[], font: PDFFont, top: number, number: number, name: string): number {
  const y = top - ROW;
  const label = String(number);
  page.drawText(label, {
    x: MARGIN + NUMBER_WIDTH - 6 - font.widthOfTextAtSize(label, 10),
    y: y + 9,
    size: 10,
    font,
    color: MUTED,
  });
  if (name) drawName(page, name, font, MARGIN + NUMBER_WIDTH + 4, y, columns[0].width - 8);
  drawGrid(page, columns, y);
  return y;
}

function drawGrid(page: PDFPage, columns: Column[], y: number) {
  const border = { borderColor: INK, borderWidth: 0.6 };
  page.drawRectangle({ x: MARGIN, y, width: NUMBER_WIDTH, height: ROW, ...border });
  let x = MARGIN + NUMBER_WIDTH;
  for (const column of columns) {
    page.drawRectangle({ x, y, width: column.width, height: ROW, ...border });
    x += column.width;
  }
}

const totalWidth = (columns: Column[]) => NUMBER_WIDTH + columns.reduce((sum, column) => sum + column.width, 0);

/**
 * A name is typed up from the sheet, so it is printed whole: smaller type (down to 7 pt) for a long one, then
 * two lines; only a name longer than two lines at the smallest size is cut with "…".
 */
function drawName(page: PDFPage, name: string, font: PDFFont, x: number, rowBottom: number, maxWidth: number) {
  for (let size = 11; size >= 7; size -= 0.5) {
    if (font.widthOfTextAtSize(name, size) <= maxWidth) {
      page.drawText(name, { x, y: rowBottom + 9, size, font, color: INK });
      return;
    }
  }
  const [first, ...rest] = wrapText(name, font, 8.5, maxWidth);
  const second = rest.join(" ");
  page.drawText(fit(first, font, 8.5, maxWidth), { x, y: rowBottom + 14.5, size: 8.5, font, color: INK });
  if (second) page.drawText(fit(second, font, 8.5, maxWidth), { x, y: rowBottom + 4.5, size: 8.5, font, color: INK });
}

/** A long name shrinks a little, then is cut with "…", so it stays on its row. */
function fit(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
