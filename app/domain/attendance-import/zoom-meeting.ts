import { normalizeEmail } from "../contact";
import { isBlank, locateColumns, readRecords, type CsvRecord } from "../csv/records";
import { chooseDayOrder, localToUtc } from "./local-time";
import { buildRows, timeCells } from "./rows";
import {
  MAX_REPORT_RECORDS,
  MAX_REPORT_ROWS,
  NO_MEETING,
  type ParseOptions,
  type ParseOutcome,
  type ReportMeeting,
} from "./types";

/**
 * Zoom's meeting "Participants" report. Optionally it starts with a meeting block
 * (`Meeting ID,Topic,Start Time,...`, one row, a row of empty fields), then the participant table,
 * one row per join: `Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest`
 * (newer exports add `Recording Consent`). The "unique users" export has one row per person with
 * `Total Duration (Minutes)` instead of join and leave times. Dates are month first: `11/19/2021 10:14:30 AM`.
 */
const PARTICIPANT_COLUMNS = {
  name: ["Name (Original Name)", "Name"],
  email: ["User Email", "Email"],
  join: ["Join Time"],
  leave: ["Leave Time"],
  duration: ["Duration (Minutes)", "Total Duration (Minutes)", "Duration (Mins)"],
  guest: ["Guest"],
};

const MEETING_COLUMNS = {
  meetingId: ["Meeting ID"],
  topic: ["Topic"],
  start: ["Start Time"],
  end: ["End Time"],
  hostEmail: ["User Email"],
};

export function looksLikeZoomMeeting(head: string[]): boolean {
  const first = head[0]?.toLowerCase() ?? "";
  // Some tools save every cell quoted: `"Meeting ID","Topic",…`.
  return /^"?meeting id"?,/.test(first) || /^"?name \(original name\)"?,/.test(first);
}

export async function parseZoomMeeting(text: string, options: ParseOptions): Promise<ParseOutcome> {
  const { records, unreadableLines, complete } = await readRecords(text, ",", { maxRecords: MAX_REPORT_RECORDS });
  const headerAt = records.findIndex(isParticipantHeader);
  if (headerAt < 0)
    return {
      ok: false,
      error: {
        code: "missingColumns",
        format: "zoom-meeting",
        columns: ["Name (Original Name)", "Duration (Minutes)"],
      },
    };
  const header = records[headerAt];
  const columns = locateColumns(header.cells, PARTICIPANT_COLUMNS);
  if (columns.duration === undefined && (columns.join === undefined || columns.leave === undefined)) {
    return { ok: false, error: { code: "missingColumns", format: "zoom-meeting", columns: ["Duration (Minutes)"] } };
  }
  const data = records.slice(headerAt + 1).filter((record) => !isBlank(record));
  if (data.length === 0) return { ok: false, error: { code: "noRows", format: "zoom-meeting" } };
  if (!complete || data.length > MAX_REPORT_ROWS)
    return { ok: false, error: { code: "tooManyRows", format: "zoom-meeting", max: MAX_REPORT_ROWS } };

  const meetingBlock = headerAt > 0 ? readMeetingBlock(records.slice(0, headerAt)) : null;
  const samples = [meetingBlock?.start, meetingBlock?.end, ...timeCells(data, columns)];
  const order = chooseDayOrder(
    samples.filter((s): s is string => Boolean(s)),
    "month-first",
    options.sessionDate,
  );

  const meeting: ReportMeeting = meetingBlock
    ? {
        meetingId: meetingBlock.meetingId || null,
        topic: meetingBlock.topic || null,
        startsAt: meetingBlock.start ? localToUtc(meetingBlock.start, order, options.timeZone) : null,
        endsAt: meetingBlock.end ? localToUtc(meetingBlock.end, order, options.timeZone) : null,
        hostEmail: normalizeEmail(meetingBlock.hostEmail ?? ""),
      }
    : NO_MEETING;
  const { rows, problems } = await buildRows(data, columns, {
    order,
    timeZone: options.timeZone,
    width: header.cells.length,
    role: "attendee",
  });
  for (const row of rows) if (meeting.hostEmail && row.email === meeting.hostEmail) row.role = "host";
  problems.push(...unreadableLines.map((line) => ({ line, code: "unreadable" as const, skipped: true })));
  return { ok: true, report: { format: "zoom-meeting", meeting, rows, problems } };
}

function isParticipantHeader(record: CsvRecord): boolean {
  const columns = locateColumns(record.cells, PARTICIPANT_COLUMNS);
  return columns.name === 0 && columns.email !== undefined;
}

function readMeetingBlock(records: CsvRecord[]) {
  const [header, values] = records.filter((record) => !isBlank(record));
  if (!header || !values) return null;
  const at = locateColumns(header.cells, MEETING_COLUMNS);
  const get = (index: number | undefined) => (index === undefined ? undefined : values.cells[index]);
  return {
    meetingId: get(at.meetingId),
    topic: get(at.topic),
    start: get(at.start),
    end: get(at.end),
    hostEmail: get(at.hostEmail),
  };
}
