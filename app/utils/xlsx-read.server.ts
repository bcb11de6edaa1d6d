import zlib from "node:zlib";
import ExcelJS from "exceljs";
import type { CsvRecord } from "../domain/csv/records";

/**
 * Reads the first sheet of an uploaded XLSX workbook into records, like the CSV reader's.
 * Cells are read as the text they show; a cell with a formula refuses the whole file (a roster
 * carries values, and a formula's cached result may be stale or crafted). The ZIP container is
 * checked first: a small file that inflates to more than MAX_UNZIPPED_BYTES (a "zip bomb") is
 * refused before the workbook library reads it.
 */
export type ReadSheet =
  | { ok: true; records: CsvRecord[]; complete: boolean }
  | { ok: false; problem: "unreadable" }
  | { ok: false; problem: "formula"; line: number };

/** A 2,000-row roster unzips to about 1 MB of XML; this leaves room and bounds the worst case. */
export const MAX_UNZIPPED_BYTES = 20_000_000;
const MAX_ENTRIES = 1000;
const MAX_CELL = 1000;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Inflates every entry of the central directory with a cap on the total output, so the sizes a
 * ZIP declares cannot lie about what it holds. False for anything that is not a plain ZIP.
 */
export function zipWithinLimits(bytes: Uint8Array, maxUnzipped = MAX_UNZIPPED_BYTES): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const entries = buf.readUInt16LE(eocd + 10);
  if (entries > MAX_ENTRIES) return false;
  let at = buf.readUInt32LE(eocd + 16);
  let budget = maxUnzipped;
  try {
    for (let n = 0; n < entries; n++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return false;
      const method = buf.readUInt16LE(at + 10);
      const compressed = buf.readUInt32LE(at + 20);
      const nameLength = buf.readUInt16LE(at + 28);
      const extraLength = buf.readUInt16LE(at + 30);
      const commentLength = buf.readUInt16LE(at + 32);
      const local = buf.readUInt32LE(at + 42);
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return false;
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(dataStart, dataStart + compressed);
      let size: number;
      if (method === 0) size = data.length;
      else if (method === 8) size = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      else return false;
      budget -= size;
      if (budget < 0) return false;
      at += 46 + nameLength + extraLength + commentLength;
    }
  } catch {
    // Over the cap (RangeError) or a broken deflate stream.
    return false;
  }
  return true;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text ?? "";
}

/** The first sheet's rows, stopping after `maxRecords` filled ones (`complete` false when more follow). */
export async function readFirstSheet(bytes: Uint8Array, { maxRecords }: { maxRecords: number }): Promise<ReadSheet> {
  if (!isZip(bytes) || !zipWithinLimits(bytes)) return { ok: false, problem: "unreadable" };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: "unreadable" };
  const records: CsvRecord[] = [];
  let filled = 0;
  let complete = true;
  let formulaAt = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (formulaAt || !complete) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulaAt ||= rowNumber;
      cells[column - 1] = cellText(cell).slice(0, MAX_CELL).trim();
    });
    if (formulaAt) return;
    const record = { cells: Array.from(cells, (c) => c ?? ""), line: rowNumber };
    if (record.cells.every((c) => c === "")) return;
    if (filled === maxRecords) {
      complete = false;
      return;
    }
    filled++;
    records.push(record);
  });
  if (formulaAt) return { ok: false, problem: "formula", line: formulaAt };
  return { ok: true, records, complete };
}
