/**
 * When a QR check-in counts (docs/decisions/032): from 30 minutes before a session starts, while
 * people arrive and settle, to its end. Sessions are stored as UTC instants (a session past
 * midnight already ends on the next day), so the rule compares instants and needs no time zone;
 * the zone only matters for showing the times.
 */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30;

export type CheckInWindow = "early" | "open" | "ended";

interface Session {
  starts_at: string;
  ends_at: string;
}

/** The instant the check-in opens, as ISO 8601 UTC. */
export function checkInOpensAt(session: Session): string {
  return new Date(Date.parse(session.starts_at) - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000).toISOString();
}

export function checkInWindow(session: Session, now: string | Date): CheckInWindow {
  const at = typeof now === "string" ? Date.parse(now) : now.getTime();
  if (at < Date.parse(checkInOpensAt(session))) return "early";
  if (at > Date.parse(session.ends_at)) return "ended";
  return "open";
}
