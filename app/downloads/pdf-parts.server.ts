import fs from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";

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

export const GREEN = rgb(0.114, 0.357, 0.227);
export const INK = rgb(0.106, 0.106, 0.106);
export const MUTED = rgb(0.29, 0.29, 0.29);

/** A new PDF with Minka's two fonts embedded (subset) and its metadata set. */
export async function newPdf(meta: { title: string; language: string; subject?: string; date?: Date }) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const bytes = await loadFonts();
  // Subsets keep the file small (tens of KB) for weak connections; pdf-lib adds a ToUnicode map so the text stays searchable.
  const regular = await pdf.embedFont(bytes.regular, { subset: true });
  const bold = await pdf.embedFont(bytes.bold, { subset: true });
  pdf.setTitle(meta.title);
  pdf.setAuthor("Minka");
  if (meta.subject) pdf.setSubject(meta.subject);
  pdf.setLanguage(meta.language);
  pdf.setCreator("Minka");
  pdf.setProducer("Minka");
  if (meta.date) {
    pdf.setCreationDate(meta.date);
    pdf.setModificationDate(meta.date);
  }
  return { pdf, regular, bold };
}

/** Splits text into lines no wider than maxWidth, at spaces. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
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

/** A QR code as vector squares, lower-left corner at (x, y): sharp when printed, no image to embed. */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
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
