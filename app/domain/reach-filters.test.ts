import { describe, expect, it } from "vitest";
import {
  ageBand,
  filtersToSearch,
  fiscalYearOf,
  fiscalYearRange,
  funderAgeBand,
  parseReachFilters,
} from "./reach-filters";

const fy2023 = { kind: "fy", year: 2023 } as const;
const parse = (query: string) => parseReachFilters(new URLSearchParams(query), fy2023);

describe("periods", () => {
  it("fiscal year N runs from 1 October of N-1 to 30 September of N", () => {
    expect(fiscalYearRange(2023)).toEqual({ from: "2022-10-01", to: "2023-09-30" });
    expect(fiscalYearOf("2023-09-30")).toBe(2023);
    expect(fiscalYearOf("2023-10-01")).toBe(2024);
  });

  it("reads every kind of period from the URL, and defaults when none is given", () => {
    expect(parse("")).toMatchObject({ ok: true, filters: { period: fy2023 } });
    expect(parse("period=year-2024")).toMatchObject({ ok: true, filters: { period: { kind: "year", year: 2024 } } });
    expect(parse("period=all")).toMatchObject({ ok: true, filters: { period: { kind: "all" } } });
    expect(parse("period=custom&from=2023-01-01&to=2023-01-31")).toMatchObject({
      ok: true,
      filters: { period: { kind: "custom", from: "2023-01-01", to: "2023-01-31" } },
    });
  });

  it("refuses an inverted range, a 50-year range, impossible dates and unknown periods with a message", () => {
    expect(parse("period=custom&from=2023-02-01&to=2023-01-01")).toMatchObject({
      ok: false,
      errors: ["reports.errors.rangeInverted"],
    });
    expect(parse("period=custom&from=2000-01-01&to=2049-12-31")).toMatchObject({
      ok: false,
      errors: ["reports.errors.rangeTooLong"],
    });
    expect(parse("period=custom&from=2023-02-30&to=2023-03-01")).toMatchObject({
      ok: false,
      errors: ["reports.errors.dateInvalid"],
    });
    expect(parse("period=forever")).toMatchObject({ ok: false, errors: ["reports.errors.periodUnknown"] });
    expect(parse("period=fy-1066")).toMatchObject({ ok: false, errors: ["reports.errors.periodUnknown"] });
  });

  it("refuses unknown countries and malformed ids", () => {
    expect(parse("country=XX")).toMatchObject({ ok: false, errors: ["reports.errors.countryUnknown"] });
    expect(parse("workshop=1%20or%201=1")).toMatchObject({ ok: false, errors: ["reports.errors.idInvalid"] });
    expect(parse("country=pe&workshop=7&enrolments=1")).toMatchObject({
      ok: true,
      filters: { country: "PE", workshopId: 7, countEnrolments: true },
    });
  });

  it("writes filters back to the same URL", () => {
    const parsed = parse("period=custom&from=2023-01-01&to=2023-03-31&workshopCountry=GT&personCountry=PE&course=2");
    expect(parsed.ok && filtersToSearch(parsed.filters)).toBe(
      "period=custom&from=2023-01-01&to=2023-03-31&workshopCountry=GT&personCountry=PE&course=2",
    );
  });

  it("tells the workshop's country from the person's country; country= of older links is the workshop's", () => {
    expect(parse("workshopCountry=gt")).toMatchObject({ ok: true, filters: { country: "GT", personCountry: null } });
    expect(parse("personCountry=pe")).toMatchObject({ ok: true, filters: { country: null, personCountry: "PE" } });
    expect(parse("country=PE")).toMatchObject({ ok: true, filters: { country: "PE", personCountry: null } });
    const old = parse("period=fy-2023&country=PE");
    expect(old.ok && filtersToSearch(old.filters)).toBe("period=fy-2023&workshopCountry=PE");
    expect(parse("personCountry=XX")).toMatchObject({ ok: false, errors: ["reports.errors.countryUnknown"] });
    expect(parse("workshopCountry=XX&personCountry=XX")).toMatchObject({
      ok: false,
      errors: ["reports.errors.countryUnknown"],
      filters: { country: null, personCountry: null },
    });
  });
});

describe("age at participation", () => {
  it("is the year of participation minus the birth year, in bands", () => {
    expect(ageBand(2023, 2008)).toBe("15_29");
    expect(ageBand(2023, 2009)).toBe("under_15");
    expect(ageBand(2022, 1993)).toBe("15_29");
    expect(ageBand(2023, 1993)).toBe("30_64");
    expect(ageBand(2023, 1958)).toBe("65_plus");
    expect(ageBand(2023, null)).toBe("not_stated");
    expect(ageBand(2023, 2030)).toBe("not_stated");
    expect(ageBand(2023, 1800)).toBe("not_stated");
  });

  it("maps to the funders' pair with its own rows for under 15 and not available", () => {
    expect(funderAgeBand("15_29")).toBe("15_29");
    expect(funderAgeBand("65_plus")).toBe("30_plus");
    expect(funderAgeBand("under_15")).toBe("under_15");
    expect(funderAgeBand("not_stated")).toBe("not_available");
  });
});
