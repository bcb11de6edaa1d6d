import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.server";

describe("RateLimiter", () => {
  it("limits after `limit` hits within the window, then lets go", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("ip")).toBe(0);
      limiter.hit("ip");
    }
    now = 400;
    expect(limiter.retryAfter("ip")).toBe(600);
    expect(limiter.retryAfter("other")).toBe(0);
    now = 1000;
    expect(limiter.retryAfter("ip")).toBe(0);
  });
  it("forgets a key on reset", () => {
    const limiter = new RateLimiter(1, 1000, () => 0);
    limiter.hit("a");
    expect(limiter.retryAfter("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.retryAfter("a")).toBe(0);
  });
});
