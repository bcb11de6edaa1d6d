import type { Locale, Sex } from "../../db/schema";

/** The facts about a person that staff may correct on the person page. */
export interface PersonFacts {
  fullName: string;
  email: string | null;
  phone: string | null;
  sex: Sex;
  birthYear: number | null;
  country: string | null;
  region: string | null;
  cooperative: string | null;
  preferredLanguage: Locale;
}

export type PersonFactChanges = Partial<PersonFacts>;

/**
 * What an edit changes, field by field, as the audit log keeps it: only the fields whose value
 * differs, each with its old and new value. Fields absent from `after` are not being edited.
 */
export function changedFacts(
  before: PersonFacts,
  after: PersonFactChanges,
): { before: PersonFactChanges; after: PersonFactChanges } | null {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof PersonFacts>) {
    if (after[key] === undefined || after[key] === before[key]) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return Object.keys(now).length === 0 ? null : { before: was as PersonFactChanges, after: now as PersonFactChanges };
}
