import { describe, expect, it } from "vitest";
import { readBirthYear } from "./birth-year";

describe("readBirthYear", () => {
  const now = new Date("2026-12-02T01:00:00Z");

  it("reads an empty field as not given and a year from 1900 to this year as that year", () => {
    expect(readBirthYear("", now)).toEqual({ ok: true, year: null });
    expect(readBirthYear(" 1962 ", now)).toEqual({ ok: true, year: 1962 });
    expect(readBirthYear("1900", now)).toEqual({ ok: true, year: 1900 });
    expect(readBirthYear("2026", now)).toEqual({ ok: true, year: 2026 });
  });

  it("refuses a year before 1900 or after this year, saying the limit", () => {
    expect(readBirthYear("1899", now)).toEqual({ ok: false, problem: "tooEarly", min: 1900 });
    expect(readBirthYear("2027", now)).toEqual({ ok: false, problem: "inFuture", max: 2026 });
  });

  it("refuses what is not a four-digit year", () => {
    for (const typed of ["62", "19621", "1962.0", "mil", "-1962"])
      expect(readBirthYear(typed, now)).toEqual({ ok: false, problem: "notAYear" });
  });
});
