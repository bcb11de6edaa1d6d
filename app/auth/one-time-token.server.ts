import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { isTokenShaped, newToken } from "../domain/access-card.server";

/**
 * The secrets of links e-mailed or printed once (password reset, set-password, sign-in link):
 * 160 random bits in lower-case base32, of which only a SHA-256 is stored, with an expiry.
 *
 * Each kind hashes under its own prefix, so a token of one kind never matches a row of another.
 * The reset link's prefix is empty because its rows were stored that way before this helper.
 */
const PREFIXES = { passwordReset: "", signInLink: "link:" } as const;
export type OneTimeTokenKind = keyof typeof PREFIXES;

export interface OneTimeToken {
  /** Goes to the person only (in the link); never stored. */
  token: string;
  /** What the database keeps. */
  hash: string;
  createdAt: string;
  expiresAt: string;
}

export function oneTimeTokenHash(kind: OneTimeTokenKind, token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(PREFIXES[kind] + token)));
}

export function issueOneTimeToken(kind: OneTimeTokenKind, ttlMs: number, now: Date): OneTimeToken {
  const token = newToken();
  return {
    token,
    hash: oneTimeTokenHash(kind, token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  };
}

/** The hash to look a typed or clicked token up by, or null when no token of ours has that shape. */
export function lookupHash(kind: OneTimeTokenKind, token: string): string | null {
  return isTokenShaped(token) ? oneTimeTokenHash(kind, token) : null;
}
