import { describe, expect, it } from "vitest";
import { workerCount } from "./workers";

describe("WEB_CONCURRENCY", () => {
  it("is one process when unset, a whole number, or one per core with auto", () => {
    expect(workerCount(undefined, 8)).toBe(1);
    expect(workerCount("", 8)).toBe(1);
    expect(workerCount(" 3 ", 8)).toBe(3);
    expect(workerCount("auto", 2)).toBe(2);
    expect(workerCount("AUTO", 0)).toBe(1);
  });

  it("refuses anything else instead of guessing", () => {
    for (const value of ["0", "-2", "1.5", "two", "65"]) expect(() => workerCount(value, 2)).toThrow(/WEB_CONCURRENCY/);
  });
});
