import fs from "node:fs";
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
