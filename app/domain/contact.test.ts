import { describe, expect, it } from "vitest";
import { contactHint, distinctContactHints, normalizeEmail, normalizePhone, parseIdentifier } from "./contact";

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
  it("keeps the domain, the start and the last letter of an e-mail's name, never the whole name", () => {
    expect(contactHint("socia@minka.test")).toBe("s…a@minka.test");
    expect(contactHint("juana.flores@coop.pe")).toBe("ju…s@coop.pe");
    expect(contactHint("ana@minka.test")).toBe("a…@minka.test");
    expect(contactHint("a@minka.test")).toBe("…@minka.test");
  });
  it("tells apart two addresses that differ only at the end", () => {
    expect(contactHint("juana1@coop.pe")).toBe("ju…1@coop.pe");
    expect(contactHint("juana2@coop.pe")).toBe("ju…2@coop.pe");
  });
  it("is empty without a contact", () => {
    expect(contactHint(null)).toBeNull();
    expect(contactHint("")).toBeNull();
  });
});

describe("distinctContactHints", () => {
  it("shows one more character or digit when two different contacts would read the same", () => {
    expect(distinctContactHints(["juana.a1@coop.pe", "juana.b1@coop.pe", null])).toEqual([
      "ju…a1@coop.pe",
      "ju…b1@coop.pe",
      null,
    ]);
    expect(distinctContactHints(["+51911111234", "+51922222234"])).toEqual(["…1234", "…2234"]);
  });
  it("keeps the short hint when nothing collides, and for the same contact twice", () => {
    expect(distinctContactHints(["+51911111111", "+51922222222"])).toEqual(["…111", "…222"]);
    expect(distinctContactHints(["rosa@coop.pe", "rosa@coop.pe"])).toEqual(["r…a@coop.pe", "r…a@coop.pe"]);
  });
});
