import type { Locale } from "../../db/schema";
import { dateFormat } from "./intl";

export const DEFAULT_TIME_ZONE = "America/Lima";

/** "jueves, 12 de marzo de 2026" */
export function formatDate(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).format(
    new Date(iso),
  );
}

/** "10:00" */
export function formatTime(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso));
}

/** "12 mar 2026": for tables. */
export function formatShortDate(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone }).format(new Date(iso));
}

/** "12 de marzo de 2026" (e.g. on a certificate). */
export function formatLongDate(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }).format(new Date(iso));
}

/** A date with its time: "12 mar 2026, 10:00" (medium), "12 de marzo de 2026, 10:00" (long), with the weekday (full). */
export function formatDateTime(
  iso: string,
  locale: Locale,
  style: "medium" | "long" | "full" = "medium",
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return dateFormat(locale, { dateStyle: style, timeStyle: "short", timeZone }).format(new Date(iso));
}

/** "12 mar 2026" with the locale's medium date style: for staff tables. */
export function formatMediumDate(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: what day it was there. */
export function localDate(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(new Date(iso));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a wall-clock time in a time zone, e.g. ("2026-03-12", "10:00", "America/Lima")
 * → "2026-03-12T15:00:00.000Z". Correct across daylight-saving changes.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): string {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wallAsUtc;
  // Two passes settle the offset, including on the day the offset changes.
  for (let i = 0; i < 2; i++) guess = wallAsUtc - offsetMs(guess, timeZone);
  return new Date(guess).toISOString();
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = dateFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
