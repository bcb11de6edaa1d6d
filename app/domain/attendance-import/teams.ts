import { columnKey, isBlank, locateColumns, readRecords, type CsvRecord } from "../csv/records";
import { chooseDayOrder, localToUtc } from "./local-time";
import { buildRows } from "./rows";
import { MAX_REPORT_RECORDS, MAX_REPORT_ROWS, type ParseOptions, type ParseOutcome } from "./types";

/**
 * Microsoft Teams' attendance report: UTF-16LE, tab-separated, in sections
 * `1. Summary`, `2. Participants` (one row per person: `Name, First Join, Last Leave,
 * In-Meeting Duration, Email, Participant ID (UPN), Role`) and `3. In-Meeting Activities`
 * (one row per join). Dates follow the organiser's locale; durations look like `1h 13m 42s`.
 * The participants table already merges rejoins, so it is the one read.
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

const SUMMARY_KEYS = {
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
  const data: CsvRecord[] = [];
  // The participants end at a blank line or the next section; what follows (one row per join) is not read.
  let tableEnded = false;
  for (const record of records.slice(headerAt + 1)) {
    if (isBlank(record) || isSectionTitle(record)) {
      tableEnded = true;
      break;
    }
    data.push(record);
  }
  if (data.length === 0 && (complete || tableEnded)) return { ok: false, error: { code: "noRows", format: "teams" } };
  if ((!complete && !tableEnded) || data.length > MAX_REPORT_ROWS)
    return { ok: false, error: { code: "tooManyRows", format: "teams", max: MAX_REPORT_ROWS } };

  const summary = readSummary(records.slice(0, headerAt));
  const columns = locateColumns(header.cells, PARTICIPANT_COLUMNS);
  const samples = [
    summary.start,
    summary.end,
    ...data.flatMap((r) => [r.cells[columns.join ?? -1], r.cells[columns.leave ?? -1]]),
  ].filter((s): s is string => Boolean(s));
  // The organiser's locale decides; a 12-hour clock is the United States' month-first habit.
  const fallback = samples.some((s) => /\d\s?[ap]\.?\s?m\.?$/i.test(s)) ? "month-first" : "day-first";
  const order = chooseDayOrder(samples, fallback, options.sessionDate);
  const { rows, problems } = await buildRows(data, columns, {
    order,
    timeZone: options.timeZone,
    width: header.cells.length,
    role: "attendee",
  });
  problems.push(...unreadableLines.map((line) => ({ line, code: "unreadable" as const, skipped: true })));
  return {
    ok: true,
    report: {
      format: "teams",
      meeting: {
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
