import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { SNIFF_BYTES, sniffUpload, textLayout } from "./upload-sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const withTail = (head: Uint8Array) => new Uint8Array([...head, ...ascii("rest of the file\n")]);

describe("sniffUpload", () => {
  it.each([
    ["PDF", ascii("%PDF-1.7\n%âãÏÓ\n"), "pdf"],
    ["XLSX (ZIP)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), "office"],
    ["empty ZIP", bytes(0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0), "office"],
    ["old Excel (OLE)", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "office"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image"],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0), "image"],
    ["GIF", ascii("GIF89a\x01\x02"), "image"],
    ["gzip", bytes(0x1f, 0x8b, 0x08, 0x00), "binary"],
    ["7-Zip", bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), "binary"],
    ["RAR", ascii("Rar!\x1a\x07\x01\x00"), "binary"],
    ["ELF program", bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01), "binary"],
    ["Windows program", bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00), "binary"],
  ] as const)("refuses %s by its signature", (_name, head, kind) => {
    expect(sniffUpload(withTail(head))).toEqual({ ok: false, kind });
  });

  it("accepts text that merely starts like a signature", () => {
    expect(sniffUpload(ascii("MZ Apaza,maria@example.org\n"))).toEqual({ ok: true });
    expect(sniffUpload(ascii("GIF8,columna\n"))).toEqual({ ok: true });
  });

  it("refuses a NUL byte in UTF-8 or Windows-1252 text, within the bytes it looks at", () => {
    expect(sniffUpload(ascii("nombre,correo\nAna\0,ana@example.org\n"))).toEqual({ ok: false, kind: "binary" });
    expect(sniffUpload(new Uint8Array([...iconv.encode("Año,José\n", "win1252"), 0]))).toEqual({
      ok: false,
      kind: "binary",
    });
    expect(sniffUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...ascii("a,b\n\0")]))).toEqual({ ok: false, kind: "binary" });
    const lateNul = new Uint8Array(SNIFF_BYTES + 10).fill(0x41);
    lateNul[SNIFF_BYTES + 5] = 0;
    expect(sniffUpload(lateNul)).toEqual({ ok: true });
  });

  it("accepts UTF-8, Windows-1252 and UTF-16 text, whose NUL bytes are halves of letters", () => {
    const text = "Nombre,Año\r\nJosé Ñahui,1950\r\n";
    expect(sniffUpload(new TextEncoder().encode(text))).toEqual({ ok: true });
    expect(sniffUpload(new Uint8Array(iconv.encode(text, "win1252")))).toEqual({ ok: true });
    expect(sniffUpload(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf16le")]))).toEqual({ ok: true });
    expect(sniffUpload(new Uint8Array([0xfe, 0xff, ...iconv.encode(text, "utf16be")]))).toEqual({ ok: true });
    expect(sniffUpload(new Uint8Array(iconv.encode(text, "utf16le")))).toEqual({ ok: true });
  });

  it("refuses a NUL character in UTF-16 text", () => {
    expect(sniffUpload(new Uint8Array([0xff, 0xfe, ...iconv.encode("a,b\n\0", "utf16le")]))).toEqual({
      ok: false,
      kind: "binary",
    });
    expect(sniffUpload(new Uint8Array([0xfe, 0xff, ...iconv.encode("a,b\n\0", "utf16be")]))).toEqual({
      ok: false,
      kind: "binary",
    });
    expect(sniffUpload(new Uint8Array(iconv.encode("ab,c\0", "utf16le")))).toEqual({ ok: false, kind: "binary" });
  });

  it("lets an empty file through: the parser says it is empty", () => {
    expect(sniffUpload(new Uint8Array())).toEqual({ ok: true });
  });

  it("accepts every attendance report fixture, including Teams' UTF-16 with and without a BOM", () => {
    const dir = path.join(__dirname, "../../tests/fixtures/attendance");
    for (const name of fs.readdirSync(dir))
      expect([name, sniffUpload(fs.readFileSync(path.join(dir, name)))]).toEqual([name, { ok: true }]);
  });
});

describe("textLayout", () => {
  it("tells the byte-order marks and BOM-less UTF-16LE apart from plain bytes", () => {
    expect(textLayout(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe("utf8-bom");
    expect(textLayout(bytes(0xff, 0xfe, 0x41, 0x00))).toBe("utf16le-bom");
    expect(textLayout(bytes(0xfe, 0xff, 0x00, 0x41))).toBe("utf16be-bom");
    expect(textLayout(new Uint8Array(iconv.encode("1. Resumen", "utf16le")))).toBe("utf16le");
    expect(textLayout(ascii("nombre,correo"))).toBe("bytes");
    expect(textLayout(new Uint8Array())).toBe("bytes");
  });
});
