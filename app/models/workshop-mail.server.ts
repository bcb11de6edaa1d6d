import { uidDomain, workshopCalendar, type CalendarMethod, type CalendarSession } from "../domain/calendar";
import { describeSession } from "../domain/workshop-display";
import { allSessionsOver } from "../domain/workshop-notices";
import { composeEmail, type EmailContent } from "../mail/compose";
import { translatorFor } from "../i18n/translator.server";
import { mailFromPerson } from "../mail/from.server";
import { dedupeKeyUsed, enqueueEmail } from "./email-outbox.server";
import { newReminderOptOutUrl } from "./mail-preferences.server";
import type { DB } from "../utils/db.server";

/**
 * confirmation, promotion, reminder: the usual ones. change / cancelled: staff changed the time,
 * place or link, or cancelled the workshop (an updated invitation or its cancellation);
 * waitlist_change / waitlist_cancelled: the short note for people waiting; withdrawn: the person's
 * own registration was cancelled (the invitation withdrawn); session_removed: staff removed sessions
 * (their events withdrawn, the remaining ones listed).
 */
export type WorkshopMailKind =
  | "confirmation"
  | "promotion"
  | "reminder"
  | "change"
  | "cancelled"
  | "waitlist_change"
  | "waitlist_cancelled"
  | "withdrawn"
  | "session_removed";

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
    /** Cancellations this person was sent for the workshop before (decision 038). */
    cancellationsSent?: number;
  } | null = null,
  base = appUrl(),
): string {
  return workshopCalendar({ ...workshop, joinUrl: includeJoinUrl ? workshop.join_url : null }, sessions, {
    pageUrl: `${base}/workshops/${workshop.id}`,
    domain: uidDomain(process.env.APP_URL),
    ...(invitation
      ? {
          method: invitation.method,
          organizer: mailFromPerson(),
          attendee: invitation.attendee,
          cancellationsSent: invitation.cancellationsSent,
        }
      : {}),
  });
}

/** The calendar file each kind carries: an invitation, its withdrawal, or none. */
function calendarMethod(kind: WorkshopMailKind): "REQUEST" | "CANCEL" | null {
  if (kind === "confirmation" || kind === "promotion" || kind === "change") return "REQUEST";
  if (kind === "cancelled" || kind === "withdrawn" || kind === "session_removed") return "CANCEL";
  return null;
}

/**
 * Queues a workshop e-mail in the person's own language, inside the caller's
 * transaction. People without an e-mail address (many walk-ins) get none, and
 * nobody gets one about a workshop whose sessions are all over.
 */
export async function enqueueWorkshopMail(
  db: DB,
  kind: WorkshopMailKind,
  input: {
    workshopId: number;
    personId: number;
    dedupeKey: string;
    sessionId?: number;
    /** session_removed: the removed sessions, already deleted (their events are cancelled). */
    removedSessions?: ReadonlyArray<CalendarSession>;
    now?: Date;
  },
): Promise<boolean> {
  const person = await db
    .selectFrom("person")
    .select(["full_name", "email", "preferred_language"])
    .where("id", "=", input.personId)
    .executeTakeFirst();
  if (!person?.email || (await dedupeKeyUsed(db, input.dedupeKey))) return false;
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
  // A removed session is told about while it is still ahead, whatever the others are.
  const about = kind === "session_removed" ? (input.removedSessions ?? []) : sessions;
  if (allSessionsOver(about, input.now ?? new Date())) return false;
  const locale = person.preferred_language;
  const t = translatorFor(locale);
  const when = (s: { starts_at: string; ends_at: string }) => describeSession(t, locale, s, workshop.timezone);
  const title = workshop.title;
  const method = calendarMethod(kind);
  const registration = method
    ? await db
        .selectFrom("registration")
        .select("calendar_cancellations")
        .where("workshop_id", "=", workshop.id)
        .where("person_id", "=", input.personId)
        .executeTakeFirst()
    : undefined;
  const ics = method
    ? calendarFor(workshop, about, true, {
        method,
        attendee: { name: person.full_name, email: person.email },
        cancellationsSent: registration?.calendar_cancellations ?? 0,
      })
    : null;

  const body: EmailContent["body"][number][] = [];
  let subject: string;
  const sessionList = () => body.push(t("workshops.mail.sessions"), { list: sessions.map(when) });
  switch (kind) {
    case "reminder": {
      const session = sessions.find((s) => s.id === input.sessionId) ?? sessions[0];
      subject = t("workshops.mail.reminderSubject", { title, when: when(session) });
      body.push(t("workshops.mail.reminderIntro", { title, when: when(session) }));
      break;
    }
    case "confirmation":
    case "promotion":
      subject = t(kind === "confirmation" ? "workshops.mail.confirmationSubject" : "workshops.mail.promotionSubject", {
        title,
      });
      body.push(
        t(kind === "confirmation" ? "workshops.mail.confirmationIntro" : "workshops.mail.promotionIntro", { title }),
      );
      sessionList();
      break;
    case "change":
      subject = t("mail.change.subject", { title });
      body.push(t("mail.change.intro", { title }));
      sessionList();
      break;
    case "cancelled":
      subject = t("mail.cancelled.subject", { title });
      body.push(t("mail.cancelled.intro", { title }));
      break;
    case "session_removed": {
      subject = t("mail.sessionRemoved.subject", { title, count: about.length });
      body.push(t("mail.sessionRemoved.intro", { title, count: about.length }), { list: about.map(when) });
      body.push(t("mail.sessionRemoved.remaining"), { list: sessions.map(when) });
      break;
    }
    case "withdrawn":
      subject = t("mail.withdrawn.subject", { title });
      body.push(t("mail.withdrawn.intro", { title }));
      break;
    case "waitlist_change":
      subject = t("mail.waitlist.changeSubject", { title });
      body.push(t("mail.waitlist.changeIntro", { title }));
      sessionList();
      break;
    case "waitlist_cancelled":
      subject = t("mail.waitlist.cancelledSubject", { title });
      body.push(t("mail.waitlist.cancelledIntro", { title }));
      break;
  }
  // Where and how to join, for those who hold a seat on a workshop that still takes place.
  if (kind === "confirmation" || kind === "promotion" || kind === "change" || kind === "reminder") {
    const where = [
      ...(workshop.place ? [t("workshops.mail.place", { place: workshop.place })] : []),
      ...(workshop.join_url ? [t("workshops.mail.joinLink", { url: workshop.join_url })] : []),
    ];
    if (where.length) body.push({ lines: where });
  }
  const after: string[] = [];
  if (method === "REQUEST")
    after.push(t(kind === "change" ? "mail.change.calendar" : "workshops.mail.calendarAttached"));
  if (method === "CANCEL") {
    after.push(t(kind === "session_removed" ? "mail.sessionRemoved.calendar" : "mail.cancelled.calendar"));
  }
  const holdsSeat = ["confirmation", "promotion", "change", "reminder", "session_removed"].includes(kind);
  if (holdsSeat) {
    after.push(t("workshops.mail.cancelHint"));
  }
  const listUnsubscribe = kind === "reminder" ? await newReminderOptOutUrl(db, input.personId, input.now) : null;
  const { text, html } = composeEmail({
    lang: locale,
    title: subject,
    greeting: t("workshops.mail.greeting", { name: person.full_name.split(" ")[0] }),
    body,
    button: { label: t("mail.button.workshop"), url: `${appUrl()}/workshops/${workshop.id}` },
    after,
    signature: t("workshops.mail.signature"),
    ...(listUnsubscribe
      ? {
          footer: {
            text: t("mail.reminders.footer"),
            link: { label: t("mail.reminders.footerLink"), url: listUnsubscribe },
          },
        }
      : {}),
  });

  const queued = await enqueueEmail(
    db,
    {
      to: person.email,
      subject,
      text,
      html,
      ics,
      listUnsubscribe,
      kind,
      dedupeKey: input.dedupeKey,
      workshopId: workshop.id,
      personId: input.personId,
    },
    input.now,
  );
  // Every later file to this person must outrank this cancellation, even if nothing else changes.
  if (queued && method === "CANCEL") {
    await db
      .updateTable("registration")
      .set((eb) => ({ calendar_cancellations: eb("calendar_cancellations", "+", 1) }))
      .where("workshop_id", "=", workshop.id)
      .where("person_id", "=", input.personId)
      .execute();
  }
  return queued;
}
