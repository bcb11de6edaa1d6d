import { describe, expect, it } from "vitest";
import { chooseDayOrder, localToUtc, readDuration, readWallClock } from "./local-time";

const LIMA = "America/Lima";

describe("readWallClock and localToUtc", () => {
  it("reads Zoom's month-first 12-hour dates in the workshop's zone", () => {
    expect(localToUtc("11/19/2026 10:14:30 AM", "month-first", LIMA)).toBe("2026-11-19T15:14:30.000Z");
    expect(localToUtc("11/19/2026 12:05:00 PM", "month-first", LIMA)).toBe("2026-11-19T17:05:00.000Z");
    expect(localToUtc("11/19/2026 12:05:00 AM", "month-first", LIMA)).toBe("2026-11-19T05:05:00.000Z");
  });
  it("reads day-first, two-digit years, ISO and month names", () => {
    expect(readWallClock("19/11/2026, 9:58:12", "day-first")).toEqual({
      date: "2026-11-19",
      time: "09:58",
      second: 12,
    });
    expect(readWallClock("11/19/26, 9:58:12\u202fAM", "month-first")?.date).toBe("2026-11-19");
    expect(readWallClock("2026-11-19 10:00:05", "day-first")?.time).toBe("10:00");
    expect(readWallClock("Mar 28, 2020 09:07:39", "day-first")).toEqual({
      date: "2020-03-28",
      time: "09:07",
      second: 39,
    });
    expect(readWallClock("28-mar-2020 21:07", "month-first")?.time).toBe("21:07");
    expect(readWallClock("19/11/2026 10:00 p. m.", "day-first")?.time).toBe("22:00");
  });
  it("refuses impossible dates and times instead of rolling them over", () => {
    expect(readWallClock("02/31/2026 10:00:00 AM", "month-first")).toBeNull();
    expect(readWallClock("11/19/2026 13:00:00 PM", "month-first")).toBeNull();
    expect(readWallClock("11/19/2026 24:00", "month-first")).toBeNull();
    expect(readWallClock("Foo 19, 2026 10:00", "month-first")).toBeNull();
    expect(readWallClock("yesterday", "month-first")).toBeNull();
  });
  it("follows the time zone's daylight saving time", () => {
    expect(localToUtc("07/01/2026 10:00:00 AM", "month-first", "America/New_York")).toBe("2026-07-01T14:00:00.000Z");
    expect(localToUtc("01/15/2026 10:00:00 AM", "month-first", "America/New_York")).toBe("2026-01-15T15:00:00.000Z");
  });
});

describe("chooseDayOrder", () => {
  it("is decided by any number above 12", () => {
    expect(chooseDayOrder(["03/04/2026 10:00", "19/04/2026 10:00"], "month-first")).toBe("day-first");
    expect(chooseDayOrder(["03/04/2026 10:00", "04/19/2026 10:00"], "day-first")).toBe("month-first");
  });
  it("lets the session date break a tie, then the platform's habit", () => {
    expect(chooseDayOrder(["03/04/2026 10:00"], "month-first", "2026-04-03")).toBe("day-first");
    expect(chooseDayOrder(["03/04/2026 10:00"], "day-first", "2026-03-04")).toBe("month-first");
    expect(chooseDayOrder(["03/04/2026 10:00"], "month-first", "2026-05-05")).toBe("month-first");
    expect(chooseDayOrder([], "day-first")).toBe("day-first");
  });
});

describe("readDuration", () => {
  it("reads minutes, Teams' h/m/s and clock durations", () => {
    expect(readDuration("93")).toEqual({ ok: true, seconds: 5580 });
    expect(readDuration("12,5")).toEqual({ ok: true, seconds: 750 });
    expect(readDuration("1h 13m 42s")).toEqual({ ok: true, seconds: 4422 });
    expect(readDuration("45m 3s")).toEqual({ ok: true, seconds: 2703 });
    expect(readDuration("38s")).toEqual({ ok: true, seconds: 38 });
    expect(readDuration("2h")).toEqual({ ok: true, seconds: 7200 });
    expect(readDuration("01:13:42")).toEqual({ ok: true, seconds: 4422 });
  });
  it("reports negative and unreadable durations", () => {
    expect(readDuration("-25")).toEqual({ ok: false, code: "negativeDuration" });
    expect(readDuration("quince")).toEqual({ ok: false, code: "badDuration" });
    expect(readDuration("")).toEqual({ ok: false, code: "badDuration" });
    expect(readDuration("1h 2h")).toEqual({ ok: false, code: "badDuration" });
  });
});
