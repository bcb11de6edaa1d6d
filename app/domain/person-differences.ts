import type { Sex } from "../../db/schema";

/**
 * What staff typed about a person who turned out to be known, against the record: the facts the
 * reports count (sex, birth year, cooperative, country, region). Staff see each difference and
 * keep the record or take the typed value (docs/decisions/013); nothing is overwritten silently.
 */
export interface PersonFactsOnRecord {
  sex: Sex;
  birthYear: number | null;
  cooperative: string | null;
  country: string | null;
  region: string | null;
}

export const DIFFERENCE_FIELDS = ["sex", "birthYear", "cooperative", "country", "region"] as const;
export type DifferenceField = (typeof DIFFERENCE_FIELDS)[number];

export interface Difference {
  field: DifferenceField;
  /** null: the record does not say (for sex: "not_stated"). */
  stored: string | number | null;
  typed: string | number;
}

type Typed = { [F in DifferenceField]?: PersonFactsOnRecord[F] | undefined };

/** Empty, "not stated" and case or spacing of a cooperative's name are not differences. */
function comparable(field: DifferenceField, value: string | number | null | undefined): string | number | null {
  if (value === undefined || value === null || value === "") return null;
  if (field === "sex" && value === "not_stated") return null;
  if (field === "cooperative") return String(value).replace(/\s+/g, " ").trim().toLocaleLowerCase("es") || null;
  return value;
}

/** The typed facts that differ from the record, in form order; what was not typed is never a difference. */
export function personDifferences(stored: PersonFactsOnRecord, typed: Typed): Difference[] {
  const differences: Difference[] = [];
  for (const field of DIFFERENCE_FIELDS) {
    const now = comparable(field, typed[field]);
    if (now === null || now === comparable(field, stored[field])) continue;
    const before = comparable(field, stored[field]) === null ? null : stored[field];
    differences.push({ field, stored: before, typed: typed[field] as string | number });
  }
  return differences;
}

/** The record's new values: the typed value of each difference staff chose to update. */
export function updatesChosen(differences: readonly Difference[], update: ReadonlySet<DifferenceField>): Typed {
  return Object.fromEntries(differences.filter((d) => update.has(d.field)).map((d) => [d.field, d.typed])) as Typed;
}
