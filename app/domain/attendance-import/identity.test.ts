import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { fixtureBytes } from "../../../tests/support/attendance-fixtures";
import { decodeUpload } from "../../utils/csv.server";
import { reportIdentity, sameReport } from "./identity";
import { parseAttendanceReport } from "./index";
import { mergeParticipants } from "./merge";

const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };
const window = { startsAt: "2026-11-19T15:00:00.000Z", endsAt: "2026-11-19T16:30:00.000Z" };

async function identityOf(bytes: Uint8Array) {
  const outcome = await parseAttendanceReport(decodeUpload(bytes), options);
  if (!outcome.ok) throw new Error(outcome.error.code);
  const { report } = outcome;
  return reportIdentity(report.format, report.meeting, await mergeParticipants(report.rows, report.format, window));
}

// ── Re-saved copies, as a spreadsheet or an editor writes them back ─────────
const text = (name: string) => decodeUpload(fixtureBytes(name));
const lines = (t: string) => t.split(/\r?\n/);
const crlf = (t: string) => lines(t).join("\r\n");
const lf = (t: string) => lines(t).join("\n");
const withBom = (t: string) => Buffer.from("\uFEFF" + t, "utf8");
const utf8 = (t: string) => Buffer.from(t, "utf8");
const utf16 = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, "utf16le")]);
const windows1252 = (t: string) => iconv.encode(t, "win1252");
/** The table's rows (after its header line) in reverse order; blank lines stay last. */
function reordered(t: string, header: RegExp) {
  const all = lines(t);
  const at = all.findIndex((line) => header.test(line));
  const rows = all.slice(at + 1).filter(Boolean);
  return [...all.slice(0, at + 1), ...rows.reverse(), ""].join("\n");
}
/** Every cell of a comma-separated file quoted (a quote inside doubled), as some tools save. */
function quotedEverywhere(t: string) {
  return lines(t)
    .map((line) => {
      const cells: string[] = [];
      let cell = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"' && quoted && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = !quoted;
        else if (c === "," && !quoted) {
          cells.push(cell);
          cell = "";
        } else cell += c;
      }
      cells.push(cell);
      return line ? cells.map((v) => `"${v.replace(/"/g, '""')}"`).join(",") : "";
    })
    .join("\r\n");
}

describe("the content identity of an attendance report", () => {
  const zoom = text("zoom-meeting-participants.csv");
  const zoomHeader = /^Name \(Original Name\)/;

  it.each([
    ["LF line ends", utf8(lf(zoom))],
    ["CRLF line ends", utf8(crlf(zoom))],
    ["a UTF-8 BOM", withBom(lf(zoom))],
    ["UTF-16 with a BOM", utf16(crlf(zoom))],
    ["Windows-1252 (Excel in Spanish)", windows1252(crlf(zoom))],
    ["its participant rows reordered", utf8(reordered(zoom, zoomHeader))],
    ["every cell quoted", utf8(quotedEverywhere(zoom))],
    ["all of these at once", windows1252(quotedEverywhere(reordered(zoom, zoomHeader)))],
  ])("is the same for a Zoom report re-saved with %s", async (_, bytes) => {
    const original = await identityOf(fixtureBytes("zoom-meeting-participants.csv"));
    const copy = await identityOf(bytes);
    expect(copy).toEqual(original);
    expect(sameReport(copy, original)).toBe(true);
  });

  it("names the meeting by platform, meeting id and start minute when the report has them", async () => {
    const zoomId = await identityOf(fixtureBytes("zoom-meeting-participants.csv"));
    expect(zoomId.meetingKey).toBe("zoom:81234567890:2026-11-19T14:58");
    const webinar = await identityOf(fixtureBytes("zoom-webinar-attendees.csv"));
    expect(webinar.meetingKey).toBe("zoom:98765432100:2026-11-19T15:00");
    const teams = await identityOf(fixtureBytes("teams-attendance-en-us.csv"));
    expect(teams.meetingKey).toBe("teams::2026-11-19T14:58");
    const sheet = await identityOf(fixtureBytes("sign-in-sheet.csv"));
    expect(sheet.meetingKey).toBeNull();
  });

  it("is the same for a Teams report re-saved as UTF-8 and for a sign-in sheet saved by Excel in Windows-1252", async () => {
    const teams = text("teams-attendance-en-us.csv");
    expect(await identityOf(withBom(lf(teams)))).toEqual(await identityOf(fixtureBytes("teams-attendance-en-us.csv")));
    const sheet = text("sign-in-sheet.csv");
    expect(await identityOf(windows1252(crlf(reordered(sheet, /^name,/))))).toEqual(
      await identityOf(fixtureBytes("sign-in-sheet.csv")),
    );
  });

  it("differs when a participant is added, removed or has other minutes, even for the same meeting", async () => {
    const original = await identityOf(fixtureBytes("zoom-meeting-participants.csv"));
    const added = await identityOf(
      utf8(
        lf(zoom).trimEnd() + "\nLucía Nueva,lucia@example.org,11/19/2026 10:05:00 AM,11/19/2026 11:00:00 AM,55,No,Y\n",
      ),
    );
    const removed = await identityOf(
      utf8(
        lines(zoom)
          .filter((line) => !line.startsWith("Pedro Ccama"))
          .join("\n"),
      ),
    );
    const longer = await identityOf(utf8(zoom.replace("11/19/2026 10:35:00 AM,15", "11/19/2026 10:45:00 AM,25")));
    for (const other of [added, removed, longer]) {
      expect(other.meetingKey).toBe(original.meetingKey);
      expect(other.participantsHash).not.toBe(original.participantsHash);
      expect(sameReport(other, original)).toBe(false);
    }
  });

  it("tells two meetings apart even when their participants are the same", async () => {
    const original = await identityOf(fixtureBytes("zoom-meeting-participants.csv"));
    const other = await identityOf(utf8(zoom.replace("812 3456 7890", "899 0000 1111")));
    expect(other.participantsHash).toBe(original.participantsHash);
    expect(sameReport(other, original)).toBe(false);
    // A report without a meeting block names no meeting: the participants decide.
    const bare = await identityOf(utf8(lines(zoom).slice(3).join("\n")));
    expect(bare.meetingKey).toBeNull();
    expect(sameReport(bare, original)).toBe(true);
  });
});
