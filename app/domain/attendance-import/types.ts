/** What every attendance report parser produces, whatever the platform it came from. */

export const REPORT_FORMATS = ["zoom-meeting", "zoom-webinar", "teams", "sign-in-sheet"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One line of a report: one join of one participant (or one signature on a sheet). */
export interface ReportRow {
  /** Line in the file, for messages. */
  line: number;
  /** The name shown in the meeting, without the "(Original Name)" part. */
  name: string;
  /** Zoom's "(Original Name)": the name before a rename in the meeting. */
  originalName: string | null;
  /** Normalised (lower-case), or null. */
  email: string | null;
  /** E.164, or null. */
  phone: string | null;
  /** UTC ISO instants, when the report has readable times. */
  joinedAt: string | null;
  leftAt: string | null;
  /** Time online as the report states it. */
  durationSeconds: number | null;
  /** A sign-in sheet's explicit mark; null in online reports. */
  present: boolean | null;
  guest: boolean;
  /** Hosts and panelists run the meeting: the review suggests ignoring them. */
  role: "host" | "panelist" | "attendee";
}

export type RowProblemCode =
  | "unreadable"
  | "truncated"
  | "missingName"
  | "badDate"
  | "badDuration"
  | "negativeDuration"
  | "absurdDuration"
  | "leaveBeforeJoin"
  | "activitiesUnusable";

/** A problem with one line. `skipped` rows are left out; the others are kept with the bad value ignored. */
export interface RowProblem {
  line: number;
  code: RowProblemCode;
  value?: string;
  skipped: boolean;
}

export interface ReportMeeting {
  /** The platform's meeting (or webinar) id as printed, when the report has it. */
  meetingId?: string | null;
  topic: string | null;
  startsAt: string | null;
  endsAt: string | null;
  hostEmail: string | null;
}

export interface ParsedReport {
  format: ReportFormat;
  meeting: ReportMeeting;
  rows: ReportRow[];
  problems: RowProblem[];
}

export type ParseError =
  | { code: "empty" }
  | { code: "unknownFormat" }
  | { code: "noRows"; format: ReportFormat }
  | { code: "missingColumns"; format: ReportFormat; columns: string[] }
  | { code: "tooManyRows"; format: ReportFormat; max: number };

export type ParseOutcome = { ok: true; report: ParsedReport } | { ok: false; error: ParseError };

export interface ParseOptions {
  /** IANA zone the report's wall-clock times are read in (the workshop's). */
  timeZone: string;
  /** The session's local date (YYYY-MM-DD): breaks the tie when a date could be month-first or day-first. */
  sessionDate?: string;
}

/** An attendance report of one session is a few kilobytes; this leaves room for huge webinars. */
export const MAX_REPORT_BYTES = 5_000_000;

/** More rows than any real session has: a sign that the file is not an attendance report. */
export const MAX_REPORT_ROWS = 20_000;

/** Records read at most: the row limit plus room for titles and a meeting summary around the table. Past it, reading stops. */
export const MAX_REPORT_RECORDS = MAX_REPORT_ROWS + 100;

/** Longer than a day online in one session is not a real duration. */
export const MAX_DURATION_SECONDS = 24 * 60 * 60;

export const NO_MEETING: ReportMeeting = { topic: null, startsAt: null, endsAt: null, hostEmail: null };
