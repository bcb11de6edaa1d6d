import { describe, expect, it } from "vitest";
import { fixtureBytes, fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport } from "./index";

const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };

describe("Microsoft Teams attendance report", () => {
  it("is UTF-16LE as Teams writes it", async () => {
    expect([...fixtureBytes("teams-attendance-en-us.csv").subarray(0, 4)]).toEqual([0xff, 0xfe, 0x31, 0x00]);
  });

  it("reads the summary and the per-join activities, not the participants section's totals", async () => {
    const outcome = await parseAttendanceReport(fixtureText("teams-attendance-en-us.csv"), options);
    if (!outcome.ok) throw new Error(outcome.error.code);
    const { report } = outcome;
    expect(report.format).toBe("teams");
    expect(report.meeting).toMatchObject({
      topic: "Costos de producción para su cooperativa",
      startsAt: "2026-11-19T14:58:12.000Z",
      endsAt: "2026-11-19T16:32:40.000Z",
    });
    expect(report.rows.map((row) => [row.name, row.durationSeconds, row.role, row.guest])).toEqual([
      ["Carmen Huamán Torres", 5668, "host", false],
      ["Rosa Quispe Mamani", 1465, "attendee", false],
      ["Rosa Quispe Mamani", 2957, "attendee", false],
      ["Juana Flores", 1540, "attendee", true],
      ["Pedro Ccama Huarca", 38, "attendee", false],
    ]);
    expect(report.rows[2]).toMatchObject({
      email: "socia@minka.test",
      joinedAt: "2026-11-19T15:40:43.000Z",
      leftAt: "2026-11-19T16:30:00.000Z",
    });
    expect(report.problems).toEqual([]);
  });

  it("reads a Spanish-locale report: Spanish headings, day-first 24-hour dates, no byte order mark", async () => {
    const bytes = fixtureBytes("teams-attendance-es.csv");
    expect(bytes[0]).toBe(0x31);
    const outcome = await parseAttendanceReport(fixtureText("teams-attendance-es.csv"), options);
    if (!outcome.ok) throw new Error(outcome.error.code);
    expect(outcome.report.meeting.startsAt).toBe("2026-11-19T14:58:12.000Z");
    expect(outcome.report.rows.map((row) => [row.name, row.durationSeconds, row.role])).toEqual([
      ["Carmen Huamán Torres", 5668, "host"],
      ["Rosa Quispe Mamani", 4422, "attendee"],
    ]);
    // Its activities section has a header and no rows: the participants' totals are the documented fallback.
    expect(outcome.report.problems).toEqual([{ line: 12, code: "activitiesUnusable", skipped: false }]);
  });

  it("answers a report with an empty participants section with 'no rows'", async () => {
    const text =
      "1. Summary\nMeeting title\tX\n\n2. Participants\nName\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\n\n3. In-Meeting Activities\n";
    expect(await parseAttendanceReport(text, options)).toEqual({
      ok: false,
      error: { code: "noRows", format: "teams" },
    });
  });

  describe("when the activities section cannot be trusted, falls back on the participants' totals and says where", () => {
    const full = () => fixtureText("teams-same-meeting-en-us.csv");
    const cases: Array<[string, () => string, number]> = [
      ["missing", () => full().split("3. In-Meeting Activities")[0], 13],
      ["cut off in the middle of a line", () => full().replace(/\t30m 0s\t\tAttendee\s*$/, ""), 20],
      [
        "leaving someone out",
        () => full().replace(/Beto Ramos Quispe \(Guest\)\t[^\n]*10:40:00[^\n]*\n[^\n]*\n?$/, ""),
        12,
      ],
    ];
    it.each(cases)("%s", async (_label, text, line) => {
      const outcome = await parseAttendanceReport(text(), options);
      if (!outcome.ok) throw new Error(outcome.error.code);
      expect(outcome.report.problems).toEqual([{ line, code: "activitiesUnusable", skipped: false }]);
      expect(outcome.report.rows.map((row) => [row.name, row.durationSeconds])).toEqual([
        ["Carla Díaz", 130 * 60],
        ["Ana Torres", 125 * 60],
        ["Beto Ramos Quispe", 60 * 60],
      ]);
    });
  });
});
