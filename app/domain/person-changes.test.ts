import { describe, expect, it } from "vitest";
import { changedFacts, type PersonFacts } from "./person-changes";

const rosa: PersonFacts = {
  fullName: "Rosa Quispe",
  email: null,
  phone: "+51987654321",
  sex: "female",
  birthYear: null,
  country: "PE",
  region: null,
  cooperative: "Valle Inca",
  preferredLanguage: "es",
};

describe("changedFacts", () => {
  it("keeps only the fields that changed, with their old and new values", () => {
    expect(changedFacts(rosa, { ...rosa, birthYear: 1960, region: "PE-CUS", country: "PE" })).toEqual({
      before: { birthYear: null, region: null },
      after: { birthYear: 1960, region: "PE-CUS" },
    });
  });

  it("records a value being cleared", () => {
    expect(changedFacts(rosa, { cooperative: null })).toEqual({
      before: { cooperative: "Valle Inca" },
      after: { cooperative: null },
    });
  });

  it("is null when nothing changed, and ignores fields not being edited", () => {
    expect(changedFacts(rosa, { ...rosa })).toBeNull();
    expect(changedFacts(rosa, { fullName: "Rosa Quispe", email: undefined })).toBeNull();
  });
});
