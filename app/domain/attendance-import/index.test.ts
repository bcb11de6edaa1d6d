import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../tests/support/attendance-fixtures";
import { detectFormat, otherMeetingDate, parseAttendanceReport } from "./index";

const options = { timeZone: "America/Lima" };

describe("detectFormat", () => {
  it.each([
    ["zoom-meeting-participants.csv", "zoom-meeting"],
    ["zoom-meeting-no-block.csv", "zoom-meeting"],
    ["zoom-meeting-unique-users.csv", "zoom-meeting"],
    ["zoom-webinar-attendees.csv", "zoom-webinar"],
    ["teams-attendance-en-us.csv", "teams"],
    ["teams-attendance-es.csv", "teams"],
    ["sign-in-sheet.csv", "sign-in-sheet"],
    ["sign-in-sheet-windows-1252.csv", "sign-in-sheet"],
    ["unknown-format.csv", null],
  ])("%s → %s", (fixture, format) => {
    expect(detectFormat(fixtureText(fixture))).toBe(format);
  });
});

describe("parseAttendanceReport", () => {
  it("answers an empty file, or one of blank lines and commas, with 'empty'", async () => {
    expect(await parseAttendanceReport(fixtureText("empty.csv"), options)).toEqual({
      ok: false,
      error: { code: "empty" },
    });
    expect(await parseAttendanceReport("\uFEFF\r\n,,,\r\n  \r\n", options)).toEqual({
      ok: false,
      error: { code: "empty" },
    });
  });
  it("answers another kind of file with 'unknown format'", async () => {
    expect(await parseAttendanceReport(fixtureText("unknown-format.csv"), options)).toEqual({
      ok: false,
      error: { code: "unknownFormat" },
    });
    expect(await parseAttendanceReport("%PDF-1.7\n%âãÏÓ\n", options)).toEqual({
      ok: false,
      error: { code: "unknownFormat" },
    });
  });
});

describe("otherMeetingDate", async () => {
  const outcome = await parseAttendanceReport(fixtureText("zoom-meeting-participants.csv"), options);
  const report = outcome.ok ? outcome.report : null;
  it("is null when the report is for the session's day in the workshop's zone", async () => {
    expect(otherMeetingDate(report!, "2026-11-19T15:00:00.000Z", "America/Lima")).toBeNull();
  });
  it("gives the report's date when the session is on another day", async () => {
    expect(otherMeetingDate(report!, "2026-11-26T15:00:00.000Z", "America/Lima")).toBe("2026-11-19");
  });
  it("falls back on the earliest join when there is no meeting block", async () => {
    const noBlock = await parseAttendanceReport(fixtureText("zoom-meeting-no-block.csv"), options);
    expect(noBlock.ok && otherMeetingDate(noBlock.report, "2026-11-20T15:00:00.000Z", "America/Lima")).toBe(
      "2026-11-19",
    );
  });
});
