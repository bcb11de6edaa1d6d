import { MAX_REPORT_BYTES } from "../domain/attendance-import/types";
import { sniffUpload, type NotTextKind } from "../domain/upload-sniff";

/** Multipart boundaries and other fields around the file. */
const ENVELOPE_BYTES = 64_000;

export type UploadedFile =
  | { ok: true; bytes: Uint8Array; fileName: string; form: FormData }
  | { ok: false; problem: "tooLarge"; size: number }
  | { ok: false; problem: "notText"; kind: NotTextKind }
  | { ok: false; problem: "noFile" };

/**
 * Reads the `file` field of a multipart upload, refusing one over `maxBytes` (each kind of upload
 * has its own cap) by the declared Content-Length before the body is parsed, then by the file's
 * size; then refuses a file that is not text (a PDF, a workbook, a photo) by its first bytes.
 * With `allowXlsx`, a ZIP file (an XLSX workbook) passes for the route to read.
 * The multipart body is parsed by the platform's own parser: Remix's streaming one split the
 * file at every line break and joined the pieces again, which blocked the server for seconds
 * on a few megabytes of short lines and overflowed the stack past about 100,000 of them.
 */
export async function readUploadedFile(
  request: Request,
  maxBytes: number,
  options: { allowXlsx?: boolean } = {},
): Promise<UploadedFile> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes + ENVELOPE_BYTES) return { ok: false, problem: "tooLarge", size: declared };
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // A body that is not well-formed multipart carries no file we could read.
    return { ok: false, problem: "noFile" };
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || (file.size === 0 && !(file as File).name)) return { ok: false, problem: "noFile" };
  if (file.size > maxBytes) return { ok: false, problem: "tooLarge", size: file.size };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffUpload(bytes);
  // A ZIP may be an XLSX workbook where the route reads those (the roster import); the route checks it is one.
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!sniffed.ok && !(options.allowXlsx && zip)) return { ok: false, problem: "notText", kind: sniffed.kind };
  return { ok: true, bytes, fileName: (file as File).name ?? "", form };
}

/** An attendance report: at most MAX_REPORT_BYTES. */
export function readReportFile(request: Request): Promise<UploadedFile> {
  return readUploadedFile(request, MAX_REPORT_BYTES);
}
