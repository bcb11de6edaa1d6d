import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport } from "./index";
import { mergeParticipants, toMinutes } from "./merge";

const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };
// The session runs 10:00–12:00 in Lima; the host opened the room at 9:50.
const window = { startsAt: "2026-11-19T15:00:00.000Z", endsAt: "2026-11-19T17:00:00.000Z" };

async function minutesPerPerson(fixture: string, clip = window) {
  const outcome = await parseAttendanceReport(fixtureText(fixture), options);
  if (!outcome.ok) throw new Error(`${fixture}: ${outcome.error.code}`);
  const participants = await mergeParticipants(outcome.report.rows, outcome.report.format, clip);
  return Object.fromEntries(participants.map((p) => [p.name, [toMinutes(p.seconds), p.role, p.guest]]));
}

describe("the same meeting exported by Zoom and by Teams", () => {
  const expected = {
    "Carla Díaz": [120, "host", false],
    "Ana Torres": [120, "attendee", false],
    "Beto Ramos Quispe": [60, "attendee", true],
  };

  it.each(["zoom-same-meeting.csv", "teams-same-meeting-en-us.csv", "teams-same-meeting-es.csv"])(
    "%s gives the same minutes per person: overlaps counted once, time outside the session left out",
    async (fixture) => {
      expect(await minutesPerPerson(fixture)).toEqual(expected);
    },
  );

  it("counts two overlapping Teams joins (10:00–11:00 and 10:55–12:00) as 120 minutes, not the participants section's 125", async () => {
    const open = { startsAt: "2026-11-19T14:00:00.000Z", endsAt: "2026-11-19T18:00:00.000Z" };
    for (const fixture of ["teams-same-meeting-en-us.csv", "teams-same-meeting-es.csv"])
      expect((await minutesPerPerson(fixture, open))["Ana Torres"][0]).toBe(120);
  });
});
