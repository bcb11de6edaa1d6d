import type { Locale } from "../../db/schema";
import type { Msg } from "../i18n/keys";
import type { ParseError } from "./attendance-import/types";
import { MAX_REPORT_BYTES } from "./attendance-import/types";
import { formatFileSize } from "./file-size";
import type { NotTextKind } from "./upload-sniff";

/** Why an uploaded report was refused before it was read (`readReportFile`). */
export type ReportFileProblem =
  | { problem: "tooLarge"; size: number }
  | { problem: "notText"; kind: NotTextKind }
  | { problem: "noFile" };

/** What the upload form says about a refused file (how big it was, what kind of file it is, or that none came), with its HTTP status. */
export function reportFileError(file: ReportFileProblem, locale: Locale): { status: number; error: Msg } {
  switch (file.problem) {
    case "tooLarge":
      return {
        status: 413,
        error: {
          key: "attendance.import.errors.tooLarge",
          vars: { size: formatFileSize(file.size, locale), max: formatFileSize(MAX_REPORT_BYTES, locale) },
        },
      };
    case "notText":
      return { status: 415, error: { key: `attendance.import.errors.notText.${file.kind}` } };
    case "noFile":
      return { status: 400, error: { key: "attendance.import.errors.noFile" } };
  }
}

/** What the upload form says about a report that could not be parsed. */
export function parseErrorMessage(error: ParseError): Msg {
  switch (error.code) {
    case "missingColumns":
      return { key: "attendance.import.errors.missingColumns", vars: { columns: error.columns.join(", ") } };
    case "tooManyRows":
      return { key: "attendance.import.errors.tooManyRows", vars: { max: error.max } };
    default:
      return { key: `attendance.import.errors.${error.code}` };
  }
}
