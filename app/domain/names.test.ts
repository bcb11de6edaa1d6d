import { describe, expect, it } from "vitest";
import { cleanName, nameKey } from "./names";

describe("nameKey", () => {
  it("ignores accents, case, punctuation and word order", () => {
    expect(nameKey("Rosa Quispe Mamani")).toBe(nameKey("QUISPE MAMANI, rosa"));
    expect(nameKey("José Ñahui")).toBe("jose nahui");
    expect(nameKey("  María   Pérez-Huamán ")).toBe(nameKey("maria perez huaman"));
  });
  it("keeps different names apart", () => {
    expect(nameKey("Rosa Quispe")).not.toBe(nameKey("Rosa Quispe Mamani"));
  });
});

describe("cleanName", () => {
  it("collapses whitespace", () => {
    expect(cleanName("  Rosa \t Quispe  ")).toBe("Rosa Quispe");
  });
});
