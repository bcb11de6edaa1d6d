import { describe, expect, it } from "vitest";
import { isRetryableConflict, retryDelayMs } from "./transaction-retry";

describe("transaction retries", () => {
  it("retries serialization failures and deadlocks only", () => {
    expect(isRetryableConflict({ code: "40001" })).toBe(true);
    expect(isRetryableConflict({ code: "40P01" })).toBe(true);
    expect(isRetryableConflict({ code: "23505" })).toBe(false);
    expect(isRetryableConflict(new Error("boom"))).toBe(false);
    expect(isRetryableConflict(null)).toBe(false);
  });

  it("waits a random time under a ceiling that doubles, capped at 250 ms", () => {
    expect(retryDelayMs(1, () => 0.999)).toBe(3);
    expect(retryDelayMs(3, () => 0.5)).toBe(8);
    expect(retryDelayMs(30, () => 0.999)).toBe(249);
    expect(retryDelayMs(5, () => 0)).toBe(0);
  });
});
