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

/**
 * An iCalendar file with one event per session. Times are written as UTC
 * instants (…Z), which every calendar converts to its reader's zone correctly;
 * stable UIDs let a second download update the same events instead of doubling them.
 */
export function workshopCalendar(
  workshop: CalendarWorkshop,
  sessions: ReadonlyArray<{ id: number; starts_at: string; ends_at: string }>,
  options: { pageUrl: string; host: string },
): string {
  const location = [workshop.place, workshop.joinUrl].filter(Boolean).join(" · ");
  const description = [workshop.description, workshop.joinUrl, options.pageUrl].filter(Boolean).join("\n\n");
  const events: EventAttributes[] = sessions.map((session, i) => ({
    uid: `workshop-${workshop.id}-session-${session.id}@${options.host}`,
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
    status: workshop.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    productId: "minka/workshops",
    calName: workshop.title,
  }));
  const { error, value } = createEvents(events, {
    productId: "minka/workshops",
    method: "PUBLISH",
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
