import { parse, type Options } from "csv-parse/sync";
import { slicer, type Slicer } from "../slices";

/** What the visitor answers for each record: keep reading, or stop (a row limit reached). */
export type Visit = (cells: string[], line: number) => "more" | "stop";

/** Check the clock every this many lines. */
const LINES_PER_CHECK = 256;
/** The most lines one quoted record may span. */
const MAX_LINES_PER_RECORD = 100;

/**
 * Reads delimited text record by record, pausing every few milliseconds so that a 5 MB file
 * never holds the event loop for long; when the visitor says "stop" (more rows than allowed)
 * the rest of the text is never parsed. Returns whether every record was read; throws what
 * csv-parse throws.
 *
 * A line without a double quote is one record: it is split at the delimiter here. Lines with
 * quotes, up to where the quotes balance (a quoted cell may hold line breaks), go to csv-parse
 * with the caller's options, so quoting follows its rules. Not all of a file goes through
 * csv-parse because, with `relax_column_count`, it builds a full error object (stack trace
 * included) for every record whose width differs from the first one: a report whose meeting
 * summary is wider than its table, or a header followed by one-column lines, cost it seconds.
 * `line` is the line a record ends on, like csv-parse's `info.lines`.
 */
export async function readCsvInSlices(
  text: string,
  options: Options,
  visit: Visit,
  slice: Slicer = slicer(),
): Promise<{ complete: boolean }> {
  const delimiter = String(options.delimiter ?? ",");
  const lineBreak = text.includes("\n") ? "\n" : "\r";
  let at = 0;
  let line = 0;
  while (at < text.length) {
    if (line % LINES_PER_CHECK === 0 && slice.due()) await slice.pause();
    let end = text.indexOf(lineBreak, at);
    if (end < 0) end = text.length;
    const first = text.slice(at, end);
    line++;
    if (!first.includes('"')) {
      at = end + 1;
      const content = first.endsWith("\r") ? first.slice(0, -1) : first;
      if (content === "" && options.skip_empty_lines) continue;
      const cells = content.split(delimiter);
      if (visit(options.trim ? cells.map((cell) => cell.trim()) : cells, line) === "stop") return { complete: false };
      continue;
    }
    // Quoted cells: take lines until the quotes balance (a cell is never this many lines: past it,
    // csv-parse reports an unclosed quote for these lines only), and let csv-parse read them.
    const startLine = line;
    let quotes = countQuotes(first);
    while (quotes % 2 === 1 && end < text.length && line - startLine < MAX_LINES_PER_RECORD) {
      const next = text.indexOf(lineBreak, end + 1);
      const lineEnd = next < 0 ? text.length : next;
      quotes += countQuotes(text.slice(end + 1, lineEnd));
      end = lineEnd;
      line++;
    }
    const chunk = text.slice(at, text[end - 1] === "\r" ? end - 1 : end);
    at = end + 1;
    const skipped = options.on_skip;
    const records = parse(chunk, {
      ...options,
      info: true,
      on_skip: skipped
        ? (error, raw) =>
            skipped(
              error && typeof error.lines === "number"
                ? Object.assign(error, { lines: error.lines + startLine - 1 })
                : error,
              raw,
            )
        : undefined,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // csv-parse counts a line break inside quotes twice: the chunk's last record ends on its last line.
    for (const [index, { record, info }] of records.entries()) {
      const recordLine = index === records.length - 1 ? line : Math.min(line, startLine - 1 + info.lines);
      if (visit(record, recordLine) === "stop") return { complete: false };
    }
  }
  return { complete: true };
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
}
