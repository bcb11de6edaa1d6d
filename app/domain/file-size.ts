import type { Locale } from "../../db/schema";
import { numberFormat } from "../utils/intl";

/** "12 MB", "340 kB": what a member needs to decide whether to download on a mobile plan. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [unit, value] =
    bytes >= 1_000_000
      ? (["megabyte", bytes / 1_000_000] as const)
      : (["kilobyte", Math.max(1, bytes / 1000)] as const);
  return numberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
