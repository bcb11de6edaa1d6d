import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readFirstSheet, zipWithinLimits } from "./xlsx-read.server";

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Personas");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("readFirstSheet", () => {
  it("reads the first sheet's rows as text with their row numbers, numbers included", async () => {
    const bytes = await workbook([["Nombre", "Teléfono", "Año de nacimiento"], [], ["Rosa Quispe", 987654321, 1985]]);
    const read = await readFirstSheet(bytes, { maxRecords: 10 });
    expect(read).toEqual({
      ok: true,
      complete: true,
      records: [
        { cells: ["Nombre", "Teléfono", "Año de nacimiento"], line: 1 },
        { cells: ["Rosa Quispe", "987654321", "1985"], line: 3 },
      ],
    });
  });

  it("stops after maxRecords filled rows and says more follow", async () => {
    const bytes = await workbook([["Nombre"], ["A"], ["B"], ["C"]]);
    const read = await readFirstSheet(bytes, { maxRecords: 3 });
    expect(read.ok && [read.complete, read.records.length]).toEqual([false, 3]);
  });

  it("refuses a workbook with a formula, naming its row", async () => {
    const bytes = await workbook([
      ["Nombre", "Correo"],
      ["Ana", "ana@example.org"],
      [{ formula: 'CONCAT("Lu","is")', result: "Luis" }, "luis@example.org"],
    ]);
    expect(await readFirstSheet(bytes, { maxRecords: 10 })).toEqual({ ok: false, problem: "formula", line: 3 });
  });

  // Deflating 21 MB in JavaScript takes seconds on a busy machine: a generous timeout, not a race.
  it(
    "refuses a ZIP that inflates past the limit, and anything that is not a workbook",
    { timeout: 60_000 },
    async () => {
      const zip = new JSZip();
      zip.file("xl/worksheets/sheet1.xml", "0".repeat(21_000_000));
      const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      expect(bomb.length).toBeLessThan(200_000);
      expect(zipWithinLimits(bomb)).toBe(false);
      expect(await readFirstSheet(bomb, { maxRecords: 10 })).toEqual({ ok: false, problem: "unreadable" });
      const docx = new JSZip();
      docx.file("word/document.xml", "<w:document/>");
      const notAWorkbook = await docx.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      expect(zipWithinLimits(notAWorkbook)).toBe(true);
      expect(await readFirstSheet(notAWorkbook, { maxRecords: 10 })).toEqual({ ok: false, problem: "unreadable" });
    },
  );
});
