import { describe, expect, it } from "vitest";
import { chooseTextSize, isTextSize } from "./text-size";

describe("chooseTextSize", () => {
  it("follows the account of a signed-in person, whatever this browser's cookie says", () => {
    expect(chooseTextSize({ accountLargeText: true, cookie: undefined })).toBe("large");
    expect(chooseTextSize({ accountLargeText: true, cookie: "normal" })).toBe("large");
    expect(chooseTextSize({ accountLargeText: false, cookie: "large" })).toBe("normal");
  });

  it("follows the cookie without a session, and is normal for anything else", () => {
    expect(chooseTextSize({ accountLargeText: undefined, cookie: "large" })).toBe("large");
    expect(chooseTextSize({ accountLargeText: undefined, cookie: "normal" })).toBe("normal");
    expect(chooseTextSize({ accountLargeText: undefined, cookie: undefined })).toBe("normal");
    expect(chooseTextSize({ accountLargeText: undefined, cookie: "huge" })).toBe("normal");
  });

  it("knows its two sizes only", () => {
    expect(isTextSize("large")).toBe(true);
    expect(isTextSize("LARGE")).toBe(false);
    expect(isTextSize(null)).toBe(false);
  });
});
