import { firstLines, guessDelimiter, isBlank, locateColumns, readRecords } from "../csv/records";
import { buildRows } from "./rows";
import { MAX_REPORT_RECORDS, MAX_REPORT_ROWS, NO_MEETING, type ParseOptions, type ParseOutcome } from "./types";

/**
 * Minka's own format for paper sign-in sheets typed up later (documented on the import page):
 * a header line, then one person per line. Columns, in any order, in Spanish or English:
 * `nombre` (required), `correo`, `telefono`, `minutos`, `presente` (sí/no). A person listed
 * without minutes or a "no" counts as present. Comma, semicolon (Excel in Spanish) or tab.
 */
export const SIGN_IN_COLUMNS = {
  name: ["nombre", "nombre completo", "nombres y apellidos", "name", "full name"],
  email: ["correo", "correo electronico", "e-mail", "email"],
  phone: ["telefono", "celular", "phone", "mobile"],
  duration: ["minutos", "minutes"],
  present: ["presente", "asistio", "present", "attended"],
};

export function looksLikeSignInSheet(head: string[]): boolean {
  const header = head[0] ?? "";
  const cells = header.split(guessDelimiter(header)).map((cell) => cell.replace(/"/g, ""));
  const columns = locateColumns(cells, SIGN_IN_COLUMNS);
  return columns.name !== undefined;
}

export async function parseSignInSheet(text: string, options: ParseOptions): Promise<ParseOutcome> {
  const delimiter = guessDelimiter(firstLines(text, 1)[0] ?? "");
  const { records, unreadableLines, complete } = await readRecords(text, delimiter, { maxRecords: MAX_REPORT_RECORDS });
  const content = records.filter((record) => !isBlank(record));
  const [header, ...data] = content;
  if (!header) return { ok: false, error: { code: "empty" } };
  const columns = locateColumns(header.cells, SIGN_IN_COLUMNS);
  if (columns.name === undefined)
    return { ok: false, error: { code: "missingColumns", format: "sign-in-sheet", columns: ["nombre"] } };
  if (data.length === 0) return { ok: false, error: { code: "noRows", format: "sign-in-sheet" } };
  if (!complete || data.length > MAX_REPORT_ROWS)
    return { ok: false, error: { code: "tooManyRows", format: "sign-in-sheet", max: MAX_REPORT_ROWS } };
  const { rows, problems } = await buildRows(data, columns, {
    order: "day-first",
    timeZone: options.timeZone,
    // Typed by hand: trailing empty columns are often left out, so only the name must be there.
    width: columns.name + 1,
    role: "attendee",
  });
  // On paper, being on the list is the mark; only an explicit "no" or zero minutes says otherwise.
  for (const row of rows) if (row.present === null && row.durationSeconds === null) row.present = true;
  problems.push(...unreadableLines.map((line) => ({ line, code: "unreadable" as const, skipped: true })));
  return { ok: true, report: { format: "sign-in-sheet", meeting: NO_MEETING, rows, problems } };
}
