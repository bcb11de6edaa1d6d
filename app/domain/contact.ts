import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

export const DEFAULT_PHONE_COUNTRY: CountryCode = "PE";

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

/** Trimmed and lower-cased, or null when it is not a plausible address. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** E.164 (e.g. +51987654321), reading numbers without a country code as Peruvian by default. */
export function normalizePhone(input: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const trimmed = input.trim();
  if (!/^[+\d][\d\s().-]{5,24}$/.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed.startsWith("00") ? `+${trimmed.slice(2)}` : trimmed, defaultCountry);
  return phone?.isValid() ? phone.number : null;
}

export type LoginIdentifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** A login is an e-mail when it has an @, otherwise a phone number. */
export function parseIdentifier(input: string, defaultCountry?: CountryCode): LoginIdentifier | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(input, defaultCountry);
  return phone ? { kind: "phone", value: phone } : null;
}

/**
 * Enough of a contact to tell two namesakes apart when reading a list aloud, never the whole
 * of it: the last three digits of a phone; an e-mail's domain with the start and the end of its
 * name ("ju…1@coop.pe", so juana1@ and juana2@ read differently). At most half of a short name
 * shows. `extra` reveals one more character or digit (see `distinctContactHints`).
 * Built on the server, so the full contact never reaches the browser.
 */
export function contactHint(contact: string | null | undefined, extra = 0): string | null {
  if (!contact) return null;
  const at = contact.lastIndexOf("@");
  if (at < 0) return `…${contact.replace(/\D/g, "").slice(-(3 + extra))}`;
  const local = contact.slice(0, at);
  const start = local.length >= 6 ? 2 : local.length >= 2 ? 1 : 0;
  const end = local.length >= 6 ? 1 + extra : local.length >= 4 ? 1 : 0;
  return `${local.slice(0, start)}…${end ? local.slice(-end) : ""}@${contact.slice(at + 1)}`;
}

/**
 * Hints for the contacts of one chooser: where two different contacts would read the same, each
 * of them shows one more character (e-mail) or digit (phone), so no two candidates look alike.
 */
export function distinctContactHints(contacts: readonly (string | null | undefined)[]): (string | null)[] {
  const short = contacts.map((c) => contactHint(c));
  return contacts.map((contact, i) =>
    contacts.some((other, j) => j !== i && other && other !== contact && short[j] === short[i])
      ? contactHint(contact, 1)
      : short[i],
  );
}
