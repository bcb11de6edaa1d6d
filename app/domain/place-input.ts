import { COUNTRIES, type Country } from "./countries";
import { REGIONS, resolveRegion, type ProgrammeCountry } from "./regions";

/**
 * Country and region as a file gives them (imports): a country by code or by its name in Spanish
 * or English, a region by code or name (resolveRegion), "No sabe" or an empty cell as not known.
 * A region without a country names its country when only one programme country has it.
 */
export type PlaceProblem = "unknownCountry" | "regionNotOfCountry" | "regionWithoutCountry";

export type PlaceReading =
  | { ok: true; country: Country | null; region: string | null }
  | { ok: false; problem: PlaceProblem; country: Country | null };

const COUNTRY_NAMES: Record<Country, readonly string[]> = {
  PE: ["Perú", "Peru"],
  GT: ["Guatemala"],
  SV: ["El Salvador", "Salvador"],
  DO: ["República Dominicana", "Dominican Republic", "Rep. Dominicana", "RD"],
  HN: ["Honduras"],
  OTHER: ["Otro país", "Otro", "Another country", "Other country", "Other", "Extranjero"],
};

const UNKNOWN = ["no sabe", "ns", "no se sabe", "desconocido", "does not know", "unknown", "-"];

function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}-]+/gu, " ")
    .trim();
}

const isUnknown = (value: string) => !fold(value) || UNKNOWN.includes(fold(value));

/** The country code meant by a cell; null when the cell says nothing, undefined when it names no country of the list. */
export function resolveCountry(input: string): Country | null | undefined {
  if (isUnknown(input)) return null;
  const wanted = fold(input);
  return COUNTRIES.find((code) => fold(code) === wanted || COUNTRY_NAMES[code].some((name) => fold(name) === wanted));
}

export function readPlace(rawCountry: string, rawRegion: string): PlaceReading {
  const country = resolveCountry(rawCountry);
  if (country === undefined) return { ok: false, problem: "unknownCountry", country: null };
  if (isUnknown(rawRegion)) return { ok: true, country, region: null };
  if (country === null) {
    const found = (Object.keys(REGIONS) as ProgrammeCountry[]).flatMap((code) => {
      const region = resolveRegion(code, rawRegion);
      return region ? [{ country: code, region }] : [];
    });
    return found.length === 1
      ? { ok: true, ...found[0] }
      : { ok: false, problem: "regionWithoutCountry", country: null };
  }
  const region = resolveRegion(country, rawRegion);
  return region ? { ok: true, country, region } : { ok: false, problem: "regionNotOfCountry", country };
}
