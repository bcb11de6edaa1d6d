import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, afterFailure } from "./outbox";

describe("afterFailure", () => {
  const now = new Date("2026-03-01T10:00:00.000Z");
  it("retries soon after the first failure, then waits longer each time", () => {
    expect(afterFailure(1, now)).toEqual({ status: "pending", nextAttemptAt: "2026-03-01T10:00:30.000Z" });
    expect(afterFailure(2, now)).toEqual({ status: "pending", nextAttemptAt: "2026-03-01T10:02:00.000Z" });
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => {
      const next = afterFailure(i + 1, now);
      return next.status === "pending" ? Date.parse(next.nextAttemptAt) - now.getTime() : -1;
    });
    expect(delays.every((d, i) => i === 0 || d > delays[i - 1])).toBe(true);
  });
  it("gives up after the last attempt, so staff see the failure", () => {
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
    expect(afterFailure(MAX_ATTEMPTS + 3, now)).toEqual({ status: "failed" });
  });
});
