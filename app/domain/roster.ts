import type { Sex } from "../../db/schema";
import { normalizeEmail, normalizePhone } from "./contact";
import { phoneCountry, type Country } from "./countries";
import { firstLines, guessDelimiter, isBlank, locateColumns, readRecords, type CsvRecord } from "./csv/records";
import { MAX_ROSTER_ROWS, NAME_MAX } from "./limits";
import { regionsOf, resolveRegion } from "./regions";

/**
 * A roster (docs/decisions/014-roster-import.md): people with their details, from a CSV or an
 * XLSX sheet, headers in Spanish or English in any order. Every row is checked here, without the
 * database; who each row is (new, an existing person, "choose") is the model's question.
 */

/** Longest cooperative name kept. */
export const COOPERATIVE_MAX = 200;
export const EARLIEST_BIRTH_YEAR = 1900;

export type RosterRowProblem =
  | "missingName"
  | "nameTooLong"
  | "noContactNoConsent"
  | "badEmail"
  | "badPhone"
  | "badSex"
  | "badBirthYear"
  | "unknownCountry"
  | "regionWithoutCountry"
  | "regionNotOfCountry"
  | "cooperativeTooLong"
  | "badConsent"
  | "duplicateRow";
export type RosterFileProblem = "empty" | "missingColumns" | "unreadable" | "tooManyRows" | "formula";

export interface RosterRow {
  /** Line (CSV) or row (XLSX) in the file; the header is line 1 when it comes first. */
  line: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** What the file said, for the preview. */
  rawEmail: string;
  rawPhone: string;
  rawCountry: string;
  rawRegion: string;
  sex: Sex;
  birthYear: number | null;
  country: Country | null;
  region: string | null;
  cooperative: string | null;
  /** The person gave staff their consent (the row's column, else the whole list's checkbox). */
  consent: boolean;
  problems: RosterRowProblem[];
  /** For a repeated person: the line it repeats. */
  duplicateOf?: number;
}

export type ParsedRoster = { ok: true; rows: RosterRow[] } | { ok: false; problem: RosterFileProblem };

export interface RosterOptions {
  /** The page's "these people gave consent to staff" box: the consent of rows that say nothing. */
  consentForAll: boolean;
  /** The latest birth year accepted (this year). */
  currentYear: number;
}

type Field = "name" | "email" | "phone" | "sex" | "birthYear" | "country" | "region" | "cooperative" | "consent";

const HEADERS: Record<Field, string[]> = {
  name: ["nombre", "nombre completo", "nombres", "nombres y apellidos", "nombre y apellidos", "full name", "name"],
  email: ["correo", "correo electronico", "email", "e-mail", "mail"],
  phone: ["telefono", "celular", "movil", "whatsapp", "phone", "mobile", "phone number"],
  sex: ["sexo", "sex", "genero", "gender"],
  birthYear: ["ano de nacimiento", "año de nacimiento", "nacimiento", "birth year", "year of birth"],
  country: ["pais", "country"],
  region: ["region", "departamento", "provincia", "region o departamento", "state", "department"],
  cooperative: ["cooperativa", "organizacion", "cooperative", "organization", "organisation"],
  consent: ["consentimiento", "consent", "dio su consentimiento", "gave consent"],
};

/** The template's columns, in order, Spanish titles (English ones are accepted too). */
export const TEMPLATE_HEADERS = [
  "Nombre completo",
  "Correo",
  "Teléfono",
  "Sexo",
  "Año de nacimiento",
  "País",
  "Región",
  "Cooperativa",
  "Consentimiento",
];
/** An example row that can match nobody real: a reserved e-mail domain and no phone. */
export const TEMPLATE_EXAMPLE = [
  "Rosa Ejemplo Quispe",
  "rosa.ejemplo@example.org",
  "",
  "Mujer",
  "1985",
  "Perú",
  "Cusco",
  "Cooperativa Agraria Cafetalera",
  "Sí",
];

function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

const COUNTRY_NAMES: Record<string, Country> = {
  pe: "PE",
  per: "PE",
  peru: "PE",
  gt: "GT",
  gtm: "GT",
  guatemala: "GT",
  sv: "SV",
  slv: "SV",
  "el salvador": "SV",
  salvador: "SV",
  do: "DO",
  dom: "DO",
  "republica dominicana": "DO",
  "dominican republic": "DO",
  "rep dominicana": "DO",
  hn: "HN",
  hnd: "HN",
  honduras: "HN",
  other: "OTHER",
  otro: "OTHER",
  "otro pais": "OTHER",
  "other country": "OTHER",
};

/** A country code (ISO alpha-2 or alpha-3) or its Spanish or English name; undefined when unknown. */
export function resolveCountry(input: string): Country | undefined {
  return COUNTRY_NAMES[fold(input)];
}

const SEX_WORDS: Record<string, Sex> = {
  mujer: "female",
  femenino: "female",
  f: "female",
  female: "female",
  woman: "female",
  hombre: "male",
  masculino: "male",
  varon: "male",
  m: "male",
  h: "male",
  male: "male",
  man: "male",
  otro: "other",
  otra: "other",
  other: "other",
  "prefiere no decir": "not_stated",
  "no indica": "not_stated",
  "no sabe": "not_stated",
  "not stated": "not_stated",
  "prefer not to say": "not_stated",
};

const YES = new Set(["si", "s", "yes", "y", "x", "1", "true", "verdadero"]);
const NO = new Set(["no", "n", "0", "false", "falso"]);

/**
 * Checks every row of a roster read into records (a CSV's or an XLSX sheet's). `complete` is false
 * when the reader stopped past MAX_ROSTER_ROWS filled rows: the whole roster is refused.
 */
export function parseRosterRecords(
  records: readonly CsvRecord[],
  complete: boolean,
  options: RosterOptions,
): ParsedRoster {
  const [header, ...rest] = records.filter((record) => !isBlank(record));
  if (!header) return { ok: false, problem: "empty" };
  const at = locateColumns(header.cells, HEADERS);
  if (at.name === undefined || (at.email === undefined && at.phone === undefined))
    return { ok: false, problem: "missingColumns" };
  if (!complete || rest.length > MAX_ROSTER_ROWS) return { ok: false, problem: "tooManyRows" };
  if (rest.length === 0) return { ok: false, problem: "empty" };

  const seen = new Map<string, number>();
  const rows = rest.map((record) => {
    const cell = (i: number | undefined) => (i === undefined ? "" : (record.cells[i] ?? "").trim());
    const problems: RosterRowProblem[] = [];
    const fullName = cell(at.name).replace(/\s+/g, " ");
    if (!fullName) problems.push("missingName");
    else if (fullName.length > NAME_MAX) problems.push("nameTooLong");

    const rawCountry = cell(at.country);
    let country: Country | null = null;
    if (rawCountry) {
      const resolved = resolveCountry(rawCountry);
      if (resolved) country = resolved;
      else problems.push("unknownCountry");
    }
    const rawRegion = cell(at.region);
    let region: string | null = null;
    if (rawRegion && !problems.includes("unknownCountry")) {
      if (!country) problems.push("regionWithoutCountry");
      else if (regionsOf(country).length === 0) problems.push("regionNotOfCountry");
      else {
        region = resolveRegion(country, rawRegion);
        if (!region) problems.push("regionNotOfCountry");
      }
    }

    const rawEmail = cell(at.email);
    const rawPhone = cell(at.phone);
    const email = rawEmail ? normalizeEmail(rawEmail) : null;
    const phone = rawPhone ? normalizePhone(rawPhone, phoneCountry(country)) : null;
    if (rawEmail && !email) problems.push("badEmail");
    if (rawPhone && !phone) problems.push("badPhone");

    const rawConsent = fold(cell(at.consent));
    let consent = options.consentForAll;
    if (rawConsent) {
      if (YES.has(rawConsent)) consent = true;
      else if (NO.has(rawConsent)) consent = false;
      else problems.push("badConsent");
    }
    if (!rawEmail && !rawPhone && !consent && !problems.includes("badConsent")) problems.push("noContactNoConsent");

    const rawSex = fold(cell(at.sex));
    let sex: Sex = "not_stated";
    if (rawSex) {
      const known = SEX_WORDS[rawSex];
      if (known) sex = known;
      else problems.push("badSex");
    }

    const rawYear = cell(at.birthYear);
    let birthYear: number | null = null;
    if (rawYear) {
      const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
      if (year >= EARLIEST_BIRTH_YEAR && year <= options.currentYear) birthYear = year;
      else problems.push("badBirthYear");
    }

    const cooperative = cell(at.cooperative).replace(/\s+/g, " ") || null;
    if (cooperative && cooperative.length > COOPERATIVE_MAX) problems.push("cooperativeTooLong");

    const row: RosterRow = {
      line: record.line,
      fullName,
      email,
      phone,
      rawEmail,
      rawPhone,
      rawCountry,
      rawRegion,
      sex,
      birthYear,
      country,
      region,
      cooperative,
      consent,
      problems,
    };
    for (const who of [email, phone]) {
      if (!who) continue;
      const first = seen.get(who);
      if (first !== undefined) {
        if (!problems.includes("duplicateRow")) problems.push("duplicateRow");
        row.duplicateOf = first;
      } else seen.set(who, row.line);
    }
    return row;
  });
  return { ok: true, rows };
}

/**
 * The records of a roster exported as CSV (comma, semicolon or tab), through the one CSV reader;
 * reading stops after MAX_ROSTER_ROWS + 1 filled records, so a file far over the limit costs no more.
 */
export async function readRosterCsv(
  text: string,
): Promise<{ ok: true; records: CsvRecord[]; complete: boolean } | { ok: false; problem: RosterFileProblem }> {
  const body = text.replace(/^\uFEFF/, "");
  if (!/\S/.test(body)) return { ok: false, problem: "empty" };
  const read = await readRecords(body, guessDelimiter(firstLines(body, 1)[0] ?? ""), {
    maxRecords: MAX_ROSTER_ROWS + 1,
  });
  if (read.unreadableLines.length > 0) return { ok: false, problem: "unreadable" };
  return { ok: true, records: read.records, complete: read.complete };
}

export async function parseRosterCsv(text: string, options: RosterOptions): Promise<ParsedRoster> {
  const read = await readRosterCsv(text);
  return read.ok ? parseRosterRecords(read.records, read.complete, options) : read;
}
