import { describe, expect, it } from "vitest";
import { waitFor } from "./rate-window";

describe("waitFor (fixed rate-limit windows)", () => {
  it("limits once the window holds `limit` hits, until it ends", () => {
    expect(waitFor(null, 3, 0)).toBe(0);
    expect(waitFor({ count: 2, resetAt: 1000 }, 3, 400)).toBe(0);
    expect(waitFor({ count: 3, resetAt: 1000 }, 3, 400)).toBe(600);
    expect(waitFor({ count: 9, resetAt: 1000 }, 3, 999)).toBe(1);
    expect(waitFor({ count: 9, resetAt: 1000 }, 3, 1000)).toBe(0);
  });
});
