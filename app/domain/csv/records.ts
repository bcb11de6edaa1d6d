import type { CsvError } from "csv-parse";
import { readCsvInSlices } from "./read-in-slices";

const MAX_CELL = 1000;

/** One record of a delimited file and the line it ends on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

export interface ReadRecords {
  records: CsvRecord[];
  unreadableLines: number[];
  /** False when reading stopped at `maxRecords`: the file has more. */
  complete: boolean;
}

/**
 * Every record of a delimited text, however ragged: reports have sections of different widths.
 * Records the CSV library cannot read (an unclosed quote in a truncated file) are listed by line
 * instead of failing the whole file. Reading stops after `maxRecords` records that are not blank,
 * so a file far over the row limit costs no more than one at the limit. A run of blank records
 * is kept as one: they only ever separate sections.
 */
export async function readRecords(
  text: string,
  delimiter: string,
  { maxRecords }: { maxRecords: number },
): Promise<ReadRecords> {
  const unreadableLines: number[] = [];
  const records: CsvRecord[] = [];
  let filled = 0;
  const { complete } = await readCsvInSlices(
    text,
    {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        unreadableLines.push(typeof error?.lines === "number" ? error.lines : 0);
        return undefined;
      },
    },
    (cells, line) => {
      // No real cell is this long; capping keeps every later regular expression cheap on hostile input.
      const record = { cells: cells.map((cell) => cell.slice(0, MAX_CELL).trim()), line };
      if (isBlank(record)) {
        if (records.length === 0 || !isBlank(records[records.length - 1])) records.push(record);
        return "more";
      }
      if (filled === maxRecords) return "stop";
      filled++;
      records.push(record);
      return "more";
    },
  );
  return { records, unreadableLines, complete };
}

export function isBlank(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell === "");
}

/** Lower-case, accents and punctuation collapsed: how column titles are compared. */
export function columnKey(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, " ")
    .trim();
}

/** Where each known column is, by its possible titles (compared with `columnKey`). */
export function locateColumns<F extends string>(
  cells: string[],
  aliases: Record<F, string[]>,
): Partial<Record<F, number>> {
  const keys = cells.map(columnKey);
  const found: Partial<Record<F, number>> = {};
  for (const field of Object.keys(aliases) as F[]) {
    const index = keys.findIndex((key) => aliases[field].some((alias) => columnKey(alias) === key));
    if (index >= 0) found[field] = index;
  }
  return found;
}

/** The first line in which `delimiter` appears most often decides between comma, semicolon and tab. */
export function guessDelimiter(firstLine: string): string {
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function firstLines(text: string, count: number): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .slice(0, 4000)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.replace(/[,;\t"]/g, "") !== "")
    .slice(0, count);
}
