import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_MS, INACTIVITY_TIMEOUT_MS, isSessionExpired } from "./session.server";

describe("isSessionExpired", () => {
  const start = new Date("2026-01-01T00:00:00Z");
  const at = (ms: number) => new Date(start.getTime() + ms);
  it("expires after the inactivity timeout", () => {
    const session = { created_at: start.toISOString(), last_verified_at: start.toISOString() };
    expect(isSessionExpired(session, at(INACTIVITY_TIMEOUT_MS - 1))).toBe(false);
    expect(isSessionExpired(session, at(INACTIVITY_TIMEOUT_MS))).toBe(true);
  });
  it("expires at the absolute lifetime even when used every day", () => {
    const session = {
      created_at: start.toISOString(),
      last_verified_at: at(ABSOLUTE_LIFETIME_MS - 1000).toISOString(),
    };
    expect(isSessionExpired(session, at(ABSOLUTE_LIFETIME_MS - 1))).toBe(false);
    expect(isSessionExpired(session, at(ABSOLUTE_LIFETIME_MS))).toBe(true);
  });
});
