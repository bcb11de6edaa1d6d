import { describe, expect, it } from "vitest";
import { readPlace, resolveCountry } from "./place-input";

describe("resolveCountry", () => {
  it("reads codes and Spanish or English names, in any case and without accents", () => {
    expect(resolveCountry("PE")).toBe("PE");
    expect(resolveCountry("pe")).toBe("PE");
    expect(resolveCountry("Perú")).toBe("PE");
    expect(resolveCountry("PERU")).toBe("PE");
    expect(resolveCountry("republica dominicana")).toBe("DO");
    expect(resolveCountry("Dominican Republic")).toBe("DO");
    expect(resolveCountry("Otro país")).toBe("OTHER");
    expect(resolveCountry("other")).toBe("OTHER");
  });

  it("reads an empty cell or «No sabe» as not known, and anything else as no country", () => {
    expect(resolveCountry("")).toBeNull();
    expect(resolveCountry("  ")).toBeNull();
    expect(resolveCountry("No sabe")).toBeNull();
    expect(resolveCountry("Narnia")).toBeUndefined();
    expect(resolveCountry("XX")).toBeUndefined();
  });
});

describe("readPlace", () => {
  it("stores a region given by code, older code or name as its code", () => {
    expect(readPlace("PE", "PE-CUS")).toEqual({ ok: true, country: "PE", region: "PE-CUS" });
    expect(readPlace("Perú", "cusco")).toEqual({ ok: true, country: "PE", region: "PE-CUS" });
    expect(readPlace("GT", "GT-QZ")).toEqual({ ok: true, country: "GT", region: "GT-09" });
    expect(readPlace("Guatemala", "Quetzaltenango")).toEqual({ ok: true, country: "GT", region: "GT-09" });
  });

  it("keeps a country without a region, and nothing when both cells are empty", () => {
    expect(readPlace("HN", "")).toEqual({ ok: true, country: "HN", region: null });
    expect(readPlace("Otro país", "No sabe")).toEqual({ ok: true, country: "OTHER", region: null });
    expect(readPlace("", "")).toEqual({ ok: true, country: null, region: null });
  });

  it("refuses a region of another country and an unknown country", () => {
    expect(readPlace("PE", "Quetzaltenango")).toEqual({ ok: false, problem: "regionNotOfCountry", country: "PE" });
    expect(readPlace("OTHER", "Cusco")).toEqual({ ok: false, problem: "regionNotOfCountry", country: "OTHER" });
    expect(readPlace("Narnia", "Cusco")).toEqual({ ok: false, problem: "unknownCountry", country: null });
  });

  it("names the country of a region given alone only when one country has it", () => {
    expect(readPlace("", "Cusco")).toEqual({ ok: true, country: "PE", region: "PE-CUS" });
    // La Libertad is a region of Peru and of El Salvador.
    expect(readPlace("", "La Libertad")).toEqual({ ok: false, problem: "regionWithoutCountry", country: null });
    expect(readPlace("", "Valle del Colca")).toEqual({ ok: false, problem: "regionWithoutCountry", country: null });
  });
});
