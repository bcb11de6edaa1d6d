import { COUNTRIES } from "./countries";

/**
 * The filters of a reach report, parsed from the URL (so a report can be shared and bookmarked).
 * Dates are local calendar dates (YYYY-MM-DD), inclusive at both ends.
 */
export type Period =
  | { kind: "fy"; year: number }
  | { kind: "year"; year: number }
  | { kind: "custom"; from: string; to: string }
  | { kind: "all" };

export interface ReachFilters {
  period: Period;
  /**
   * The country where the workshop was held (URL `workshopCountry`, or `country` in older links).
   * Courses have no country, so this filter leaves them out (docs/decisions/015).
   */
  country: string | null;
  /**
   * The country on the person's record (URL `personCountry`): only those people count, in workshops and courses.
   * Optional so that filters written before it existed mean "any".
   */
  personCountry?: string | null;
  workshopId: number | null;
  /** Account id of a facilitator. */
  facilitatorId: number | null;
  courseId: number | null;
  /** Also count course enrolments (not only completions) as reach. */
  countEnrolments: boolean;
}

export type FilterError =
  | "reports.errors.periodUnknown"
  | "reports.errors.dateInvalid"
  | "reports.errors.rangeInverted"
  | "reports.errors.rangeTooLong"
  | "reports.errors.countryUnknown"
  | "reports.errors.idInvalid";

/** Longer custom ranges are refused with a message: "life of project" is the honest way to ask for everything. */
export const MAX_RANGE_YEARS = 10;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** US federal fiscal year N runs from 1 October of N-1 to 30 September of N. */
export function fiscalYearRange(year: number): { from: string; to: string } {
  return { from: `${year - 1}-10-01`, to: `${year}-09-30` };
}

export function fiscalYearOf(date: string): number {
  const [year, month] = date.split("-").map(Number);
  return month >= 10 ? year + 1 : year;
}

export function periodRange(period: Period): { from: string | null; to: string | null } {
  switch (period.kind) {
    case "fy":
      return fiscalYearRange(period.year);
    case "year":
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case "custom":
      return { from: period.from, to: period.to };
    case "all":
      return { from: null, to: null };
  }
}

/** The value of the period select: "fy-2023", "year-2023", "custom", "all". */
export function periodValue(period: Period): string {
  return period.kind === "fy" || period.kind === "year" ? `${period.kind}-${period.year}` : period.kind;
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

export function parsePeriod(
  params: URLSearchParams,
  defaultPeriod: Period,
): { ok: true; period: Period } | { ok: false; error: FilterError } {
  const value = params.get("period") ?? "";
  if (value === "") return { ok: true, period: defaultPeriod };
  if (value === "all") return { ok: true, period: { kind: "all" } };
  const yearly = /^(fy|year)-(\d{4})$/.exec(value);
  if (yearly) {
    const year = Number(yearly[2]);
    if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, error: "reports.errors.periodUnknown" };
    return { ok: true, period: { kind: yearly[1] as "fy" | "year", year } };
  }
  if (value !== "custom") return { ok: false, error: "reports.errors.periodUnknown" };
  const from = (params.get("from") ?? "").trim();
  const to = (params.get("to") ?? "").trim();
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, error: "reports.errors.dateInvalid" };
  if (from > to) return { ok: false, error: "reports.errors.rangeInverted" };
  if (to >= addYears(from, MAX_RANGE_YEARS)) return { ok: false, error: "reports.errors.rangeTooLong" };
  return { ok: true, period: { kind: "custom", from, to } };
}

function parseId(value: string | null): number | null | "invalid" {
  if (value === null || value.trim() === "") return null;
  return /^[1-9]\d{0,9}$/.test(value.trim()) ? Number(value.trim()) : "invalid";
}

/**
 * Parses every filter; existence and permission checks (does this workshop exist, may this
 * facilitator see it) happen in the route against the database.
 */
export function parseReachFilters(
  params: URLSearchParams,
  defaultPeriod: Period,
): { ok: true; filters: ReachFilters } | { ok: false; errors: FilterError[]; filters: ReachFilters } {
  const errors: FilterError[] = [];
  const period = parsePeriod(params, defaultPeriod);
  if (!period.ok) errors.push(period.error);
  const readCountry = (value: string | null) => {
    const code = (value ?? "").trim().toUpperCase() || null;
    if (code === null || (COUNTRIES as readonly string[]).includes(code)) return code;
    if (!errors.includes("reports.errors.countryUnknown")) errors.push("reports.errors.countryUnknown");
    return null;
  };
  // `country` is what older bookmarks carry; it always meant the workshop's country.
  const country = readCountry(params.get("workshopCountry") ?? params.get("country"));
  const personCountry = readCountry(params.get("personCountry"));
  const ids = {
    workshopId: parseId(params.get("workshop")),
    facilitatorId: parseId(params.get("facilitator")),
    courseId: parseId(params.get("course")),
  };
  if (Object.values(ids).includes("invalid")) errors.push("reports.errors.idInvalid");
  const id = (value: number | null | "invalid") => (value === "invalid" ? null : value);
  const filters: ReachFilters = {
    period: period.ok ? period.period : defaultPeriod,
    country,
    personCountry,
    workshopId: id(ids.workshopId),
    facilitatorId: id(ids.facilitatorId),
    courseId: id(ids.courseId),
    countEnrolments: params.get("enrolments") === "1",
  };
  return errors.length ? { ok: false, errors, filters } : { ok: true, filters };
}

/** The URL query of a report, e.g. for export links that must carry the same filters. */
export function filtersToSearch(filters: ReachFilters): string {
  const params = new URLSearchParams({ period: periodValue(filters.period) });
  if (filters.period.kind === "custom") {
    params.set("from", filters.period.from);
    params.set("to", filters.period.to);
  }
  if (filters.country) params.set("workshopCountry", filters.country);
  if (filters.personCountry) params.set("personCountry", filters.personCountry);
  if (filters.workshopId) params.set("workshop", String(filters.workshopId));
  if (filters.facilitatorId) params.set("facilitator", String(filters.facilitatorId));
  if (filters.courseId) params.set("course", String(filters.courseId));
  if (filters.countEnrolments) params.set("enrolments", "1");
  return params.toString();
}

// ── Age at participation ─────────────────────────────────────────────────────
/** Age bands of the report; `min` inclusive. Age = year of participation − birth year. */
export const AGE_BANDS = [
  { key: "under_15", min: 0 },
  { key: "15_29", min: 15 },
  { key: "30_64", min: 30 },
  { key: "65_plus", min: 65 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]["key"] | "not_stated";
export const AGE_BAND_KEYS: AgeBand[] = [...AGE_BANDS.map((b) => b.key), "not_stated"];
/** An age outside 0–120 is a typing error, counted as not stated. */
export const MAX_PLAUSIBLE_AGE = 120;

/** The funders' pair (e.g. USAID EG.3-2): 15–29 and 30+, under 15 on its own row, and "disaggregates not available". */
export type FunderAgeBand = "15_29" | "30_plus" | "under_15" | "not_available";
export const FUNDER_AGE_KEYS: FunderAgeBand[] = ["15_29", "30_plus", "under_15", "not_available"];
export function funderAgeBand(band: AgeBand): FunderAgeBand {
  if (band === "30_64" || band === "65_plus") return "30_plus";
  if (band === "not_stated") return "not_available";
  return band;
}

/** The same rule as the SQL in reach.server.ts, for reading and for tests. */
export function ageBand(participationYear: number, birthYear: number | null): AgeBand {
  if (birthYear === null) return "not_stated";
  const age = participationYear - birthYear;
  if (age < 0 || age > MAX_PLAUSIBLE_AGE) return "not_stated";
  let band: AgeBand = "under_15";
  for (const b of AGE_BANDS) if (age >= b.min) band = b.key;
  return band;
}
