import fs from "node:fs";
import iconv from "iconv-lite";
import path from "node:path";
import { decodeUpload } from "../../app/utils/csv.server";
import { ROOT } from "./paths";

export const ATTENDANCE_FIXTURES = path.join(ROOT, "tests/fixtures/attendance");

export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(ATTENDANCE_FIXTURES, name));
}

/** A fixture as the upload handler sees it: decoded from whatever encoding the platform wrote. */
export function fixtureText(name: string): string {
  return decodeUpload(fixtureBytes(name));
}

/**
 * A Zoom participants fixture as Excel in Spanish saves it back: Windows-1252, CRLF, the participant
 * rows in another order, every cell quoted. Other bytes, the same meeting.
 */
export function resavedByExcel(name: string): Uint8Array<ArrayBuffer> {
  const lines = fixtureText(name).split(/\r?\n/);
  const header = lines.findIndex((line) => line.startsWith("Name (Original Name)"));
  const rows = lines
    .slice(header + 1)
    .filter(Boolean)
    .reverse();
  const quoted = (line: string) =>
    line.includes('""')
      ? line
      : line
          .split(",")
          .map((cell) => `"${cell}"`)
          .join(",");
  return new Uint8Array(iconv.encode([...lines.slice(0, header + 1), ...rows.map(quoted), ""].join("\r\n"), "win1252"));
}
