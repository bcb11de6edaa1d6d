import { describe, expect, it } from "vitest";
import { regionRows } from "./reach-tables";

describe("the region table of the reach report", () => {
  it("shows a region's Spanish name beside its code, an older free-text region as it is, ordered by name", () => {
    expect(
      regionRows([
        { country: "GT", region: "GT-09", count: 2 },
        { country: "PE", region: "PE-PUN", count: 1 },
        { country: "PE", region: "PE-CUS", count: 4 },
        { country: "PE", region: "Valle del Colca", count: 1 },
        { country: "PE", region: null, count: 3 },
        { country: null, region: null, count: 5 },
      ]),
    ).toEqual([
      { country: "GT", name: "Quetzaltenango", code: "GT-09", count: 2 },
      { country: "PE", name: "Cusco", code: "PE-CUS", count: 4 },
      { country: "PE", name: "Puno", code: "PE-PUN", count: 1 },
      { country: "PE", name: "Valle del Colca", code: null, count: 1 },
      { country: "PE", name: null, code: null, count: 3 },
      { country: null, name: null, code: null, count: 5 },
    ]);
  });
});
