import { nameKey } from "../names";
import { slicer } from "../slices";
import { bestName } from "./participant-name";
import type { ReportFormat, ReportRow } from "./types";

/** One person in a report, with all their joins merged. */
export interface Participant {
  /** Stable within one report: the first line the person appears on. */
  key: string;
  /** The name to show: the fullest of its spellings (`bestName`), whichever half of Zoom's column it came from. */
  name: string;
  /** Every other spelling seen for this participant. */
  otherNames: string[];
  email: string | null;
  phone: string | null;
  /** Time online, rejoins summed and overlapping joins (two devices at once) counted once. */
  seconds: number;
  /** False when no line stated a time online (a paper sheet with only a mark): there are no minutes to record. */
  timed: boolean;
  /** Join intervals (UTC ISO, clipped to the session window when there is one), so that two participants later found to be one person can be combined. */
  intervals: Array<[string, string]>;
  joins: number;
  /** A sign-in sheet's mark: true if any line says present. */
  present: boolean | null;
  guest: boolean;
  role: ReportRow["role"];
  lines: number[];
}

/** Name keys a row can be recognised by: its original name and its shown name. */
export function rowNameKeys(row: Pick<ReportRow, "name" | "originalName">): string[] {
  const keys = [row.originalName, row.name].filter((n): n is string => Boolean(n)).map(nameKey);
  return [...new Set(keys.filter(Boolean))];
}

/**
 * Groups a report's rows into participants. Rows with the same e-mail (or phone) are one person.
 * A row without either joins the one e-mail group with the same name; when two different
 * e-mails share that name, it stays apart, because two people may share a name and the
 * facilitator must choose. Paper sheets typed twice are not rejoins: their minutes are not added up.
 */
export async function mergeParticipants(
  rows: ReportRow[],
  format: ReportFormat,
  window?: SessionWindow,
): Promise<Participant[]> {
  const slice = slicer();
  const groups = new Map<string, ReportRow[]>();
  // In place: copying the group on every row made one name repeated 20,000 times quadratic.
  const add = (key: string, row: ReportRow) => {
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  };

  const anonymous: ReportRow[] = [];
  for (const row of rows) {
    if (row.email) add(`e:${row.email}`, row);
    else if (row.phone) add(`p:${row.phone}`, row);
    else anonymous.push(row);
    if (slice.due()) await slice.pause();
  }
  const identifiedByName = new Map<string, Set<string>>();
  // Only rows without a contact look names up: a report where everyone has one skips the name keys.
  for (const [groupKey, groupRows] of anonymous.length ? groups : []) {
    for (const row of groupRows)
      for (const key of rowNameKeys(row)) {
        identifiedByName.set(key, (identifiedByName.get(key) ?? new Set()).add(groupKey));
      }
    if (slice.due()) await slice.pause();
  }
  for (const row of anonymous) {
    const keys = rowNameKeys(row);
    const owners = new Set(keys.flatMap((key) => [...(identifiedByName.get(key) ?? [])]));
    if (owners.size === 1) add([...owners][0], row);
    else add(`n:${keys[0] ?? `line${row.line}`}${owners.size > 1 ? `:${row.line}` : ""}`, row);
    if (slice.due()) await slice.pause();
  }
  // Renamed people: "Teo (Teodoro Mamani)" and a later "Teodoro Mamani" row are one participant.
  const merged = joinByOriginalName([...groups.values()]);
  const participants: Participant[] = [];
  for (const group of merged) {
    participants.push(toParticipant(group, format, window));
    if (slice.due()) await slice.pause();
  }
  return participants.sort((a, b) => a.lines[0] - b.lines[0]);
}

function joinByOriginalName(groups: ReportRow[][]): ReportRow[][] {
  const anonymousByKey = new Map<string, ReportRow[]>();
  const result: ReportRow[][] = [];
  for (const group of groups) {
    if (group.some((row) => row.email || row.phone)) {
      result.push(group);
      continue;
    }
    const keys = group.flatMap(rowNameKeys);
    const existing = keys.map((key) => anonymousByKey.get(key)).find(Boolean);
    if (existing) for (const row of group) existing.push(row);
    else result.push(group);
    const target = existing ?? group;
    for (const key of keys) if (!anonymousByKey.has(key)) anonymousByKey.set(key, target);
  }
  return result;
}

function toParticipant(rows: ReportRow[], format: ReportFormat, window?: SessionWindow): Participant {
  if (rows.length === 1) return oneRowParticipant(rows[0], window);
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  const spellings = new Set(
    sorted.flatMap((row) => [row.originalName, row.name]).filter((n): n is string => Boolean(n)),
  );
  const name = bestName([...spellings]);
  spellings.delete(name);
  const intervals = sorted
    .filter((row) => row.joinedAt && row.leftAt)
    .map((row) => [row.joinedAt!, row.leftAt!] as [string, string]);
  const durations = sorted.map((row) => row.durationSeconds ?? 0);
  const seconds =
    format === "sign-in-sheet"
      ? Math.max(0, ...durations)
      : Math.max(
          0,
          durations.reduce((a, b) => a + b, 0) - overlapSeconds(intervals) - outsideSeconds(intervals, window),
        );
  const marks = sorted.map((row) => row.present).filter((mark): mark is boolean => mark !== null);
  return {
    key: `L${sorted[0].line}`,
    name,
    otherNames: [...spellings],
    email: sorted.find((row) => row.email)?.email ?? null,
    phone: sorted.find((row) => row.phone)?.phone ?? null,
    seconds,
    timed: sorted.some((row) => row.durationSeconds !== null),
    intervals: clipIntervals(intervals, window),
    joins: sorted.length,
    present: marks.length ? marks.some(Boolean) : null,
    guest: sorted.every((row) => row.guest),
    role: sorted.some((row) => row.role === "host")
      ? "host"
      : sorted.some((row) => row.role === "panelist")
        ? "panelist"
        : "attendee",
    lines: sorted.map((row) => row.line),
  };
}

/** Most people join once: the same participant as toParticipant makes, without the bookkeeping for several rows. */
function oneRowParticipant(row: ReportRow, window?: SessionWindow): Participant {
  const name = bestName(row.originalName ? [row.originalName, row.name] : [row.name]);
  const otherNames = row.originalName ? [row.originalName, row.name].filter((n) => n !== name) : [];
  const clipped = row.joinedAt && row.leftAt ? clipOne(row.joinedAt, row.leftAt, window) : null;
  return {
    key: `L${row.line}`,
    name,
    otherNames,
    email: row.email || null,
    phone: row.phone || null,
    seconds: Math.max(0, (row.durationSeconds ?? 0) - (clipped?.outside ?? 0)),
    timed: row.durationSeconds !== null,
    intervals: clipped?.intervals ?? [],
    joins: 1,
    present: row.present,
    guest: row.guest,
    role: row.role,
    lines: [row.line],
  };
}

/** `clipIntervals` and `outsideSeconds` of one interval, reading each instant once: most rows are one join. */
function clipOne(from: string, to: string, window?: SessionWindow) {
  const start = window ? Date.parse(window.startsAt) : NaN;
  const end = window ? Date.parse(window.endsAt) : NaN;
  if (!(end > start)) return { intervals: [[from, to]] as Array<[string, string]>, outside: 0 };
  const [a, b] = [Date.parse(from), Date.parse(to)];
  const [inA, inB] = [Math.max(a, start), Math.min(b, end)];
  const inside = inA < inB ? Math.round((inB - inA) / 1000) : 0;
  return {
    intervals: (inA < inB ? [[new Date(inA).toISOString(), new Date(inB).toISOString()]] : []) as Array<
      [string, string]
    >,
    outside: Math.max(0, Math.round((b - a) / 1000) - inside),
  };
}

/** When the session ran (UTC ISO): time online before its start or after its end is not attendance. */
export interface SessionWindow {
  startsAt: string;
  endsAt: string;
}

/**
 * Seconds of the intervals' union that fall outside the session window. The one interval rule for
 * every platform: a participant's time is the stated durations, minus overlaps, minus this.
 */
export function outsideSeconds(intervals: Array<[string, string]>, window?: SessionWindow): number {
  if (!window || intervals.length === 0) return 0;
  return Math.max(0, unionSeconds(intervals) - unionSeconds(clipIntervals(intervals, window)));
}

/** The parts of the intervals inside the session window; those wholly outside are dropped. */
export function clipIntervals(intervals: Array<[string, string]>, window?: SessionWindow): Array<[string, string]> {
  if (!window) return intervals;
  const from = Date.parse(window.startsAt);
  const to = Date.parse(window.endsAt);
  if (!(to > from)) return intervals;
  return intervals
    .map(([a, b]) => [Math.max(Date.parse(a), from), Math.min(Date.parse(b), to)])
    .filter(([a, b]) => a < b)
    .map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()] as [string, string]);
}

function unionSeconds(intervals: Array<[string, string]>): number {
  const total = intervals.reduce((sum, [a, b]) => sum + (Date.parse(b) - Date.parse(a)) / 1000, 0);
  return Math.round(total) - overlapSeconds(intervals);
}

/** Seconds counted twice when intervals overlap (the sum of their lengths minus the length of their union). */
export function overlapSeconds(intervals: Array<[string, string]>): number {
  const spans = intervals.map(([from, to]) => [Date.parse(from), Date.parse(to)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let union = 0;
  let current: [number, number] | null = null;
  for (const [from, to] of spans) {
    total += to - from;
    if (current && from <= current[1]) current[1] = Math.max(current[1], to);
    else {
      if (current) union += current[1] - current[0];
      current = [from, to];
    }
  }
  if (current) union += current[1] - current[0];
  return Math.round((total - union) / 1000);
}

/** Whole minutes, as stored and compared with the workshop's threshold. */
export function toMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

/** Two participants that turn out to be one person (e.g. a phone and a laptop under different names). */
export function combineParticipants(
  parts: Participant[],
  format: ReportFormat,
): Pick<Participant, "seconds" | "timed" | "present"> {
  // Each part's seconds are already clipped to the session; only the overlap between parts is left.
  const intervals = parts.flatMap((part) => part.intervals);
  const seconds =
    format === "sign-in-sheet"
      ? Math.max(0, ...parts.map((part) => part.seconds))
      : Math.max(
          0,
          parts.reduce((sum, part) => sum + part.seconds + overlapSeconds(part.intervals), 0) -
            overlapSeconds(intervals),
        );
  const marks = parts.map((part) => part.present).filter((mark): mark is boolean => mark !== null);
  return { seconds, timed: parts.some((part) => part.timed), present: marks.length ? marks.some(Boolean) : null };
}
