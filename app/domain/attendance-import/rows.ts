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
  // A report of 20,000 joins writes a few thousand distinct times (the leaves are often all the meeting's end): each is read once.
  const instants = new Map<string, string | null>();
  for (const record of records) {
    const row = buildRow(record, columns, context, instants, problems);
    if (row) rows.push(row);
    if (slice.due()) await slice.pause();
  }
  return { rows, problems };
}

/** The distinct join and leave times a table writes, to choose its day order from. */
export function timeCells(records: CsvRecord[], columns: Pick<Columns, "join" | "leave">): string[] {
  const cells = new Set<string>();
  for (const { cells: row } of records) {
    if (columns.join !== undefined && row[columns.join]) cells.add(row[columns.join]);
    if (columns.leave !== undefined && row[columns.leave]) cells.add(row[columns.leave]);
  }
  return [...cells];
}

function buildRow(
  record: CsvRecord,
  columns: Columns,
  context: RowContext,
  instants: Map<string, string | null>,
  /** The table's problems so far: this row's are added to it. */
  problems: RowProblem[],
): ReportRow | null {
  const { line } = record;

  // Webinar registrants who never came are listed too; they are not attendance.
  if (columns.attended !== undefined && NO.test(cell(record, columns.attended))) return null;
  if (record.cells.length < context.width) return skipped(problems, line, "truncated");

  const email = normalizeEmail(cell(record, columns.email)) ?? normalizeEmail(cell(record, columns.upn));
  const split = splitOriginalName(
    cell(record, columns.name) ||
      [cell(record, columns.firstName), cell(record, columns.lastName)].filter(Boolean).join(" "),
  );
  // A row named only by a role marker is still someone when it has an e-mail.
  const shown = split.name ? split : { ...split, ...stripMarkers(email ?? ""), host: split.host, guest: split.guest };
  const { name, originalName } = shown;
  if (!name) return skipped(problems, line, "missingName");

  const joinedAt = readTime(cell(record, columns.join), line, context, problems, instants);
  const leftAt = readTime(cell(record, columns.leave), line, context, problems, instants);
  let interval: [string, string] | null = joinedAt && leftAt ? [joinedAt, leftAt] : null;
  if (interval && interval[1] < interval[0]) {
    const value = `${cell(record, columns.join)} – ${cell(record, columns.leave)}`;
    problems.push({ line, code: "leaveBeforeJoin", value, skipped: false });
    interval = null;
  }

  let durationSeconds: number | null = null;
  const rawDuration = cell(record, columns.duration);
  if (columns.duration !== undefined && !EMPTY.test(rawDuration)) {
    const reading = readDuration(rawDuration);
    if (reading.ok) durationSeconds = reading.seconds;
    else if (reading.code === "negativeDuration") return skipped(problems, line, "negativeDuration", rawDuration);
    else if (!interval) return skipped(problems, line, "badDuration", rawDuration);
    else problems.push({ line, code: "badDuration", value: rawDuration, skipped: false });
  }
  if (durationSeconds === null && interval)
    durationSeconds = (Date.parse(interval[1]) - Date.parse(interval[0])) / 1000;
  if (durationSeconds !== null && durationSeconds > MAX_DURATION_SECONDS)
    return skipped(problems, line, "absurdDuration", rawDuration || undefined);

  const rawPresent = cell(record, columns.present);
  const present =
    columns.present === undefined || EMPTY.test(rawPresent)
      ? null
      : YES.test(rawPresent)
        ? true
        : NO.test(rawPresent)
          ? false
          : null;

  return {
    line,
    name,
    originalName,
    email,
    phone: normalizePhone(cell(record, columns.phone)) ?? phoneFromName(name),
    joinedAt: interval?.[0] ?? null,
    leftAt: interval?.[1] ?? null,
    durationSeconds,
    present,
    guest: shown.guest || YES.test(cell(record, columns.guest)),
    role: readRole(cell(record, columns.role)) ?? (shown.host ? "host" : context.role),
  };
}

// Module functions rather than closures made anew for each of 20,000 rows.
function cell(record: CsvRecord, index: number | undefined): string {
  return index === undefined ? "" : (record.cells[index] ?? "");
}

function skipped(problems: RowProblem[], line: number, code: RowProblem["code"], value?: string): null {
  problems.push({ line, code, value, skipped: true });
  return null;
}

function readTime(
  value: string,
  line: number,
  context: RowContext,
  problems: RowProblem[],
  instants: Map<string, string | null>,
): string | null {
  if (EMPTY.test(value)) return null;
  let instant = instants.get(value);
  if (instant === undefined) {
    instant = localToUtc(value, context.order, context.timeZone);
    instants.set(value, instant);
  }
  if (!instant) problems.push({ line, code: "badDate", value, skipped: false });
  return instant;
}

function readRole(value: string): ReportRow["role"] | null {
  if (/presenta|presenter|panel|co-?organi/i.test(value)) return "panelist";
  if (/organi[sz]|host|anfitri/i.test(value)) return "host";
  return value ? "attendee" : null;
}
