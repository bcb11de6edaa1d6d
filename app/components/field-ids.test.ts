import { describe, expect, it } from "vitest";
import { describedBy, fieldIds } from "./field-ids";

describe("fieldIds", () => {
  it("describes a control by its error, then its hint", () => {
    expect(fieldIds(":r1:", { hint: true, error: true })).toEqual({
      id: ":r1:",
      hintId: ":r1:-hint",
      errorId: ":r1:-error",
      describedBy: ":r1:-error :r1:-hint",
    });
  });

  it("leaves aria-describedby out when there is neither hint nor error", () => {
    expect(fieldIds(":r2:", { hint: false, error: false })).toEqual({
      id: ":r2:",
      hintId: undefined,
      errorId: undefined,
      describedBy: undefined,
    });
  });

  it("names only what is there", () => {
    expect(fieldIds(":r3:", { hint: true, error: false }).describedBy).toBe(":r3:-hint");
    expect(fieldIds(":r3:", { hint: false, error: true }).describedBy).toBe(":r3:-error");
  });
});

describe("describedBy", () => {
  it("joins the ids present", () => {
    expect(describedBy("a", undefined, "b", null, false)).toBe("a b");
    expect(describedBy()).toBeUndefined();
  });
});
