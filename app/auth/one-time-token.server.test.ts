import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueOneTimeToken, lookupHash, oneTimeTokenHash } from "./one-time-token.server";

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("one-time tokens", () => {
  const now = new Date("2026-12-02T10:00:00.000Z");

  it("are 160 random bits in lower-case base32, new every time", () => {
    const a = issueOneTimeToken("signInLink", 60_000, now);
    const b = issueOneTimeToken("signInLink", 60_000, now);
    // 32 base32 characters carry 5 bits each: 160 bits.
    expect(a.token).toMatch(/^[a-z2-7]{32}$/);
    expect(b.token).not.toBe(a.token);
  });

  it("store only the SHA-256 of the token, as before: reset links bare, sign-in links under link:", () => {
    const reset = issueOneTimeToken("passwordReset", 60_000, now);
    expect(reset.hash).toBe(sha256Hex(reset.token));
    const link = issueOneTimeToken("signInLink", 60_000, now);
    expect(link.hash).toBe(sha256Hex(`link:${link.token}`));
    expect(link.hash).not.toContain(link.token);
  });

  it("expire after the given time", () => {
    const issued = issueOneTimeToken("passwordReset", 15 * 60 * 1000, now);
    expect(issued.createdAt).toBe("2026-12-02T10:00:00.000Z");
    expect(issued.expiresAt).toBe("2026-12-02T10:15:00.000Z");
  });

  it("are looked up by the hash of their kind, and never when misshapen", () => {
    const { token, hash } = issueOneTimeToken("signInLink", 60_000, now);
    expect(lookupHash("signInLink", token)).toBe(hash);
    expect(lookupHash("passwordReset", token)).not.toBe(hash);
    expect(oneTimeTokenHash("passwordReset", token)).toBe(lookupHash("passwordReset", token));
    expect(lookupHash("signInLink", token.toUpperCase())).toBeNull();
    expect(lookupHash("signInLink", `${token}a`)).toBeNull();
    expect(lookupHash("signInLink", "")).toBeNull();
  });
});
