import { localDate } from "./dates";

/**
 * One name for every file Minka hands out: `minka-<kind>-<subject>-<YYYY-MM-DD>.<ext>`, the kind
 * in the reader's language ("inscripciones", "registrations"), the subject (a workshop, a course,
 * a period) as a slug. Plain ASCII, so every browser, e-mail client and file system keeps it as is.
 */
export const EXPORT_KINDS = [
  "registrations",
  "attendance",
  "checkInPoster",
  "signInSheet",
  "progress",
  "reach",
  "certificate",
  "workshop",
  "myData",
  "personData",
  "accessCards",
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

type Part = string | number | null | undefined;

export interface ExportName {
  /** What the file is about; parts are joined with "-", empty ones left out. */
  subject?: Part | Part[];
  /** The day the file speaks for (YYYY-MM-DD); by default today in the programme's time zone. */
  date?: string;
  ext: string;
}

/** Long titles are cut at a word, so a name stays readable in a download bar. */
const MAX_SUBJECT = 60;

/** "Gestión de Cooperativas: ¿Año 2?" → "gestion-de-cooperativas-ano-2": accents and case go, anything else becomes "-"; at most `max` characters. */
export function slugify(text: string, max = MAX_SUBJECT): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const atWord = cut.lastIndexOf("-");
  return (atWord > 0 ? cut.slice(0, atWord) : slug.slice(0, max)).replace(/-+$/, "");
}

export function exportFilename(
  t: (key: `downloads.kinds.${ExportKind}`) => string,
  kind: ExportKind,
  name: ExportName,
): string {
  const subject = (Array.isArray(name.subject) ? name.subject : [name.subject])
    .filter((part): part is string | number => part !== null && part !== undefined && part !== "")
    .map((part) => slugify(String(part)))
    .filter(Boolean)
    .join("-");
  const date = name.date ?? localDate(new Date().toISOString());
  const parts = ["minka", slugify(t(`downloads.kinds.${kind}`)), subject, date].filter(Boolean);
  return `${parts.join("-")}.${slugify(name.ext) || "bin"}`;
}

/** The header that makes the browser save the response under that name (only ASCII reaches it). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`;
}
