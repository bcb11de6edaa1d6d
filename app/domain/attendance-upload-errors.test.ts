import { describe, expect, it } from "vitest";
import { parseErrorMessage, reportFileError } from "./attendance-upload-errors";

describe("a refused report file", () => {
  it("says how big it was and the limit, in the reader's language, with 413", () => {
    expect(reportFileError({ problem: "tooLarge", size: 12_400_000 }, "es")).toEqual({
      status: 413,
      error: {
        key: "attendance.import.errors.tooLarge",
        vars: { size: expect.stringMatching(/^12\sMB$/), max: expect.stringMatching(/^5\sMB$/) },
      },
    });
  });
  it("names the kind of file that is not text (415), or asks for one (400)", () => {
    expect(reportFileError({ problem: "notText", kind: "pdf" }, "en")).toEqual({
      status: 415,
      error: { key: "attendance.import.errors.notText.pdf" },
    });
    expect(reportFileError({ problem: "noFile" }, "en")).toEqual({
      status: 400,
      error: { key: "attendance.import.errors.noFile" },
    });
  });
});

describe("a report that could not be parsed", () => {
  it("lists the missing columns, gives the row limit, or names the problem", () => {
    expect(parseErrorMessage({ code: "missingColumns", format: "teams", columns: ["Nombre", "Duración"] })).toEqual({
      key: "attendance.import.errors.missingColumns",
      vars: { columns: "Nombre, Duración" },
    });
    expect(parseErrorMessage({ code: "tooManyRows", format: "zoom-meeting", max: 20_000 })).toEqual({
      key: "attendance.import.errors.tooManyRows",
      vars: { max: 20_000 },
    });
    expect(parseErrorMessage({ code: "unknownFormat" })).toEqual({ key: "attendance.import.errors.unknownFormat" });
    expect(parseErrorMessage({ code: "noRows", format: "teams" })).toEqual({ key: "attendance.import.errors.noRows" });
  });
});
