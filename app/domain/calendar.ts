import { createEvents, type EventAttributes } from "ics";

export interface CalendarWorkshop {
  id: number;
  title: string;
  description: string;
  place: string | null;
  /** Only for people who are registered: the link is not public. */
  joinUrl: string | null;
  status: "draft" | "published" | "cancelled";
}

export interface CalendarSession {
  id: number;
  starts_at: string;
  ends_at: string;
  /** RFC 5545 SEQUENCE: raised on every change of time, place, link or status. */
  calendar_sequence?: number;
  /** When that change was made: LAST-MODIFIED (omitted when unknown). */
  calendar_changed_at?: string | null;
}

/**
 * PUBLISH for a file anyone downloads; REQUEST for the invitation e-mailed to a registered
 * person (iTIP, RFC 5546: needs ORGANIZER and the ATTENDEE); CANCEL withdraws the same events.
 */
export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface CalendarOptions {
  pageUrl: string;
  /** The domain after "@" in every UID: from APP_URL, never from a request, see {@link uidDomain}. */
  domain: string;
  method?: CalendarMethod;
  organizer?: { name?: string; email: string };
  attendee?: { name?: string; email: string } | null;
  /** How many cancellations the attendee was sent for this workshop before this file, see {@link eventSequence}. */
  cancellationsSent?: number;
}

/**
 * A session's SEQUENCE in a file sent to one person. A calendar program applies a file only when
 * it outranks the copy it holds (RFC 5546 §2.1.4): a CANCEL goes one above the invitation, and
 * every cancellation the person was sent lifts their later files by two, so the invitation of
 * someone who registers again outranks the cancellation they hold although the session itself
 * did not change (docs/decisions/038). Staff changes raise `sessionSequence` for everyone.
 */
export function eventSequence(sessionSequence: number, cancellationsSent: number, method: CalendarMethod): number {
  return sessionSequence + 2 * cancellationsSent + (method === "CANCEL" ? 1 : 0);
}

/**
 * The UID domain: the host name of the configured public address, or a fixed reserved name.
 * Never the request's Host header: a download over 127.0.0.1 and an e-mail built with
 * "localhost" gave the same session two UIDs, and calendars showed every session twice.
 */
export function uidDomain(appUrl: string | undefined): string {
  try {
    if (appUrl) return new URL(appUrl).hostname || FALLBACK_DOMAIN;
  } catch {
    // An unparsable APP_URL: the fixed name still keeps every UID the same.
  }
  return FALLBACK_DOMAIN;
}
const FALLBACK_DOMAIN = "minka.invalid";

/** A session's UID: the same in every file about it, whatever the method. */
export function sessionUid(workshopId: number, sessionId: number, domain: string): string {
  return `workshop-${workshopId}-session-${sessionId}@${domain}`;
}

/**
 * An iCalendar file with one event per session. Times are written as UTC
 * instants (…Z), which every calendar converts to its reader's zone correctly;
 * stable UIDs let a second download update the same events instead of doubling them,
 * and a higher SEQUENCE tells the calendar that this copy replaces the older one.
 */
export function workshopCalendar(
  workshop: CalendarWorkshop,
  sessions: ReadonlyArray<CalendarSession>,
  options: CalendarOptions,
): string {
  const method = options.method ?? "PUBLISH";
  if (method !== "PUBLISH" && !options.organizer) throw new Error(`METHOD:${method} needs an organizer`);
  const cancelled = method === "CANCEL" || workshop.status === "cancelled";
  const location = [workshop.place, workshop.joinUrl].filter(Boolean).join(" · ");
  const description = [workshop.description, workshop.joinUrl, options.pageUrl].filter(Boolean).join("\n\n");
  const events: EventAttributes[] = sessions.map((session, i) => ({
    uid: sessionUid(workshop.id, session.id, options.domain),
    sequence: eventSequence(session.calendar_sequence ?? 0, options.cancellationsSent ?? 0, method),
    ...(session.calendar_changed_at ? { lastModified: Date.parse(session.calendar_changed_at) } : {}),
    title: sessions.length > 1 ? `${workshop.title} (${i + 1}/${sessions.length})` : workshop.title,
    description,
    ...(location ? { location } : {}),
    url: options.pageUrl,
    start: Date.parse(session.starts_at),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(session.ends_at),
    endInputType: "utc",
    endOutputType: "utc",
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    productId: "minka/workshops",
    calName: workshop.title,
    ...(method !== "PUBLISH" && options.organizer ? { organizer: options.organizer } : {}),
    ...(method !== "PUBLISH" && options.attendee
      ? {
          attendees: [
            {
              ...options.attendee,
              role: "REQ-PARTICIPANT",
              partstat: method === "CANCEL" ? "DECLINED" : "ACCEPTED",
              rsvp: false,
            },
          ],
        }
      : {}),
  }));
  const { error, value } = createEvents(events, {
    productId: "minka/workshops",
    method,
    calName: workshop.title,
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar");
  return refold(value);
}

/**
 * The library folds lines at 75 characters; RFC 5545 says 75 octets, which
 * matters for accented titles. Unfold, then fold again on character boundaries.
 */
function refold(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = "";
      let bytes = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char, "utf8");
        // Continuation lines start with a space, which counts towards their 75 octets.
        if (bytes + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(current);
          current = "";
          bytes = 0;
        }
        current += char;
        bytes += size;
      }
      parts.push(current);
      return parts.join("\r\n ");
    })
    .join("\r\n");
}
