import type { Locale } from "../../db/schema";

/** "12 MB", "340 kB": what a member needs to decide whether to download on a mobile plan. */
// Building an Intl.NumberFormat costs far more than using one (it showed in the lesson page's profile).
const formats = new Map<string, Intl.NumberFormat>();

export function formatFileSize(bytes: number, locale: Locale): string {
  const [unit, value] = bytes >= 1_000_000 ? (["megabyte", bytes / 1_000_000] as const) : (["kilobyte", Math.max(1, bytes / 1000)] as const);
  const digits = value < 10 ? 1 : 0;
  const key = `${locale} ${unit} ${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}
