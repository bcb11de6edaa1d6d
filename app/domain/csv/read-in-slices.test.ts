import fs from "node:fs";
import { parse, type Options } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ATTENDANCE_FIXTURES, fixtureText } from "../../../tests/support/attendance-fixtures";
import { readCsvInSlices } from "./read-in-slices";

const REPORT_OPTIONS: Options = {
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
  skip_records_with_error: true,
};

async function readAll(text: string, options: Options) {
  const records: Array<{ cells: string[]; line: number }> = [];
  const skipped: number[] = [];
  const { complete } = await readCsvInSlices(
    text,
    { ...options, on_skip: (error) => void skipped.push(Number(error?.lines ?? 0)) },
    (cells, line) => {
      records.push({ cells, line });
      return "more";
    },
  );
  return { records, skipped, complete };
}

function csvParse(text: string, options: Options) {
  const skipped: number[] = [];
  const parsed = parse(text, {
    ...options,
    info: true,
    on_skip: (error) => void skipped.push(Number(error?.lines ?? 0)),
  }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  return { records: parsed.map(({ record, info }) => ({ cells: record, line: info.lines })), skipped };
}

describe("readCsvInSlices", () => {
  it.each(fs.readdirSync(ATTENDANCE_FIXTURES))("reads %s exactly as csv-parse does", async (fixture) => {
    const text = fixtureText(fixture).replace(/^\uFEFF/, "");
    for (const delimiter of [",", "\t", ";"]) {
      const ours = await readAll(text, { ...REPORT_OPTIONS, delimiter });
      expect({ records: ours.records, skipped: ours.skipped }).toEqual(
        csvParse(text, { ...REPORT_OPTIONS, delimiter }),
      );
    }
  });

  it("reads quoted cells with delimiters, escaped quotes and line breaks, and CRLF files", async () => {
    const text = 'name,note\r\n"Quispe, Rosa","said ""hi""\r\nand left"\r\nAna,ok\r\n\r\nlast,"x"';
    const ours = await readAll(text, { ...REPORT_OPTIONS, delimiter: "," });
    expect(ours.records.map((r) => r.cells)).toEqual(
      csvParse(text, { ...REPORT_OPTIONS, delimiter: "," }).records.map((r) => r.cells),
    );
    // The line each record ends on (csv-parse counts a line break inside quotes twice).
    expect(ours.records.map((r) => r.line)).toEqual([1, 3, 4, 5, 6]);
  });

  it("reports an unclosed quote by line and goes on reading after it", async () => {
    const text = ["a,b", '"open,b', ...Array.from({ length: 150 }, (_, i) => `r${i},x`)].join("\n");
    const ours = await readAll(text, { ...REPORT_OPTIONS, delimiter: "," });
    expect(ours.skipped).toHaveLength(1);
    expect(ours.records.at(-1)).toEqual({ cells: ["r149", "x"], line: 152 });
  });

  it("throws what csv-parse throws without skip_records_with_error", async () => {
    await expect(readAll('nombre,curso\n"Ana,x\n', { delimiter: ",", relax_column_count: true })).rejects.toThrow(
      /Quote Not Closed/,
    );
  });

  it("stops at the visitor's word and says the file was not read whole", async () => {
    let visited = 0;
    const text = Array.from({ length: 10_000 }, (_, i) => `row ${i}`).join("\n");
    const { complete } = await readCsvInSlices(text, { delimiter: "," }, () => (++visited === 2_001 ? "stop" : "more"));
    expect(complete).toBe(false);
    expect(visited).toBe(2_001);
  });
});
