import { describe, expect, it } from "vitest";
import { COUNTRIES } from "./countries";
import { REGIONS, isRegionOf, regionName, regionsOf, resolveRegion } from "./regions";

describe("regions of the programme countries", () => {
  it("lists the ISO 3166-2 first-level subdivisions of each programme country", () => {
    expect(REGIONS.PE).toHaveLength(26);
    expect(REGIONS.GT).toHaveLength(22);
    expect(REGIONS.SV).toHaveLength(14);
    expect(REGIONS.DO).toHaveLength(10);
    expect(REGIONS.HN).toHaveLength(18);
    for (const [country, regions] of Object.entries(REGIONS)) {
      for (const region of regions) expect(region.code.startsWith(`${country}-`)).toBe(true);
      expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    }
  });

  it("has no regions for another or an unknown country", () => {
    expect(regionsOf("OTHER")).toEqual([]);
    expect(regionsOf(null)).toEqual([]);
    expect(regionsOf("XX")).toEqual([]);
    expect(COUNTRIES.filter((c) => c !== "OTHER").every((c) => regionsOf(c).length > 0)).toBe(true);
  });

  it("accepts a region only with its own country", () => {
    expect(isRegionOf("PE", "PE-CUS")).toBe(true);
    expect(isRegionOf("GT", "PE-CUS")).toBe(false);
    expect(isRegionOf("OTHER", "PE-CUS")).toBe(false);
  });

  it("reads codes, older codes and names typed any way", () => {
    expect(resolveRegion("PE", "pe-cus")).toBe("PE-CUS");
    expect(resolveRegion("PE", "CUSCO")).toBe("PE-CUS");
    expect(resolveRegion("PE", "Junin")).toBe("PE-JUN");
    expect(resolveRegion("GT", "GT-QZ")).toBe("GT-09");
    expect(resolveRegion("GT", "Sololá")).toBe("GT-07");
    expect(resolveRegion("DO", "Santiago")).toBe("DO-35");
    expect(resolveRegion("DO", "DO-01")).toBe("DO-40");
    expect(resolveRegion("HN", "Cusco")).toBeNull();
    expect(resolveRegion("SV", "")).toBeNull();
  });

  it("names a code in Spanish and shows older free text as it is", () => {
    expect(regionName("HN-FM")).toBe("Francisco Morazán");
    expect(regionName("Valle del Colca")).toBe("Valle del Colca");
    expect(regionName(null)).toBeNull();
  });
});
