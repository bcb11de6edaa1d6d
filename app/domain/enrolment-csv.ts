import { normalizeEmail, normalizePhone } from "./contact";
import { firstLines, guessDelimiter, isBlank, locateColumns, readRecords } from "./csv/records";
import type { Country } from "./countries";
import { nameKey } from "./names";
import { readPlace, type PlaceProblem } from "./place-input";

/**
 * Reads an enrolment list (full name, e-mail and/or phone, course) as staff
 * export it from Excel or Google Sheets: comma, semicolon or tab separated,
 * headers in Spanish or English, in any order. Every row is checked before
 * anything is written; the model commits only a file without problems.
 */

import { MAX_IMPORT_ROWS, NAME_MAX } from "./limits";

export { MAX_IMPORT_ROWS };

export type RowProblem =
  | "missingName"
  | "nameTooLong"
  | "missingContact"
  | "badEmail"
  | "badPhone"
  | "unknownCourse"
  | "closedCourse"
  | "duplicateRow"
  | PlaceProblem
  /** The row's e-mail or phone belongs to a person with another name (found on preview, docs/decisions/013). */
  | "contactOfOther";
export type FileProblem = "empty" | "missingColumns" | "unreadable" | "tooManyRows";

export interface ImportCourse {
  id: number;
  slug: string;
  title: string;
  open: boolean;
}

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** What the file said, for the preview. */
  rawEmail: string;
  rawPhone: string;
  rawCourse: string;
  course: ImportCourse | null;
  /** Optional columns; the region is a code of the country (domain/place-input.ts). */
  country: Country | null;
  region: string | null;
  rawCountry: string;
  rawRegion: string;
  problems: RowProblem[];
  /** For a duplicated row: the line it repeats. */
  duplicateOf?: number;
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; problem: FileProblem };

const HEADERS: Record<"name" | "email" | "phone" | "course" | "country" | "region", string[]> = {
  name: ["nombre", "nombre completo", "nombres", "nombres y apellidos", "nombre y apellidos", "full name", "name"],
  email: ["correo", "correo electronico", "email", "e-mail", "mail"],
  phone: ["telefono", "celular", "movil", "whatsapp", "phone", "mobile"],
  course: ["curso", "course", "codigo del curso", "course slug", "slug"],
  country: ["pais", "country"],
  region: ["region", "departamento", "provincia", "region o departamento", "department", "state", "province"],
};

/**
 * Reading stops at the first record past the header and MAX_IMPORT_ROWS filled rows: a file of
 * 100,000 lines is refused after reading 2,002 of them, in slices that let other requests through.
 * The reader is the one attendance reports use (csv/records.ts).
 */
export async function parseEnrolmentCsv(text: string, courses: readonly ImportCourse[]): Promise<ParsedImport> {
  const body = text.replace(/^\uFEFF/, "");
  if (!/\S/.test(body)) return { ok: false, problem: "empty" };
  const read = await readRecords(body, guessDelimiter(firstLines(body, 1)[0] ?? ""), {
    maxRecords: MAX_IMPORT_ROWS + 1,
  });
  if (read.unreadableLines.length > 0) return { ok: false, problem: "unreadable" };
  const [header, ...rows] = read.records.filter((record) => !isBlank(record)).map((record) => record.cells);
  if (!header) return { ok: false, problem: "empty" };
  const at = locateColumns(header, HEADERS);
  if (at.name === undefined || at.course === undefined || (at.email === undefined && at.phone === undefined))
    return { ok: false, problem: "missingColumns" };
  if (!read.complete) return { ok: false, problem: "tooManyRows" };
  if (rows.length === 0) return { ok: false, problem: "empty" };

  const bySlug = new Map(courses.map((c) => [c.slug.toLowerCase(), c]));
  const byTitle = new Map(courses.map((c) => [nameKey(c.title), c]));
  const seen = new Map<string, number>();
  // Line numbers follow the records, which skip blank lines; good enough to find the row in a spreadsheet.
  return {
    ok: true,
    rows: rows.map((record, index) => {
      const cell = (i: number | undefined) => (i === undefined ? "" : (record[i] ?? ""));
      const fullName = cell(at.name).replace(/\s+/g, " ");
      const rawEmail = cell(at.email);
      const rawPhone = cell(at.phone);
      const rawCourse = cell(at.course);
      const email = rawEmail ? normalizeEmail(rawEmail) : null;
      const phone = rawPhone ? normalizePhone(rawPhone) : null;
      const course = bySlug.get(rawCourse.toLowerCase()) ?? byTitle.get(nameKey(rawCourse)) ?? null;
      const rawCountry = cell(at.country);
      const rawRegion = cell(at.region);
      const place = readPlace(rawCountry, rawRegion);
      const problems: RowProblem[] = [];
      if (!fullName) problems.push("missingName");
      else if (fullName.length > NAME_MAX) problems.push("nameTooLong");
      if (!rawEmail && !rawPhone) problems.push("missingContact");
      if (rawEmail && !email) problems.push("badEmail");
      if (rawPhone && !phone) problems.push("badPhone");
      if (!course) problems.push("unknownCourse");
      else if (!course.open) problems.push("closedCourse");
      if (!place.ok) problems.push(place.problem);
      const row: ImportRow = {
        line: index + 2,
        fullName,
        email,
        phone,
        rawEmail,
        rawPhone,
        rawCourse,
        course,
        country: place.country,
        region: place.ok ? place.region : null,
        rawCountry,
        rawRegion,
        problems,
      };
      const who = email ?? phone;
      if (who && course) {
        const key = `${who}|${course.id}`;
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push("duplicateRow");
          row.duplicateOf = first;
        } else seen.set(key, row.line);
      }
      return row;
    }),
  };
}
