import { describe, expect, it } from "vitest";
import { fixtureBytes, fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport } from "./index";

const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };

describe("Microsoft Teams attendance report", () => {
  it("is UTF-16LE as Teams writes it", async () => {
    expect([...fixtureBytes("teams-attendance-en-us.csv").subarray(0, 4)]).toEqual([0xff, 0xfe, 0x31, 0x00]);
  });

  it("reads the summary and the participants section, not the per-join activities", async () => {
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
      ["Rosa Quispe Mamani", 4422, "attendee", false],
      ["Juana Flores", 1540, "attendee", true],
      ["Pedro Ccama Huarca", 38, "attendee", false],
    ]);
    expect(report.rows[1]).toMatchObject({
      email: "socia@minka.test",
      joinedAt: "2026-11-19T15:01:05.000Z",
      leftAt: "2026-11-19T16:30:00.000Z",
    });
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
  });

  it("answers a report with an empty participants section with 'no rows'", async () => {
    const text =
      "1. Summary\nMeeting title\tX\n\n2. Participants\nName\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\n\n3. In-Meeting Activities\n";
    expect(await parseAttendanceReport(text, options)).toEqual({
      ok: false,
      error: { code: "noRows", format: "teams" },
    });
  });
});
