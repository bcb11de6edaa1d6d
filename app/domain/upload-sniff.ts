/**
 * Is an uploaded file text (a CSV report) at all? Decided from its first bytes, before
 * anything is decoded or parsed, so a PDF, an Excel workbook or a photo of a sign-in sheet
 * gets a message that names what it is instead of "unknown format" or garbled rows.
 */

/** What a refused file turned out to be; each has its own message. */
export type NotTextKind = "pdf" | "office" | "image" | "binary";

export type SniffResult = { ok: true } | { ok: false; kind: NotTextKind };

/** How the bytes of a text file are laid out; `decodeUpload` reads the text the same way. */
export type TextLayout = "utf8-bom" | "utf16le-bom" | "utf16be-bom" | "utf16le" | "bytes";

/** Like git and `file`, only the beginning is examined: binary formats show themselves early. */
export const SNIFF_BYTES = 8192;

const SIGNATURES: Array<{ kind: NotTextKind; bytes: number[]; needsNul?: boolean }> = [
  { kind: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: "office", bytes: [0x50, 0x4b, 0x03, 0x04] }, // ZIP: .xlsx, .docx, .ods
  { kind: "office", bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty ZIP
  { kind: "office", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // OLE: .xls, .doc
  { kind: "image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG
  { kind: "image", bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { kind: "image", bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }, // GIF87a
  { kind: "image", bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }, // GIF89a
  { kind: "binary", bytes: [0x1f, 0x8b] }, // gzip
  { kind: "binary", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }, // 7-Zip
  { kind: "binary", bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] }, // RAR
  { kind: "binary", bytes: [0x7f, 0x45, 0x4c, 0x46] }, // ELF
  // "MZ" could begin a line of text; a Windows program also has NULs right after it.
  { kind: "binary", bytes: [0x4d, 0x5a], needsNul: true },
];

/** The layout of a text file, told by its byte-order mark, or UTF-16LE without one as Teams writes it. */
export function textLayout(bytes: Uint8Array): TextLayout {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le-bom";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be-bom";
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return "utf16le";
  return "bytes";
}

/**
 * Refuses known binary formats by their signature, and any file with a NUL character in its
 * first bytes (read as UTF-16 code units when the file is UTF-16, whose ASCII letters are half NUL bytes).
 * An empty file passes: saying it is empty is the parser's job.
 */
export function sniffUpload(bytes: Uint8Array): SniffResult {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const layout = textLayout(head);
  const nul = hasNulCharacter(head, layout);
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => head[i] === byte) && (!signature.needsNul || nul))
      return { ok: false, kind: signature.kind };
  }
  return nul ? { ok: false, kind: "binary" } : { ok: true };
}

function hasNulCharacter(head: Uint8Array, layout: TextLayout): boolean {
  switch (layout) {
    case "utf16le-bom":
    case "utf16be-bom":
      return hasNulUnit(head, 2);
    case "utf16le":
      return hasNulUnit(head, 0);
    default:
      return head.includes(0);
  }
}

/** A zero 16-bit code unit; a last odd byte (a cut at SNIFF_BYTES) is not one. */
function hasNulUnit(head: Uint8Array, start: number): boolean {
  for (let i = start; i + 1 < head.length; i += 2) if (head[i] === 0 && head[i + 1] === 0) return true;
  return false;
}
