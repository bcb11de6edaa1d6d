import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_REPORT_BYTES } from "../domain/attendance-import/types";
import { sniffUpload, type NotTextKind } from "../domain/upload-sniff";

/** Multipart boundaries and other fields around the file. */
const ENVELOPE_BYTES = 64_000;

export type ReportFileResult =
  | { ok: true; bytes: Uint8Array; fileName: string }
  | { ok: false; problem: "tooLarge"; size: number }
  | { ok: false; problem: "notText"; kind: NotTextKind }
  | { ok: false; problem: "noFile" };

/**
 * Reads the uploaded report, refusing an oversized one before anything is parsed:
 * first by the declared Content-Length, then while reading the file part; then
 * refuses a file that is not text (a PDF, a workbook, a photo) by its first bytes.
 */
export async function readReportFile(request: Request): Promise<ReportFileResult> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_REPORT_BYTES + ENVELOPE_BYTES) return { ok: false, problem: "tooLarge", size: declared };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_REPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "tooLarge", size: declared };
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || (file.size === 0 && !(file as File).name)) return { ok: false, problem: "noFile" };
  if (file.size > MAX_REPORT_BYTES) return { ok: false, problem: "tooLarge", size: file.size };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffUpload(bytes);
  if (!sniffed.ok) return { ok: false, problem: "notText", kind: sniffed.kind };
  return { ok: true, bytes, fileName: (file as File).name ?? "" };
}
