/**
 * Certificate verification codes: 80 random bits in Crockford base32 (no I, L,
 * O, U, so they read aloud and type without confusion), grouped by four:
 * "MK-7Q2D-K9XF-3HWA-PZ4T". Hard to guess: 2^80 possibilities.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_PATTERN = /^MK-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

export function certificateCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error("A certificate code needs 10 random bytes");
  let bits = 0n;
  for (const byte of bytes.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let chars = "";
  for (let i = 0; i < 16; i++) {
    chars = ALPHABET[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  return `MK-${chars.match(/.{4}/g)!.join("-")}`;
}

export function newCertificateCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return certificateCodeFromBytes(bytes);
}

/**
 * A typed or scanned code in canonical form, or null when it cannot be one.
 * Forgives lower case, spaces and the letters people confuse (O→0, I/L→1).
 */
export function normalizeCertificateCode(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length === 18 && compact.startsWith("MK")) compact = compact.slice(2);
  compact = compact.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (compact.length !== 16) return null;
  const code = `MK-${compact.match(/.{4}/g)!.join("-")}`;
  return CODE_PATTERN.test(code) ? code : null;
}

/** Hours printed on the certificate: the course's estimate, else the sum of its lessons, to the half hour (at least ½). */
export function certificateHours(estimatedMinutes: number, lessonMinutes: readonly number[]): number {
  const minutes = estimatedMinutes > 0 ? estimatedMinutes : lessonMinutes.reduce((sum, m) => sum + Math.max(0, m), 0);
  return Math.max(0.5, Math.round(minutes / 30) / 2);
}
