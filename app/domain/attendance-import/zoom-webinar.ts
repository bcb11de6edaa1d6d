import { normalizeEmail } from "../contact";
import { columnKey, isBlank, locateColumns, readRecords, type CsvRecord } from "../csv/records";
import { chooseDayOrder, localToUtc } from "./local-time";
import { buildRows, timeCells, type Columns } from "./rows";
import {
  MAX_REPORT_RECORDS,
  MAX_REPORT_ROWS,
  type ParseOptions,
  type ParseOutcome,
  type ReportRow,
  type RowProblem,
} from "./types";

/**
 * Zoom's webinar "Attendee Report": sections, each a title line then a table
 * (`Topic`, `Host Details`, `Panelist Details`, `Attendee Details`, sometimes `Other Attended`).
 * Registrants who did not come are listed with `Attended` = No. Dates look like `Mar 28, 2020 09:07:39`.
 */
const SECTIONS = {
  "attendee report": "report",
  topic: "topic",
  "host details": "host",
  "panelist details": "panelist",
  "attendee details": "attendee",
  "other attended": "other",
} as const;
type Section = (typeof SECTIONS)[keyof typeof SECTIONS];

const PEOPLE_COLUMNS = {
  attended: ["Attended"],
  name: ["User Name (Original Name)", "User Name", "Name (Original Name)", "Name"],
  firstName: ["First Name"],
  lastName: ["Last Name"],
  email: ["Email", "User Email"],
  phone: ["Phone"],
  join: ["Join Time"],
  leave: ["Leave Time"],
  duration: ["Time in Session (minutes)", "Duration (Minutes)"],
  guest: ["Is Guest", "Guest"],
};

export function looksLikeZoomWebinar(head: string[]): boolean {
  return head.slice(0, 3).some((line) => /^"?attendee report"?,*$/i.test(line));
}

export async function parseZoomWebinar(text: string, options: ParseOptions): Promise<ParseOutcome> {
  const { records, unreadableLines, complete } = await readRecords(text, ",", { maxRecords: MAX_REPORT_RECORDS });
  const sections = splitSections(records);
  const people = sections.filter(
    (s) => s.kind === "host" || s.kind === "panelist" || s.kind === "attendee" || s.kind === "other",
  );
  const attendeeTables = people.filter((s) => s.kind === "attendee" || s.kind === "other");
  if (attendeeTables.length === 0) {
    return { ok: false, error: { code: "missingColumns", format: "zoom-webinar", columns: ["Attendee Details"] } };
  }
  const total = people.reduce((n, s) => n + s.data.length, 0);
  if (attendeeTables.every((s) => s.data.length === 0))
    return { ok: false, error: { code: "noRows", format: "zoom-webinar" } };
  if (!complete || total > MAX_REPORT_ROWS)
    return { ok: false, error: { code: "tooManyRows", format: "zoom-webinar", max: MAX_REPORT_ROWS } };

  const topic = sections.find((s) => s.kind === "topic");
  const topicColumns = topic
    ? locateColumns(topic.header.cells, {
        topic: ["Topic"],
        start: ["Actual Start Time", "Start Time"],
        meetingId: ["Webinar ID", "Meeting ID"],
      })
    : {};
  const topicValues = topic?.data[0]?.cells ?? [];
  const start = topicColumns.start === undefined ? undefined : topicValues[topicColumns.start];

  const samples = people.flatMap((s) => timeCells(s.data, locateColumns(s.header.cells, PEOPLE_COLUMNS)));
  const order = chooseDayOrder(
    [start, ...samples].filter((s): s is string => Boolean(s)),
    "month-first",
    options.sessionDate,
  );

  const rows: ReportRow[] = [];
  const problems: RowProblem[] = unreadableLines.map((line) => ({ line, code: "unreadable", skipped: true }));
  let hostEmail: string | null = null;
  for (const section of people) {
    const columns: Columns = locateColumns(section.header.cells, PEOPLE_COLUMNS);
    if (columns.name === undefined && columns.firstName === undefined && columns.email === undefined) continue;
    const role = section.kind === "host" ? "host" : section.kind === "panelist" ? "panelist" : "attendee";
    const built = await buildRows(section.data, columns, {
      order,
      timeZone: options.timeZone,
      width: section.header.cells.length,
      role,
    });
    for (const row of built.rows) rows.push(row);
    for (const problem of built.problems) problems.push(problem);
    if (section.kind === "host") hostEmail ??= built.rows.find((r) => r.email)?.email ?? null;
  }
  return {
    ok: true,
    report: {
      format: "zoom-webinar",
      meeting: {
        meetingId: topicColumns.meetingId === undefined ? null : topicValues[topicColumns.meetingId] || null,
        topic: topicColumns.topic === undefined ? null : topicValues[topicColumns.topic] || null,
        startsAt: start ? localToUtc(start, order, options.timeZone) : null,
        endsAt: null,
        hostEmail: normalizeEmail(hostEmail ?? ""),
      },
      rows,
      problems: problems.sort((a, b) => a.line - b.line),
    },
  };
}

interface SectionTable {
  kind: Section;
  header: CsvRecord;
  data: CsvRecord[];
}

/** A title line (one non-empty cell naming a section) starts a section; its next line is the header. */
function splitSections(records: CsvRecord[]): SectionTable[] {
  const sections: SectionTable[] = [];
  let current: SectionTable | null = null;
  let awaitingHeader: Section | null = null;
  for (const record of records) {
    if (isBlank(record)) continue;
    const title = sectionTitle(record);
    if (title) {
      awaitingHeader = title;
      current = null;
      continue;
    }
    // Exports differ: the topic table may come with or without its own title line.
    if (!awaitingHeader && columnKey(record.cells[0]) === "topic") awaitingHeader = "topic";
    if (awaitingHeader) {
      current = { kind: awaitingHeader, header: record, data: [] };
      sections.push(current);
      awaitingHeader = null;
    } else if (current) {
      current.data.push(record);
    }
  }
  return sections;
}

function sectionTitle(record: CsvRecord): Section | null {
  const filled = record.cells.filter((cell) => cell !== "");
  if (filled.length !== 1 || record.cells[0] === "") return null;
  const key = columnKey(filled[0]) as keyof typeof SECTIONS;
  return Object.hasOwn(SECTIONS, key) ? SECTIONS[key] : null;
}
