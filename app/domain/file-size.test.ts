import { describe, expect, it } from "vitest";
import { formatFileSize } from "./file-size";

describe("formatFileSize", () => {
  it("uses MB from one million bytes, with the locale's decimal mark", () => {
    expect(formatFileSize(12_000_000, "es")).toBe("12 MB");
    expect(formatFileSize(2_450_000, "es")).toBe("2,5 MB");
    expect(formatFileSize(2_450_000, "en")).toBe("2.5 MB");
  });
  it("uses kB below, never zero", () => {
    expect(formatFileSize(340_000, "en")).toBe("340 kB");
    expect(formatFileSize(12, "en")).toBe("1 kB");
  });
});
