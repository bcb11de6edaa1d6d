import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isUploadRoute } from "./body";

const ROUTES = path.resolve(import.meta.dirname, "../../app/routes");

/** A URL of a flat route file: `staff.workshops.$id_.sessions.$sessionId.import.tsx` → `/staff/workshops/7/sessions/7/import`. */
function samplePath(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((segment) => segment !== "_index");
  return "/" + segments.map((segment) => segment.replace(/_$/, "").replace(/^\$.*/, "7")).join("/");
}

describe("isUploadRoute", () => {
  it("knows every route whose form sends files, so none of them is held to the form limit by mistake", () => {
    const uploads = fs
      .readdirSync(ROUTES)
      .filter((file) => fs.readFileSync(path.join(ROUTES, file), "utf8").includes('encType="multipart/form-data"'));
    expect(uploads.length).toBeGreaterThan(0);
    for (const file of uploads) {
      expect(isUploadRoute(samplePath(file)), file).toBe(true);
      expect(isUploadRoute(samplePath(file) + ".data"), file).toBe(true);
    }
  });

  it("gives the upload limit to nothing else", () => {
    for (const other of [
      "/login",
      "/staff/workshops/7/sessions/7/roll-call",
      "/staff/enrolments/import/x",
      "/staff/workshops/7/import",
      "/x/staff/enrolments/import",
    ]) {
      expect(isUploadRoute(other), other).toBe(false);
    }
  });
});
