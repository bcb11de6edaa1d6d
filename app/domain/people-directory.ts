import { COUNTRIES } from "./countries";

export const DIRECTORY_PAGE_SIZE = 50;
export const MISSING_FACTS = ["country", "region", "birthYear", "sex"] as const;
export type MissingFact = (typeof MISSING_FACTS)[number];

/** What the people directory lists, read from its URL (a plain GET form: works without JavaScript). */
export interface DirectoryFilters {
  q: string;
  country: string | null;
  cooperative: string | null;
  missing: MissingFact | null;
  page: number;
}

/** Unknown values are dropped rather than refused: the list is a search, and an old link still opens it. */
export function readDirectoryFilters(search: URLSearchParams): DirectoryFilters {
  const country = search.get("country") ?? "";
  const missing = search.get("missing") ?? "";
  const page = Number(search.get("page"));
  return {
    q: (search.get("q") ?? "").trim().slice(0, 120),
    country: (COUNTRIES as readonly string[]).includes(country) ? country : null,
    cooperative: (search.get("cooperative") ?? "").trim().slice(0, 200) || null,
    missing: (MISSING_FACTS as readonly string[]).includes(missing) ? (missing as MissingFact) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The directory URL for these filters (only the ones set), e.g. for page links. */
export function directoryHref(filters: DirectoryFilters, page = filters.page): string {
  const search = new URLSearchParams();
  if (filters.q) search.set("q", filters.q);
  if (filters.country) search.set("country", filters.country);
  if (filters.cooperative) search.set("cooperative", filters.cooperative);
  if (filters.missing) search.set("missing", filters.missing);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `/staff/people?${query}` : "/staff/people";
}

/** How a typed search is matched: a contact when it looks like one, otherwise words of the name. */
export type DirectorySearch =
  | { kind: "none" }
  | { kind: "email"; text: string }
  | { kind: "phone"; digits: string }
  | { kind: "name"; words: string[] };

export function searchKind(q: string, nameWords: (text: string) => string[]): DirectorySearch {
  const text = q.trim();
  if (!text) return { kind: "none" };
  if (text.includes("@")) return { kind: "email", text: text.toLowerCase() };
  const digits = text.replace(/\D/g, "");
  if (/^[+\d\s().-]+$/.test(text) && digits.length >= 4) return { kind: "phone", digits };
  const words = nameWords(text);
  return words.length ? { kind: "name", words } : { kind: "none" };
}
