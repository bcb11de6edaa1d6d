import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  certificateCodeFromBytes,
  certificateHours,
  newCertificateCode,
  normalizeCertificateCode,
} from "./certificate";

describe("certificate codes", () => {
  it("have the MK-XXXX-XXXX-XXXX-XXXX shape without confusable letters", () => {
    for (let i = 0; i < 50; i++)
      expect(newCertificateCode()).toMatch(/^MK-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificateCodeFromBytes(new Uint8Array(10))).toBe("MK-0000-0000-0000-0000");
    expect(certificateCodeFromBytes(new Uint8Array(10).fill(255))).toBe("MK-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  });

  it("carry all 80 random bits: different bytes give different codes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (a, b) => {
          const same = a.every((byte, i) => byte === b[i]);
          expect(certificateCodeFromBytes(a) === certificateCodeFromBytes(b)).toBe(same);
        },
      ),
    );
  });

  it("read back from what people type", () => {
    const code = certificateCodeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(normalizeCertificateCode(code)).toBe(code);
    expect(normalizeCertificateCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normalizeCertificateCode(code.slice(3))).toBe(code);
    expect(normalizeCertificateCode("mk-0oo0-1il1-0000-0000")).toBe("MK-0000-1111-0000-0000");
    expect(normalizeCertificateCode("MK-0000-0000-0000")).toBeNull();
    expect(normalizeCertificateCode("MK-UUUU-0000-0000-0000")).toBeNull();
    expect(normalizeCertificateCode("../../etc/passwd")).toBeNull();
  });
});

describe("certificateHours", () => {
  it("uses the course estimate, else the lessons, to the half hour, at least half an hour", () => {
    expect(certificateHours(120, [5])).toBe(2);
    expect(certificateHours(100, [])).toBe(1.5);
    expect(certificateHours(0, [20, 25, 40])).toBe(1.5);
    expect(certificateHours(0, [])).toBe(0.5);
  });
});
