import { normalizeEmail, normalizePhone } from "../contact";
import { slicer } from "../slices";
import type { CsvRecord } from "../csv/records";
import { localToUtc, readDuration, type DayOrder } from "./local-time";
import { phoneFromName, splitOriginalName, stripMarkers } from "./participant-name";
import { MAX_DURATION_SECONDS, type ReportRow, type RowProblem } from "./types";

/** The columns a participant table may have, whatever the platform calls them. */
export type Column =
  | "name"
  | "firstName"
  | "lastName"
  | "email"
  | "upn"
  | "phone"
  | "join"
  | "leave"
  | "duration"
  | "guest"
  | "role"
  | "present"
  | "attended";

export type Columns = Partial<Record<Column, number>>;

export interface RowContext {
  order: DayOrder;
  timeZone: string;
  /** Cells in the table's header: a shorter record was cut off. */
  width: number;
  role: ReportRow["role"];
}

const YES = /^(yes|y|s[ií]|true|1|x|✓|presente?|asisti[oó]|attended)$/i;
const NO = /^(no|n|false|0|ausente|absent)$/i;
const EMPTY = /^(--|-|n\/a)?$/i;

/** Turns a table's records into rows, collecting one problem per bad line; pauses now and then for other requests. */
export async function buildRows(records: CsvRecord[], columns: Columns, context: RowContext) {
  const rows: ReportRow[] = [];
  const problems: RowProblem[] = [];
  const slice = slicer();
  for (const record of records) {
    const result = buildRow(record, columns, context);
    for (const problem of result.problems) problems.push(problem);
    if (result.row) rows.push(result.row);
    if (slice.due()) await slice.pause();
  }
  return { rows, problems };
}

function buildRow(
  record: CsvRecord,
  columns: Columns,
  context: RowContext,
): { row: ReportRow | null; problems: RowProblem[] } {
  const { line } = record;
  const cell = (column: Column) => (columns[column] === undefined ? "" : (record.cells[columns[column]!] ?? ""));
  const problems: RowProblem[] = [];
  const skip = (code: RowProblem["code"], value?: string) => ({
    row: null,
    problems: [...problems, { line, code, value, skipped: true }],
  });

  // Webinar registrants who never came are listed too; they are not attendance.
  if (columns.attended !== undefined && NO.test(cell("attended"))) return { row: null, problems };
  if (record.cells.length < context.width) return skip("truncated");

  const email = normalizeEmail(cell("email")) ?? normalizeEmail(cell("upn"));
  const split = splitOriginalName(cell("name") || [cell("firstName"), cell("lastName")].filter(Boolean).join(" "));
  // A row named only by a role marker is still someone when it has an e-mail.
  const shown = split.name ? split : { ...split, ...stripMarkers(email ?? ""), host: split.host, guest: split.guest };
  const { name, originalName } = shown;
  if (!name) return skip("missingName");

  const joinedAt = readTime(cell("join"));
  const leftAt = readTime(cell("leave"));
  let interval: [string, string] | null = joinedAt && leftAt ? [joinedAt, leftAt] : null;
  if (interval && interval[1] < interval[0]) {
    problems.push({ line, code: "leaveBeforeJoin", value: `${cell("join")} – ${cell("leave")}`, skipped: false });
    interval = null;
  }

  let durationSeconds: number | null = null;
  const rawDuration = cell("duration");
  if (columns.duration !== undefined && !EMPTY.test(rawDuration)) {
    const reading = readDuration(rawDuration);
    if (reading.ok) durationSeconds = reading.seconds;
    else if (reading.code === "negativeDuration") return skip("negativeDuration", rawDuration);
    else if (!interval) return skip("badDuration", rawDuration);
    else problems.push({ line, code: "badDuration", value: rawDuration, skipped: false });
  }
  if (durationSeconds === null && interval)
    durationSeconds = (Date.parse(interval[1]) - Date.parse(interval[0])) / 1000;
  if (durationSeconds !== null && durationSeconds > MAX_DURATION_SECONDS)
    return skip("absurdDuration", rawDuration || undefined);

  const rawPresent = cell("present");
  const present =
    columns.present === undefined || EMPTY.test(rawPresent)
      ? null
      : YES.test(rawPresent)
        ? true
        : NO.test(rawPresent)
          ? false
          : null;

  return {
    row: {
      line,
      name,
      originalName,
      email,
      phone: normalizePhone(cell("phone")) ?? phoneFromName(name),
      joinedAt: interval?.[0] ?? null,
      leftAt: interval?.[1] ?? null,
      durationSeconds,
      present,
      guest: shown.guest || YES.test(cell("guest")),
      role: readRole(cell("role")) ?? (shown.host ? "host" : context.role),
    },
    problems,
  };

  function readTime(value: string): string | null {
    if (EMPTY.test(value)) return null;
    const instant = localToUtc(value, context.order, context.timeZone);
    if (!instant) problems.push({ line, code: "badDate", value, skipped: false });
    return instant;
  }
}

function readRole(value: string): ReportRow["role"] | null {
  if (/presenta|presenter|panel|co-?organi/i.test(value)) return "panelist";
  if (/organi[sz]|host|anfitri/i.test(value)) return "host";
  return value ? "attendee" : null;
}
