import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport } from "./index";

const options = { timeZone: "America/Lima" };

describe("sign-in sheet CSV", () => {
  it("reads Excel's Spanish export: Windows-1252, semicolons, sí/x/no marks, minutes", async () => {
    const outcome = await parseAttendanceReport(fixtureText("sign-in-sheet-windows-1252.csv"), options);
    if (!outcome.ok) throw new Error(outcome.error.code);
    expect(outcome.report.format).toBe("sign-in-sheet");
    expect(
      outcome.report.rows.map((row) => [row.name, row.email, row.phone, row.present, row.durationSeconds]),
    ).toEqual([
      ["Rosa Quispe Mamani", "socia@minka.test", null, true, null],
      ["Teodoro Mamani Ccori", null, "+51987111222", true, null],
      ["Juana Flores", null, null, true, null],
      ["Marco Apaza", null, null, false, null],
      ["Pedro Ccama Huarca", null, null, null, 5400],
    ]);
  });

  it("reads English column names with commas", async () => {
    const outcome = await parseAttendanceReport(fixtureText("sign-in-sheet.csv"), options);
    if (!outcome.ok) throw new Error(outcome.error.code);
    expect(outcome.report.rows.map((row) => [row.name, row.phone, row.present])).toEqual([
      ["Rosa Quispe Mamani", null, true],
      ["Elena Choque", "+51987654321", true],
    ]);
  });

  it("skips lines without a name and answers a header alone with 'no rows'", async () => {
    const outcome = await parseAttendanceReport("nombre,correo\n,rosa@x\nRosa,\n", options);
    expect(outcome.ok && outcome.report.problems).toEqual([{ line: 2, code: "missingName", skipped: true }]);
    expect(outcome.ok && outcome.report.rows.map((row) => row.name)).toEqual(["Rosa"]);
    expect(await parseAttendanceReport("nombre;correo;telefono\n", options)).toEqual({
      ok: false,
      error: { code: "noRows", format: "sign-in-sheet" },
    });
  });
});
