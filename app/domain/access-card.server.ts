import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/**
 * Rules of the ways in without a password (docs/decisions/031): access-card tokens and short codes,
 * and sign-in links. No database here.
 */

/** Upper-case letters and digits without look-alikes: no 0/O, no 1/I/L. 31 symbols. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
/** A sign-in link e-mailed to a member works once, for this long. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000;

/** 160 random bits, lower-case base32: the secret in a card's QR code or a sign-in link. */
export function newToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function isTokenShaped(token: string): boolean {
  return /^[a-z2-7]{32}$/.test(token);
}

/** A short code printed on the card, to type with the phone number when there is no camera. */
export function newShortCode(): string {
  // Bytes at or above 248 (= 8 × 31) are skipped, so every symbol is equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed (any case, spaces, dashes) or null when no card could carry it. */
export function normalizeShortCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-‐-―]/g, "");
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

export function isSignInLinkUsable(link: { expires_at: string; used_at: string | null }, now: Date): boolean {
  return link.used_at === null && Date.parse(link.expires_at) > now.getTime();
}
