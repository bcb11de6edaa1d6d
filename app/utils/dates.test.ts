import { describe, expect, it } from "vitest";
import { formatDate, formatTime, isValidTimeZone, localDate, zonedTimeToUtc } from "./dates";

describe("dates", () => {
  it("formats in Lima time by default, in words people use", () => {
    expect(formatDate("2026-03-12T15:00:00Z", "es")).toBe("jueves, 12 de marzo de 2026");
    expect(formatTime("2026-03-12T15:00:00Z", "es")).toBe("10:00");
    expect(formatDate("2026-03-12T15:00:00Z", "en")).toBe("Thursday, March 12, 2026");
  });
  it("assigns an instant to the local calendar day", () => {
    // 23:30 on 30 September in Lima is already 1 October in UTC.
    expect(localDate("2023-10-01T04:30:00Z")).toBe("2023-09-30");
    expect(localDate("2023-10-01T04:30:00Z", "UTC")).toBe("2023-10-01");
  });
  it("converts a wall-clock time in a zone to UTC, across daylight saving", () => {
    expect(zonedTimeToUtc("2026-03-12", "10:00", "America/Lima")).toBe("2026-03-12T15:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-01", "10:00", "America/Guatemala")).toBe("2026-07-01T16:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-01", "10:00", "Europe/Madrid")).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedTimeToUtc("2026-01-15", "10:00", "Europe/Madrid")).toBe("2026-01-15T09:00:00.000Z");
  });
  it("knows real time zones", () => {
    expect(isValidTimeZone("America/Tegucigalpa")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
