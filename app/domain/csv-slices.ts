import { parse, type Options } from "csv-parse";
import { breathe, slicer, type Slicer } from "./slices";

/** About a millisecond of parsing: the text is fed to the parser this much at a time, cut at a line end. */
const CHUNK_CHARS = 32_768;

/** What the visitor answers for each record: keep reading, or stop (a row limit reached). */
export type Visit = (cells: string[], line: number) => "more" | "stop";

/**
 * Reads delimited text record by record with csv-parse's streaming parser, fed a chunk at a
 * time with pauses in between, so a 5 MB file never holds the event loop for long. When the
 * visitor says "stop" (more rows than allowed) the rest of the text is never parsed.
 * Returns whether every record was read; throws what csv-parse throws.
 */
export async function readCsvInSlices(text: string, options: Options, visit: Visit, slice: Slicer = slicer()): Promise<{ complete: boolean }> {
  const parser = parse({ ...options, info: true });
  let stopped = false;
  let failure: unknown;
  parser.on("data", ({ record, info }: { record: string[]; info: { lines: number } }) => {
    if (!stopped && visit(record, info.lines) === "stop") stopped = true;
  });
  parser.on("error", (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => parser.once("end", resolve));
  try {
    for (let at = 0; at < text.length && !stopped && failure === undefined; ) {
      const lineEnd = text.indexOf("\n", at + CHUNK_CHARS);
      const next = lineEnd < 0 ? text.length : lineEnd + 1;
      parser.write(text.slice(at, next));
      at = next;
      await breathe(slice);
    }
    if (!stopped && failure === undefined) {
      parser.end();
      await Promise.race([ended, new Promise<void>((resolve) => parser.once("error", () => resolve()))]);
    }
  } finally {
    parser.destroy();
  }
  if (failure !== undefined) throw failure;
  return { complete: !stopped };
}
