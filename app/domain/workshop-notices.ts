/**
 * Which e-mail a workshop's change means for each person (issue #17, docs/decisions/028).
 * Pure rules; the model queues what they decide.
 */

/** A workshop all of whose sessions have ended (or that has none): nobody needs mail to join it. */
export function allSessionsOver(sessions: ReadonlyArray<{ ends_at: string }>, now: Date): boolean {
  const at = now.toISOString();
  return sessions.every((session) => session.ends_at <= at);
}

export type ChangeNotice = "change" | "cancelled" | "waitlist_change" | "waitlist_cancelled";

/**
 * What a person hears when staff change a workshop's time, place, link or status: the registered an
 * updated invitation (or its cancellation), the waitlisted a short note, the cancelled nothing.
 */
export function changeNoticeFor(
  registrationStatus: string,
  workshopStatus: "draft" | "published" | "cancelled",
): ChangeNotice | null {
  const cancelled = workshopStatus === "cancelled";
  if (registrationStatus === "registered") return cancelled ? "cancelled" : "change";
  if (registrationStatus === "waitlisted") return cancelled ? "waitlist_cancelled" : "waitlist_change";
  return null;
}

/**
 * What a person hears when staff remove a session (docs/decisions/038). The registered get the
 * cancellation of that session's event: their invitation has one event per session, and an
 * updated invitation without it would leave it in their calendar. The waitlisted get the short
 * note, unless the same save already sends them one. Nobody hears anything if the workshop was
 * already cancelled before the save: every event was withdrawn then.
 */
export function removalNoticeFor(
  registrationStatus: string,
  context: { workshopWasCancelled: boolean; waitlistToldOtherwise: boolean },
): "session_removed" | "waitlist_change" | null {
  if (context.workshopWasCancelled) return null;
  if (registrationStatus === "registered") return "session_removed";
  if (registrationStatus === "waitlisted" && !context.waitlistToldOtherwise) return "waitlist_change";
  return null;
}
