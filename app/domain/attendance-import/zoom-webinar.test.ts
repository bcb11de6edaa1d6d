import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport } from "./index";

const options = { timeZone: "America/Lima" };

describe("Zoom webinar attendee report", () => {
  it("reads host, panelists, attendees and other attendees; leaves out registrants who did not come", async () => {
    const outcome = await parseAttendanceReport(fixtureText("zoom-webinar-attendees.csv"), options);
    if (!outcome.ok) throw new Error(outcome.error.code);
    const { report } = outcome;
    expect(report.format).toBe("zoom-webinar");
    expect(report.meeting).toMatchObject({
      topic: "Ahorro y crédito cooperativo",
      startsAt: "2026-11-19T15:00:05.000Z",
      hostEmail: "facilitadora@minka.test",
    });
    expect(report.rows.map((row) => [row.name, row.role, row.durationSeconds])).toEqual([
      ["Carmen Huamán Torres", "host", 96 * 60],
      ["Jorge Condori Apaza", "panelist", 92 * 60],
      ["Rosa Quispe Mamani", "attendee", 49 * 60],
      ["Rosa Quispe Mamani", "attendee", 33 * 60],
      ["Ana", "attendee", 20 * 60],
      ["Elena Choque", "attendee", 45 * 60],
    ]);
    expect(report.rows[4]).toMatchObject({
      originalName: "Ana Lucía Gómez",
      email: "ana.gomez@example.org",
      guest: true,
    });
    expect(report.rows[2].joinedAt).toBe("2026-11-19T15:01:00.000Z");
    expect(report.problems).toEqual([]);
  });

  it("answers a report whose attendee table is empty with 'no rows'", async () => {
    const text =
      "Attendee Report,\nAttendee Details,\nAttended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes)\n";
    expect(await parseAttendanceReport(text, options)).toEqual({
      ok: false,
      error: { code: "noRows", format: "zoom-webinar" },
    });
  });

  it("names the missing attendee section", async () => {
    const outcome = await parseAttendanceReport(
      "Attendee Report,\nHost Details,\nAttended,User Name\nYes,Carmen\n",
      options,
    );
    expect(outcome).toEqual({
      ok: false,
      error: { code: "missingColumns", format: "zoom-webinar", columns: ["Attendee Details"] },
    });
  });
});
