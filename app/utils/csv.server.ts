import iconv from "iconv-lite";
import { stringify } from "csv-stringify/sync";

/**
 * Text of an uploaded file: UTF-8 (with or without BOM), UTF-16 (LE/BE, with BOM,
 * or LE without one as Teams writes it), else Windows-1252 (Excel on Windows).
 */
export function decodeUpload(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString("utf8");
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), "utf16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), "utf16be");
  if (buffer.length >= 4 && buffer[1] === 0 && buffer[3] === 0 && buffer[0] !== 0) return iconv.decode(buffer, "utf16le");
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return utf8.decode(buffer);
  } catch {
    return iconv.decode(buffer, "win1252");
  }
}

/** A CSV that Excel opens with accents intact: UTF-8 with a BOM, CRLF line ends. */
export function toExcelCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return "\uFEFF" + stringify([header, ...rows.map((row) => row.map((cell) => cell ?? ""))], { record_delimiter: "windows" });
}

export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
