import { describe, expect, it } from "vitest";
import { updatesChosen, personDifferences } from "./person-differences";

const stored = {
  sex: "female" as const,
  birthYear: 1958,
  cooperative: "Cooperativa Agraria Norte",
  country: "PE",
  region: "PE-CUS",
};

describe("personDifferences", () => {
  it("lists what was typed and differs from the record, field by field", () => {
    expect(
      personDifferences(stored, { birthYear: 1960, sex: "male", cooperative: "Cooperativa agraria norte " }),
    ).toEqual([
      { field: "sex", stored: "female", typed: "male" },
      { field: "birthYear", stored: 1958, typed: 1960 },
    ]);
  });
  it("ignores what was not typed; a blank in the record is listed too (the page offers to fill it)", () => {
    expect(
      personDifferences(stored, { sex: "not_stated", birthYear: null, cooperative: "", country: undefined }),
    ).toEqual([]);
    expect(
      personDifferences({ ...stored, birthYear: null, sex: "not_stated" }, { birthYear: 1960, sex: "female" }),
    ).toEqual([
      { field: "sex", stored: null, typed: "female" },
      { field: "birthYear", stored: null, typed: 1960 },
    ]);
  });
  it("compares country and region", () => {
    expect(personDifferences(stored, { country: "PE", region: "PE-PUN" })).toEqual([
      { field: "region", stored: "PE-CUS", typed: "PE-PUN" },
    ]);
  });
});

describe("updatesChosen", () => {
  it("returns only the fields staff chose to update, with the typed values", () => {
    const differences = personDifferences(stored, { birthYear: 1960, sex: "male" });
    expect(updatesChosen(differences, new Set(["birthYear"]))).toEqual({ birthYear: 1960 });
    expect(updatesChosen(differences, new Set())).toEqual({});
  });
});
