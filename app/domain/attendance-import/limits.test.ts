import { describe, expect, it } from "vitest";
import { readRecords } from "../csv/records";
import { parseAttendanceReport } from "./index";
import { mergeParticipants } from "./merge";
import { MAX_REPORT_RECORDS, MAX_REPORT_ROWS } from "./types";

/**
 * Uploads that once froze the server: a report far over the row limit was read whole before
 * being refused, and one name repeated on every line was merged in quadratic time.
 */
const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i));
const signInSheet = (rows: number) => ["nombre", ...lines(rows, (i) => `Persona ${i}`)].join("\r\n");
const ZOOM_HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest";
const zoomReport = (rows: number) =>
  [
    ZOOM_HEADER,
    ...lines(rows, (i) => `Persona ${i},p${i}@coop.pe,11/19/2026 10:00:00 AM,11/19/2026 11:00:00 AM,60,No`),
  ].join("\r\n");

describe("reports far over the row limit", () => {
  it("are read only up to the limit: 100,000 one-column lines cost as much as 20,100", async () => {
    const read = await readRecords(signInSheet(100_000), ",", { maxRecords: MAX_REPORT_RECORDS });
    expect(read.records).toHaveLength(MAX_REPORT_RECORDS);
    expect(read.complete).toBe(false);
    expect(read.records.at(-1)?.line).toBe(MAX_REPORT_RECORDS);
  });

  it("do not count blank lines towards the limit, and keep a run of them as one", async () => {
    const text = ["nombre", "", "", ",,", "Rosa", "", "Ana"].join("\n");
    const read = await readRecords(text, ",", { maxRecords: 3 });
    expect(read.records.map((r) => r.cells[0])).toEqual(["nombre", "", "Rosa", "", "Ana"]);
    expect(read.complete).toBe(true);
  });

  it.each([
    ["sign-in sheet", signInSheet(100_000)],
    ["Zoom meeting", zoomReport(MAX_REPORT_ROWS + 1)],
  ])("are answered 'more than 20,000 rows' (%s)", async (_, text) => {
    const outcome = await parseAttendanceReport(text, options);
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "tooManyRows", max: MAX_REPORT_ROWS }),
    });
  });

  it("a report of exactly 20,000 rows is read whole", async () => {
    const outcome = await parseAttendanceReport(zoomReport(MAX_REPORT_ROWS), options);
    expect(outcome.ok && outcome.report.rows).toHaveLength(MAX_REPORT_ROWS);
  });

  it("a Teams report whose per-join activities run past the limit falls back on its participants' totals", async () => {
    const participants = lines(
      3,
      (i) => `Persona ${i}\t11/19/26, 10:00:00 AM\t11/19/26, 11:00:00 AM\t1h\tp${i}@coop.pe\tp${i}@coop.pe\tAttendee`,
    );
    const activities = lines(
      MAX_REPORT_RECORDS,
      (i) => `Persona ${i % 3}\t11/19/26, 10:00:00 AM\t11/19/26, 11:00:00 AM\t1h\tp${i % 3}@coop.pe\tAttendee`,
    );
    const text = [
      "1. Summary",
      "Meeting title\tCostos",
      "",
      "2. Participants",
      "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
      ...participants,
      "",
      "3. In-Meeting Activities",
      "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
      ...activities,
    ].join("\r\n");
    const outcome = await parseAttendanceReport(text, options);
    expect(outcome.ok && outcome.report.rows.map((row) => row.email)).toEqual([
      "p0@coop.pe",
      "p1@coop.pe",
      "p2@coop.pe",
    ]);
    expect(outcome.ok && outcome.report.problems.map((problem) => problem.code)).toEqual(["activitiesUnusable"]);
  });

  it("lets other work run while a long report is read", async () => {
    let turns = 0;
    let running = true;
    const other = () => {
      turns++;
      if (running) setImmediate(other);
    };
    setImmediate(other);
    const outcome = await parseAttendanceReport(zoomReport(MAX_REPORT_ROWS), options);
    const turnsDuringParse = turns;
    running = false;
    expect(outcome.ok).toBe(true);
    expect(turnsDuringParse).toBeGreaterThan(0);
  });
});

describe("merging a report of one name on every line", () => {
  it("gives one participant with all 20,000 lines", async () => {
    const outcome = await parseAttendanceReport(
      ["nombre", ...lines(MAX_REPORT_ROWS, () => "Rosa Quispe")].join("\n"),
      options,
    );
    if (!outcome.ok) throw new Error(outcome.error.code);
    const participants = await mergeParticipants(outcome.report.rows, outcome.report.format);
    expect(participants).toHaveLength(1);
    expect(participants[0].joins).toBe(MAX_REPORT_ROWS);
  });
});
