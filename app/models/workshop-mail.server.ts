import { uidDomain, workshopCalendar, type CalendarMethod, type CalendarSession } from "../domain/calendar";
import { describeSession } from "../domain/workshop-display";
import type { MessageKey } from "../i18n/keys";
import { messages } from "../i18n/messages.server";
import { createTranslator, type MessageTree } from "../i18n/translate";
import { mailFromPerson } from "../mail/from.server";
import { enqueueEmail } from "./email-outbox.server";
import type { DB } from "../utils/db.server";

export type WorkshopMailKind = "confirmation" | "promotion" | "reminder";

/** Where links in e-mails and calendar files point (the public address of this site). */
export function appUrl(): string {
  const port = process.env.PORT && process.env.PORT !== "0" ? process.env.PORT : "3000";
  return (process.env.APP_URL || `http://localhost:${port}`).replace(/\/+$/, "");
}

/**
 * The .ics for one workshop; the join link only for people who are registered. Links point to
 * `base` (APP_URL); the UIDs never depend on it or on the request, only on APP_URL.
 */
export function calendarFor(
  workshop: {
    id: number;
    title: string;
    description: string;
    place: string | null;
    join_url: string | null;
    status: "draft" | "published" | "cancelled";
  },
  sessions: ReadonlyArray<CalendarSession>,
  includeJoinUrl: boolean,
  invitation: {
    method: Exclude<CalendarMethod, "PUBLISH">;
    attendee: { name?: string; email: string } | null;
  } | null = null,
  base = appUrl(),
): string {
  return workshopCalendar({ ...workshop, joinUrl: includeJoinUrl ? workshop.join_url : null }, sessions, {
    pageUrl: `${base}/workshops/${workshop.id}`,
    domain: uidDomain(process.env.APP_URL),
    ...(invitation ? { method: invitation.method, organizer: mailFromPerson(), attendee: invitation.attendee } : {}),
  });
}

/**
 * Queues a workshop e-mail in the person's own language, inside the caller's
 * transaction. People without an e-mail address (many walk-ins) get none.
 */
export async function enqueueWorkshopMail(
  db: DB,
  kind: WorkshopMailKind,
  input: { workshopId: number; personId: number; dedupeKey: string; sessionId?: number; now?: Date },
): Promise<boolean> {
  const person = await db
    .selectFrom("person")
    .select(["full_name", "email", "preferred_language"])
    .where("id", "=", input.personId)
    .executeTakeFirst();
  if (!person?.email) return false;
  const workshop = await db
    .selectFrom("workshop")
    .selectAll()
    .where("id", "=", input.workshopId)
    .executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom("workshop_session")
    .selectAll()
    .where("workshop_id", "=", input.workshopId)
    .orderBy("starts_at")
    .execute();
  const locale = person.preferred_language;
  const t = createTranslator(locale, messages[locale] as unknown as MessageTree) as (
    key: MessageKey,
    vars?: Record<string, string | number>,
  ) => string;
  const when = (s: { starts_at: string; ends_at: string }) => describeSession(t, locale, s, workshop.timezone);
  const firstName = person.full_name.split(" ")[0];
  const title = workshop.title;

  const lines = [t("workshops.mail.greeting", { name: firstName }), ""];
  let subject: string;
  if (kind === "reminder") {
    const session = sessions.find((s) => s.id === input.sessionId) ?? sessions[0];
    subject = t("workshops.mail.reminderSubject", { title, when: when(session) });
    lines.push(t("workshops.mail.reminderIntro", { title, when: when(session) }));
  } else {
    subject = t(kind === "confirmation" ? "workshops.mail.confirmationSubject" : "workshops.mail.promotionSubject", {
      title,
    });
    lines.push(
      t(kind === "confirmation" ? "workshops.mail.confirmationIntro" : "workshops.mail.promotionIntro", { title }),
    );
    lines.push("", t("workshops.mail.sessions"), ...sessions.map((s) => `- ${when(s)}`));
  }
  lines.push("");
  if (workshop.place) lines.push(t("workshops.mail.place", { place: workshop.place }));
  if (workshop.join_url) lines.push(t("workshops.mail.joinLink", { url: workshop.join_url }));
  lines.push(t("workshops.mail.details", { url: `${appUrl()}/workshops/${workshop.id}` }));
  const ics =
    kind === "reminder"
      ? null
      : calendarFor(workshop, sessions, true, {
          method: "REQUEST",
          attendee: { name: person.full_name, email: person.email },
        });
  if (ics) lines.push("", t("workshops.mail.calendarAttached"));
  lines.push("", t("workshops.mail.cancelHint"), "", t("workshops.mail.signature"));

  return enqueueEmail(
    db,
    {
      to: person.email,
      subject,
      text: lines.join("\n"),
      ics,
      kind,
      dedupeKey: input.dedupeKey,
      workshopId: workshop.id,
      personId: input.personId,
    },
    input.now,
  );
}
