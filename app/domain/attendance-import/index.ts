import { localDate } from "../../utils/dates";
import { firstLines } from "../csv/records";
import { looksLikeSignInSheet, parseSignInSheet } from "./sign-in-sheet";
import { looksLikeTeams, parseTeams } from "./teams";
import type { ParseOptions, ParseOutcome, ParsedReport, ReportFormat } from "./types";
import { looksLikeZoomMeeting, parseZoomMeeting } from "./zoom-meeting";
import { looksLikeZoomWebinar, parseZoomWebinar } from "./zoom-webinar";

export * from "./types";

const PARSERS: Array<{
  format: ReportFormat;
  looksLike: (head: string[]) => boolean;
  parse: (text: string, o: ParseOptions) => Promise<ParseOutcome>;
}> = [
  { format: "teams", looksLike: looksLikeTeams, parse: parseTeams },
  { format: "zoom-webinar", looksLike: looksLikeZoomWebinar, parse: parseZoomWebinar },
  { format: "zoom-meeting", looksLike: looksLikeZoomMeeting, parse: parseZoomMeeting },
  { format: "sign-in-sheet", looksLike: looksLikeSignInSheet, parse: parseSignInSheet },
];

/** Which supported report this text is, from its first lines; null for anything else. */
export function detectFormat(text: string): ReportFormat | null {
  const head = firstLines(text, 6);
  return PARSERS.find((parser) => parser.looksLike(head))?.format ?? null;
}

/**
 * Reads an attendance report of any supported format (already decoded to text).
 * Never throws on bad input: a file it cannot use comes back as an error code. A file with more
 * rows than allowed is answered "too many rows" after reading just past the limit, and a long
 * file is read in slices, so other requests are served meanwhile.
 */
export async function parseAttendanceReport(input: string, options: ParseOptions): Promise<ParseOutcome> {
  const text = input.replace(/^\uFEFF/, "");
  if (!/[^\s,;"]/.test(text)) return { ok: false, error: { code: "empty" } };
  const format = detectFormat(text);
  const parser = PARSERS.find((p) => p.format === format);
  if (!parser) return { ok: false, error: { code: "unknownFormat" } };
  try {
    return await parser.parse(text, options);
  } catch {
    // The CSV library refuses some inputs outright (e.g. a binary file that looked like a header).
    return { ok: false, error: { code: "unknownFormat" } };
  }
}

/**
 * The local date the report says the meeting was on, when it differs from the session's:
 * a report uploaded to the wrong session. Null when they agree or the report has no dates.
 */
export function otherMeetingDate(report: ParsedReport, sessionStartsAt: string, timeZone: string): string | null {
  const joins = report.rows.map((row) => row.joinedAt).filter((at): at is string => Boolean(at));
  const meetingStart = report.meeting.startsAt ?? joins.sort()[0];
  if (!meetingStart) return null;
  const reportDate = localDate(meetingStart, timeZone);
  return reportDate === localDate(sessionStartsAt, timeZone) ? null : reportDate;
}
