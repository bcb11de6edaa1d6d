import { columnKey, isBlank, locateColumns, readRecords, type CsvRecord } from "../csv/records";
import { chooseDayOrder, localToUtc } from "./local-time";
import { rowNameKeys } from "./merge";
import { buildRows, timeCells, type RowContext } from "./rows";
import { MAX_REPORT_RECORDS, MAX_REPORT_ROWS, type ParseOptions, type ParseOutcome, type ReportRow } from "./types";

/**
 * Microsoft Teams' attendance report: UTF-16LE, tab-separated, in sections
 * `1. Summary`, `2. Participants` (one row per person: `Name, First Join, Last Leave,
 * In-Meeting Duration, Email, Participant ID (UPN), Role`) and `3. In-Meeting Activities`
 * (one row per join). Dates follow the organiser's locale; durations look like `1h 13m 42s`.
 * The participants table adds up every join, so two devices at once count twice (10:00–11:00 and
 * 10:55–12:00 read as 125 minutes): the per-join activities are read instead, and merged like
 * Zoom's joins. When that section is missing, cut off, or leaves out someone the participants table
 * lists, the participants table is used and the report says so (`activitiesUnusable`).
 */
const PARTICIPANT_COLUMNS = {
  name: ["Name", "Full Name", "Nombre", "Nombre completo"],
  join: ["First Join", "First join time", "Join Time", "Primera unión", "Primera entrada", "Hora de unión"],
  leave: ["Last Leave", "Last leave time", "Leave Time", "Última salida", "Hora de salida"],
  duration: ["In-Meeting Duration", "Duration", "Attendance duration", "Duración en la reunión", "Duración"],
  email: ["Email", "Correo electrónico", "Correo"],
  upn: ["Participant ID (UPN)", "Id. de participante (UPN)", "UPN"],
  role: ["Role", "Rol", "Función"],
};

const ACTIVITY_COLUMNS = {
  name: PARTICIPANT_COLUMNS.name,
  join: ["Join Time", "Join time", "Hora de unión", "Hora de entrada"],
  leave: ["Leave Time", "Leave time", "Hora de salida"],
  duration: ["Duration", "Duración"],
  email: PARTICIPANT_COLUMNS.email,
  upn: PARTICIPANT_COLUMNS.upn,
  role: PARTICIPANT_COLUMNS.role,
};

const SUMMARY_KEYS = {
  meetingId: ["Meeting ID", "Meeting Id", "Id. de la reunión", "Id de la reunión", "Id. de reunión"],
  topic: ["Meeting title", "Título de la reunión"],
  start: ["Start time", "Meeting start time", "Hora de inicio", "Hora de inicio de la reunión"],
  end: ["End time", "Meeting end time", "Hora de finalización", "Hora de finalización de la reunión"],
};

export function looksLikeTeams(head: string[]): boolean {
  return (
    head.some((line) => line.includes("\t")) &&
    head.slice(0, 3).some((line) => /^"?(1\.\s*\S|meeting summary|resumen de la reuni)/i.test(line))
  );
}

export async function parseTeams(text: string, options: ParseOptions): Promise<ParseOutcome> {
  const { records, unreadableLines, complete } = await readRecords(text, "\t", { maxRecords: MAX_REPORT_RECORDS });
  const headerAt = records.findIndex((record) => {
    const columns = locateColumns(record.cells, PARTICIPANT_COLUMNS);
    return columns.name === 0 && (columns.duration !== undefined || columns.join !== undefined);
  });
  if (headerAt < 0)
    return { ok: false, error: { code: "missingColumns", format: "teams", columns: ["Name", "In-Meeting Duration"] } };
  const header = records[headerAt];
  const { data, ended: tableEnded } = readTable(records, headerAt + 1);
  if (data.length === 0 && (complete || tableEnded)) return { ok: false, error: { code: "noRows", format: "teams" } };
  if ((!complete && !tableEnded) || data.length > MAX_REPORT_ROWS)
    return { ok: false, error: { code: "tooManyRows", format: "teams", max: MAX_REPORT_ROWS } };

  const summary = readSummary(records.slice(0, headerAt));
  const columns = locateColumns(header.cells, PARTICIPANT_COLUMNS);
  const samples = [summary.start, summary.end, ...timeCells(data, columns)].filter((s): s is string => Boolean(s));
  // The organiser's locale decides; a 12-hour clock is the United States' month-first habit.
  const fallback = samples.some((s) => /\d\s?[ap]\.?\s?m\.?$/i.test(s)) ? "month-first" : "day-first";
  const order = chooseDayOrder(samples, fallback, options.sessionDate);
  const context = { order, timeZone: options.timeZone, width: header.cells.length, role: "attendee" as const };
  const totals = await buildRows(data, columns, context);
  const activities = await readActivities(records, headerAt + 1 + data.length, totals.rows, complete, {
    ...context,
    unreadableLines,
  });
  const { rows, problems } = activities.ok ? activities : totals;
  if (!activities.ok) problems.push({ line: activities.line, code: "activitiesUnusable", skipped: false });
  problems.push(...unreadableLines.map((line) => ({ line, code: "unreadable" as const, skipped: true })));
  return {
    ok: true,
    report: {
      format: "teams",
      meeting: {
        meetingId: summary.meetingId || null,
        topic: summary.topic || null,
        startsAt: summary.start ? localToUtc(summary.start, order, options.timeZone) : null,
        endsAt: summary.end ? localToUtc(summary.end, order, options.timeZone) : null,
        hostEmail: null,
      },
      rows,
      problems,
    },
  };
}

/** A table's records from `start` to the next blank line or section title; `ended` is false when the file ran out first. */
function readTable(records: CsvRecord[], start: number): { data: CsvRecord[]; ended: boolean } {
  const data: CsvRecord[] = [];
  for (const record of records.slice(start)) {
    if (isBlank(record) || isSectionTitle(record)) return { data, ended: true };
    data.push(record);
  }
  return { data, ended: false };
}

/**
 * The per-join rows of "3. In-Meeting Activities", when they can be trusted: the section is there,
 * read to its end, every line whole, and everyone in the participants table has a join in it.
 * Otherwise `line` says where the report went wrong, for the message.
 */
async function readActivities(
  records: CsvRecord[],
  after: number,
  people: ReportRow[],
  complete: boolean,
  context: RowContext & { unreadableLines: number[] },
): Promise<({ ok: true } & Awaited<ReturnType<typeof buildRows>>) | { ok: false; line: number }> {
  const lastLine = records.at(-1)?.line ?? 1;
  const headerAt = records.findIndex((record, index) => {
    if (index < after) return false;
    const columns = locateColumns(record.cells, ACTIVITY_COLUMNS);
    return columns.name === 0 && columns.join !== undefined && columns.leave !== undefined;
  });
  if (headerAt < 0) return { ok: false, line: lastLine };
  const header = records[headerAt];
  const { data, ended } = readTable(records, headerAt + 1);
  const cut = data.find((record) => record.cells.length < header.cells.length);
  if (cut) return { ok: false, line: cut.line };
  if (data.length === 0 || (!ended && !complete)) return { ok: false, line: header.line };
  if (context.unreadableLines.some((line) => line > header.line)) return { ok: false, line: header.line };
  const columns = locateColumns(header.cells, ACTIVITY_COLUMNS);
  const built = await buildRows(data, columns, { ...context, width: header.cells.length });
  const seen = new Set(built.rows.flatMap(personKeys));
  const missing = people.find((person) => !personKeys(person).some((key) => seen.has(key)));
  if (missing) return { ok: false, line: missing.line };
  return { ok: true, ...built };
}

function personKeys(row: ReportRow): string[] {
  return row.email ? [`e:${row.email}`] : rowNameKeys(row).map((key) => `n:${key}`);
}

function isSectionTitle(record: CsvRecord): boolean {
  return record.cells.filter(Boolean).length === 1 && /^\d\.\s*\S/.test(record.cells[0]);
}

function readSummary(records: CsvRecord[]): Partial<Record<keyof typeof SUMMARY_KEYS, string>> {
  const found: Partial<Record<keyof typeof SUMMARY_KEYS, string>> = {};
  for (const record of records) {
    const key = columnKey(record.cells[0] ?? "");
    for (const field of Object.keys(SUMMARY_KEYS) as Array<keyof typeof SUMMARY_KEYS>) {
      if (!found[field] && SUMMARY_KEYS[field].some((alias) => columnKey(alias) === key))
        found[field] = record.cells[1];
    }
  }
  return found;
}
