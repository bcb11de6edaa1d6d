import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * Finding and blanking what identifies one person inside free text and JSON, for
 * erasure: matching is by containment, case-insensitive, so "Hola, Zenobia:" is
 * caught by the name part "Zenobia" and a phone by its digits.
 */

export interface Identity {
  names: Array<string | null | undefined>;
  emails: Array<string | null | undefined>;
  phones: Array<string | null | undefined>;
}

// Shorter fragments ("Ana", "Li") would blank unrelated words in the same record.
const MIN_NAME_PART = 4;

/**
 * Every lower-cased fragment whose presence marks a text as being about this person.
 * Name parts only with `nameParts`: for records already known to be about them (a
 * shared surname must not take other people out of a list).
 */
export function identifyingFragments(
  identity: Identity,
  options: { nameParts: boolean } = { nameParts: true },
): string[] {
  const fragments = new Set<string>();
  for (const name of identity.names) {
    const clean = (name ?? "").trim().toLowerCase();
    if (!clean) continue;
    fragments.add(clean);
    if (!options.nameParts) continue;
    for (const part of clean.split(/[\s,.()]+/)) if (part.length >= MIN_NAME_PART) fragments.add(part);
  }
  for (const email of identity.emails) {
    const clean = (email ?? "").trim().toLowerCase();
    if (clean) fragments.add(clean);
  }
  for (const phone of identity.phones) {
    const digits = (phone ?? "").replace(/\D/g, "");
    if (digits.length < 7) continue;
    // E.164 without its "+" (the "+" form contains it), and the number as dialled at home.
    fragments.add(digits);
    const national = parsePhoneNumberFromString(`+${digits}`)?.nationalNumber;
    if (national && national.length >= 7) fragments.add(national);
  }
  return [...fragments];
}

/** True when the text contains any fragment (digits also compared with spaces and dashes removed). */
export function mentions(text: string, fragments: readonly string[]): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  const digits = text.replace(/[\s\-().]/g, "");
  return fragments.some((f) => lower.includes(f) || (/^\d+$/.test(f) && digits.includes(f)));
}

/** A copy of a JSON value in which every string that mentions the person is blanked; keys and other values stay. */
export function redactJson(value: unknown, fragments: readonly string[]): unknown {
  if (typeof value === "string") return mentions(value, fragments) ? "" : value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, fragments));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactJson(item, fragments)]));
  }
  return value;
}
