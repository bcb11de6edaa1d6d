import iconv from "iconv-lite";
import { stringify } from "csv-stringify/sync";
import { textLayout } from "../domain/upload-sniff";
import { attachment } from "./export-filename";

/**
 * Text of an uploaded file: UTF-8 (with or without BOM), UTF-16 (LE/BE, with BOM,
 * or LE without one as Teams writes it), else Windows-1252 (Excel on Windows).
 * Check it is text at all with `sniffUpload` first.
 */
export function decodeUpload(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (textLayout(bytes)) {
    case "utf8-bom":
      return buffer.subarray(3).toString("utf8");
    case "utf16le-bom":
      return iconv.decode(buffer.subarray(2), "utf16le");
    case "utf16be-bom":
      return iconv.decode(buffer.subarray(2), "utf16be");
    case "utf16le":
      return iconv.decode(buffer, "utf16le");
    case "bytes":
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
      } catch {
        return iconv.decode(buffer, "win1252");
      }
  }
}

/**
 * The one CSV writer of the exports: UTF-8 with a BOM and CRLF line ends, so Excel
 * opens it with accents intact. A text cell starting with = + - @ tab or CR would
 * run as a formula in a spreadsheet (OWASP "CSV injection"): it gets a leading
 * single quote. Numbers (typed as numbers, e.g. -3) are left alone.
 */
export function toExcelCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return (
    "\uFEFF" +
    stringify([header, ...rows.map((row) => row.map((cell) => cell ?? ""))], {
      record_delimiter: "windows",
      escape_formulas: true,
    })
  );
}

export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(filename),
    },
  });
}
