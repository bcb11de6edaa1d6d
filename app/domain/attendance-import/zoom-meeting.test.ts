import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport, type ParsedReport } from "./index";

const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };

async function parsed(fixture: string): Promise<ParsedReport> {
  const outcome = await parseAttendanceReport(fixtureText(fixture), options);
  if (!outcome.ok) throw new Error(`expected ${fixture} to parse: ${outcome.error.code}`);
  return outcome.report;
}

describe("Zoom meeting participants report", () => {
  it("reads the meeting block, every join and the host (UTF-8 with BOM, Recording Consent column)", async () => {
    const report = await parsed("zoom-meeting-participants.csv");
    expect(report.format).toBe("zoom-meeting");
    expect(report.meeting).toEqual({
      meetingId: "812 3456 7890",
      topic: "Costos de producción para su cooperativa",
      startsAt: "2026-11-19T14:58:12.000Z",
      endsAt: "2026-11-19T16:32:40.000Z",
      hostEmail: "facilitadora@minka.test",
    });
    expect(report.rows).toHaveLength(9);
    expect(report.problems).toEqual([]);
    const [host, rosa, teo] = report.rows;
    expect(host).toMatchObject({ name: "Carmen Huamán Torres", role: "host", durationSeconds: 95 * 60, guest: false });
    expect(rosa).toMatchObject({
      line: 6,
      email: "socia@minka.test",
      joinedAt: "2026-11-19T15:01:05.000Z",
      leftAt: "2026-11-19T15:25:30.000Z",
    });
    expect(teo).toMatchObject({ name: "Teo", originalName: "Teodoro Mamani Ccori", email: null, guest: true });
  });

  it("treats a phone number as the name of a dial-in participant and keeps quoted names whole", async () => {
    const report = await parsed("zoom-meeting-participants.csv");
    expect(report.rows.find((row) => row.name.startsWith("+51"))?.phone).toBe("+51987654321");
    expect(report.rows.at(-1)?.name).toBe('Galaxy A12 de "Mamá"');
  });

  it("reads a report without the meeting block", async () => {
    const report = await parsed("zoom-meeting-no-block.csv");
    expect(report.meeting.topic).toBeNull();
    expect(report.rows.map((row) => row.durationSeconds)).toEqual([2400, 1800, 1080, 600]);
  });

  it("reads the unique-users export with total durations and no times", async () => {
    const report = await parsed("zoom-meeting-unique-users.csv");
    expect(report.rows.map((row) => [row.name, row.durationSeconds, row.joinedAt])).toEqual([
      ["Carmen Huamán Torres", 5700, null],
      ["Rosa Quispe Mamani", 5280, null],
      ["Juana Flores", 4740, null],
    ]);
  });

  it("reads day-first dates when the file shows them", async () => {
    const report = await parsed("zoom-meeting-day-first.csv");
    expect(report.rows[0].joinedAt).toBe("2026-11-19T15:01:05.000Z");
    expect(report.problems).toEqual([]);
  });

  it("skips a truncated last row and says which line", async () => {
    const report = await parsed("zoom-truncated.csv");
    expect(report.rows.map((row) => row.name)).toEqual(["Rosa Quispe Mamani", "Juana Flores"]);
    expect(report.problems).toEqual([{ line: 4, code: "truncated", skipped: true }]);
  });

  it("refuses negative and absurd durations, and keeps rows whose times alone are wrong", async () => {
    const report = await parsed("zoom-bad-durations.csv");
    expect(report.problems.map((p) => [p.line, p.code, p.skipped])).toEqual([
      [2, "negativeDuration", true],
      [3, "absurdDuration", true],
      [4, "badDuration", false],
      [5, "leaveBeforeJoin", false],
      [6, "badDate", false],
    ]);
    // The unreadable duration falls back on leave minus join; the reversed times fall back on the duration.
    expect(report.rows.map((row) => [row.name, row.durationSeconds])).toEqual([
      ["Pedro Ccama", 900],
      ["Elena Choque", 2700],
      ["Luis Ticona", 2100],
    ]);
  });

  it("answers a header-only file with 'no rows'", async () => {
    expect(await parseAttendanceReport(fixtureText("zoom-header-only.csv"), options)).toEqual({
      ok: false,
      error: { code: "noRows", format: "zoom-meeting" },
    });
  });

  it("needs a duration or join and leave times", async () => {
    const outcome = await parseAttendanceReport("Name (Original Name),User Email,Guest\nRosa,,No\n", options);
    expect(outcome).toEqual({
      ok: false,
      error: { code: "missingColumns", format: "zoom-meeting", columns: ["Duration (Minutes)"] },
    });
  });
});
