import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";

export interface Area {
  /** Fractions of the page's width and height, from its top-left corner. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Reads the QR code printed on one page of a PDF the way a phone camera would: poppler's pdftoppm
 * renders the page to pixels, jsQR decodes them. `area` limits it to a part of the page (jsQR finds
 * one code per image, so a sheet of cards is read card by card). Null when no code is found.
 */
export function readQrFromPdf(pdf: Uint8Array, options: { page?: number; area?: Area } = {}): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-qr-"));
  try {
    const file = path.join(dir, "doc.pdf");
    fs.writeFileSync(file, pdf);
    const page = String(options.page ?? 1);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "150",
      "-f",
      page,
      "-l",
      page,
      "-singlefile",
      file,
      path.join(dir, "page"),
    ]);
    const image = PNG.sync.read(fs.readFileSync(path.join(dir, "page.png")));
    const area = options.area ?? { left: 0, top: 0, width: 1, height: 1 };
    const x0 = Math.floor(area.left * image.width);
    const y0 = Math.floor(area.top * image.height);
    const w = Math.min(image.width - x0, Math.ceil(area.width * image.width));
    const h = Math.min(image.height - y0, Math.ceil(area.height * image.height));
    const pixels = new Uint8ClampedArray(w * h * 4);
    for (let row = 0; row < h; row++) {
      const from = ((y0 + row) * image.width + x0) * 4;
      pixels.set(image.data.subarray(from, from + w * 4), row * w * 4);
    }
    return jsQR(pixels, w, h)?.data ?? null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
