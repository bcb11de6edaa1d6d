import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../i18n/translator.server";
import { MIN_BLANK_ROWS, signInSheetPdf } from "./sign-in-sheet-pdf.server";

const t = translatorFor("es");

/** The sheet's text as poppler reads it, page by page. */
function pagesOf(pdf: Uint8Array): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minka-sheet-unit-"));
  try {
    fs.writeFileSync(path.join(dir, "sheet.pdf"), pdf);
    return execFileSync("pdftotext", ["-layout", path.join(dir, "sheet.pdf"), "-"], { encoding: "utf8" })
      .split("\f")
      .filter((page) => page.trim());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the printed sign-in sheet", () => {
  it("continues on more pages with the headings on each, prints long names whole, and numbers the blank rows", async () => {
    const long = "María de los Ángeles Fernández de la Cruz Huamaní Quispe";
    const registrants = [long, ...Array.from({ length: 39 }, (_, i) => `Participante ${i + 1} Quispe`)];
    const pdf = await signInSheetPdf(
      { workshopTitle: "Abonos orgánicos", when: "jueves", place: "Local comunal", registrants },
      { locale: "es", t },
    );
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toMatch(/^\s*nombre\s+correo\s+telefono\s+presente\s+firma\s*$/m);
      expect(page).toContain(`Página ${index + 1} de ${pages.length}`);
    });
    const text = pages.join("\n");
    for (const name of registrants) expect(text).toContain(name);
    const last = registrants.length + MIN_BLANK_ROWS;
    expect(text).toMatch(new RegExp(`^\\s*${last}\\s*$`, "m"));
  });
});
