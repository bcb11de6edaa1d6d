import { describe, expect, it } from "vitest";
import { directoryHref, readDirectoryFilters, searchKind } from "./people-directory";
import { nameKey } from "./names";

const words = (text: string) => nameKey(text).split(" ").filter(Boolean);

describe("people directory filters", () => {
  it("reads known filters and drops unknown values", () => {
    expect(readDirectoryFilters(new URLSearchParams("q= rosa &country=GT&missing=birthYear&page=3"))).toEqual({
      q: "rosa",
      country: "GT",
      cooperative: null,
      missing: "birthYear",
      page: 3,
    });
    expect(readDirectoryFilters(new URLSearchParams("country=XX&missing=name&page=-2"))).toEqual({
      q: "",
      country: null,
      cooperative: null,
      missing: null,
      page: 1,
    });
  });

  it("builds links with only the filters that are set", () => {
    const filters = readDirectoryFilters(new URLSearchParams("missing=country&cooperative=Valle Inca"));
    expect(directoryHref(filters)).toBe("/staff/people?cooperative=Valle+Inca&missing=country");
    expect(directoryHref(filters, 2)).toBe("/staff/people?cooperative=Valle+Inca&missing=country&page=2");
    expect(directoryHref(readDirectoryFilters(new URLSearchParams()))).toBe("/staff/people");
  });

  it("tells a contact from a name", () => {
    expect(searchKind("Rosa@Coop.PE", words)).toEqual({ kind: "email", text: "rosa@coop.pe" });
    expect(searchKind("+51 987 654", words)).toEqual({ kind: "phone", digits: "51987654" });
    expect(searchKind("QUISPE  María", words)).toEqual({ kind: "name", words: ["maria", "quispe"] });
    expect(searchKind("  ", words)).toEqual({ kind: "none" });
  });
});
