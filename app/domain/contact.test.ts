import { describe, expect, it } from "vitest";
import { contactHint, normalizeEmail, normalizePhone, parseIdentifier } from "./contact";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Rosa.Quispe@Coop.PE ")).toBe("rosa.quispe@coop.pe");
  });
  it("refuses what is not an address", () => {
    for (const bad of ["", "rosa", "rosa@", "@coop.pe", "rosa@coop", "ro sa@coop.pe", "a@b.c"]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe("normalizePhone", () => {
  it("reads a local Peruvian mobile as +51", () => {
    expect(normalizePhone("987 654 321")).toBe("+51987654321");
    expect(normalizePhone("987-654-321")).toBe("+51987654321");
  });
  it("keeps an international number", () => {
    expect(normalizePhone("+502 5123 4567")).toBe("+50251234567");
    expect(normalizePhone("0051987654321")).toBe("+51987654321");
  });
  it("uses the given country for local numbers", () => {
    expect(normalizePhone("5123 4567", "GT")).toBe("+50251234567");
  });
  it("refuses incomplete or non-numeric input", () => {
    for (const bad of ["", "12", "98765", "abc", "987654321000000000000", "+51 98765"]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });
});

describe("parseIdentifier", () => {
  it("tells e-mails from phones", () => {
    expect(parseIdentifier("Socia@Minka.test")).toEqual({ kind: "email", value: "socia@minka.test" });
    expect(parseIdentifier("987654321")).toEqual({ kind: "phone", value: "+51987654321" });
    expect(parseIdentifier("socia@")).toBeNull();
  });
});

describe("contactHint", () => {
  it("keeps the last three digits of a phone", () => {
    expect(contactHint("+51911111234")).toBe("…234");
  });
  it("keeps the domain and at most the first two letters of an e-mail, never the whole name", () => {
    expect(contactHint("socia@minka.test")).toBe("so…@minka.test");
    expect(contactHint("ana@minka.test")).toBe("a…@minka.test");
    expect(contactHint("al@minka.test")).toBe("…@minka.test");
  });
  it("is empty without a contact", () => {
    expect(contactHint(null)).toBeNull();
    expect(contactHint("")).toBeNull();
  });
});
