import type { Locale, Modality } from "../../db/schema";
import type { T } from "../i18n/keys";
import { describeSession, describeStart } from "./workshop-display";

/**
 * What "Compartir por WhatsApp" sends: a short text in the page's language and the public address.
 * `base` is APP_URL (`appUrl()`), never the request's Host: a shared link must work for everyone.
 */
export function whatsappHref(message: string): string {
  return `https://wa.me/?text=${encodeURIComponent(message)}`;
}

interface SharedWorkshop {
  id: number;
  title: string;
  modality: Modality;
  place: string | null;
  timezone: string;
}
type Session = { starts_at: string; ends_at: string };

export function workshopUrl(base: string, workshopId: number): string {
  return `${base}/workshops/${workshopId}`;
}

/** "Taller «…» en Minka, jueves, 12 de marzo de 2026, 10:00 (hora de Lima). Vea los detalles e inscríbase aquí: URL" */
export function workshopShareMessage(
  t: T,
  locale: Locale,
  base: string,
  workshop: SharedWorkshop,
  sessions: readonly Session[],
  now: string,
): string {
  // The next session people could still come to; none left, no date.
  const next = sessions.find((s) => s.ends_at > now);
  const intro = next
    ? t("exports.share.workshopWhen", {
        title: workshop.title,
        when: describeStart(t, locale, next.starts_at, workshop.timezone),
      })
    : t("exports.share.workshop", { title: workshop.title });
  return `${intro} ${t("exports.share.details")} ${workshopUrl(base, workshop.id)}`;
}

export function certificateShareMessage(t: T, base: string, certificate: { code: string; courseTitle: string }) {
  return `${t("exports.share.certificate", { course: certificate.courseTitle })} ${base}/certificates/${certificate.code}`;
}

/**
 * The invitation staff paste into a cooperative's group: title, every session on the workshop's
 * clock, the place or "por Zoom", and where to register.
 */
export function workshopInvitation(
  t: T,
  locale: Locale,
  base: string,
  workshop: SharedWorkshop,
  sessions: readonly Session[],
): string {
  const i = "exports.share.invitation" as const;
  const when = sessions.map((s) => describeSession(t, locale, s, workshop.timezone));
  const lines = [t(`${i}.greeting`, { title: workshop.title })];
  if (when.length === 1) lines.push(t(`${i}.when`, { when: when[0] }));
  else if (when.length > 1) lines.push(t(`${i}.sessions`), ...when.map((w) => `• ${w}`));
  const place = workshop.place?.trim();
  if (workshop.modality === "online") lines.push(t(`${i}.online`));
  else if (workshop.modality === "hybrid") lines.push(place ? t(`${i}.hybrid`, { place }) : t(`${i}.online`));
  else if (place) lines.push(t(`${i}.place`, { place }));
  lines.push(t(`${i}.register`, { url: workshopUrl(base, workshop.id) }));
  return lines.join("\n");
}
