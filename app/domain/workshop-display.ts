import type { Locale } from "../../db/schema";
import { formatDate, formatTime } from "../utils/dates";

type Translate = (
  key: "workshops.sessionWhen" | "workshops.startsWhen" | "workshops.timeZone",
  vars?: Record<string, string | number>,
) => string;

/** "Lima" for America/Lima, "Santo Domingo" for America/Santo_Domingo. */
export function zoneLabel(timeZone: string): string {
  return (timeZone.split("/").at(-1) ?? timeZone).replace(/_/g, " ");
}

/** "hora de Lima": the one way every page names a workshop's time zone. */
export function timeZoneName(
  t: (key: "workshops.timeZone", vars: { zone: string }) => string,
  timeZone: string,
): string {
  return t("workshops.timeZone", { zone: zoneLabel(timeZone) });
}

/** "jueves, 12 de marzo de 2026, de 10:00 a 12:00 (hora de Lima)". */
export function describeSession(
  t: Translate,
  locale: Locale,
  session: { starts_at: string; ends_at: string },
  timeZone: string,
): string {
  const when = t("workshops.sessionWhen", {
    date: formatDate(session.starts_at, locale, timeZone),
    start: formatTime(session.starts_at, locale, timeZone),
    end: formatTime(session.ends_at, locale, timeZone),
  });
  return `${when} (${timeZoneName(t, timeZone)})`;
}

/** "jueves, 12 de marzo de 2026, 10:00 (hora de Lima)". */
export function describeStart(t: Translate, locale: Locale, startsAt: string, timeZone: string): string {
  const when = t("workshops.startsWhen", {
    date: formatDate(startsAt, locale, timeZone),
    time: formatTime(startsAt, locale, timeZone),
  });
  return `${when} (${timeZoneName(t, timeZone)})`;
}
