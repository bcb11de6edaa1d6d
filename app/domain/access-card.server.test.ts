import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  SIGN_IN_LINK_TTL_MS,
  formatShortCode,
  isSignInLinkUsable,
  isTokenShaped,
  newShortCode,
  newToken,
  normalizeShortCode,
} from "./access-card.server";

describe("short codes", () => {
  it("are 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L)", () => {
    for (let i = 0; i < 200; i++) {
      const code = newShortCode();
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("use every letter of the alphabet evenly enough (no modulo bias towards the first ones)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of newShortCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(CODE_ALPHABET.length);
    const expected = 32_000 / CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.25);
  });

  it("print in two groups of four", () => {
    expect(formatShortCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });

  it("read back however they are typed: lower case, spaces, dashes", () => {
    expect(normalizeShortCode("abcd-efgh")).toBe("ABCDEFGH");
    expect(normalizeShortCode(" AB CD EF GH ")).toBe("ABCDEFGH");
    expect(normalizeShortCode("ABCD–EFGH")).toBe("ABCDEFGH");
  });

  it("refuse anything of another length or with characters a card never has", () => {
    expect(normalizeShortCode("ABCDEFG")).toBeNull();
    expect(normalizeShortCode("ABCDEFGHJ")).toBeNull();
    expect(normalizeShortCode("ABCDEFG0")).toBeNull();
    expect(normalizeShortCode("ABCDEFGI")).toBeNull();
    expect(normalizeShortCode("")).toBeNull();
  });
});

describe("tokens", () => {
  it("are 160 random bits in lower-case base32 (32 characters), never the same twice", () => {
    const a = newToken();
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(isTokenShaped(a)).toBe(true);
    expect(newToken()).not.toBe(a);
  });

  it("of any other shape are refused before any lookup", () => {
    expect(isTokenShaped("x")).toBe(false);
    expect(isTokenShaped("A".repeat(32))).toBe(false);
    expect(isTokenShaped("a".repeat(33))).toBe(false);
    expect(isTokenShaped("a".repeat(31) + "1")).toBe(false);
  });
});

describe("sign-in links", () => {
  const created = new Date("2026-12-04T10:00:00Z");
  const link = { expires_at: new Date(created.getTime() + SIGN_IN_LINK_TTL_MS).toISOString(), used_at: null };

  it("last 15 minutes", () => {
    expect(SIGN_IN_LINK_TTL_MS).toBe(15 * 60 * 1000);
    expect(isSignInLinkUsable(link, new Date("2026-12-04T10:14:59Z"))).toBe(true);
    expect(isSignInLinkUsable(link, new Date("2026-12-04T10:15:00Z"))).toBe(false);
  });

  it("work once", () => {
    expect(isSignInLinkUsable({ ...link, used_at: "2026-12-04T10:01:00Z" }, new Date("2026-12-04T10:02:00Z"))).toBe(
      false,
    );
  });
});
