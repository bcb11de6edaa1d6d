import type { CalendarSession } from "../domain/calendar";
import { allSessionsOver, changeNoticeFor, removalNoticeFor } from "../domain/workshop-notices";
import type { DB } from "../utils/db.server";
import { enqueueWorkshopMail } from "./workshop-mail.server";

/**
 * After staff changed a workshop's time, place or link, or cancelled it (inside that write
 * transaction): the updated invitation or its cancellation for every registered person, a short
 * note for the waitlisted. `changeKey` names this one change (a revised session and its new
 * SEQUENCE), so each person gets at most one e-mail per change, however often it is queued.
 */
export async function queueChangeNotices(
  tx: DB,
  input: { workshopId: number; changeKey: string; skipPersonIds?: readonly number[]; now: Date },
): Promise<number> {
  const workshop = await tx
    .selectFrom("workshop")
    .select("status")
    .where("id", "=", input.workshopId)
    .executeTakeFirstOrThrow();
  let queued = 0;
  for (const registration of await registrationsToTell(tx, input.workshopId, input.skipPersonIds)) {
    const notice = changeNoticeFor(registration.status, workshop.status);
    if (!notice) continue;
    const added = await enqueueWorkshopMail(tx, notice, {
      workshopId: input.workshopId,
      personId: registration.person_id,
      dedupeKey: `${input.changeKey}:${registration.person_id}`,
      now: input.now,
    });
    if (added) queued++;
  }
  return queued;
}

/**
 * After staff removed sessions (inside that write transaction, the rows already deleted): the
 * cancellation of those sessions' events for every registered person, the short note for the
 * waitlisted unless this save already sends them one (docs/decisions/038). A session is removed
 * once and its id never comes back, so its id names the change in the dedupe key.
 */
export async function queueRemovalNotices(
  tx: DB,
  input: {
    workshopId: number;
    removed: readonly CalendarSession[];
    workshopWasCancelled: boolean;
    waitlistToldOtherwise: boolean;
    skipPersonIds?: readonly number[];
    now: Date;
  },
): Promise<number> {
  // Nothing about sessions that are over: they are past in everyone's calendar anyway.
  const removed = input.removed.filter((session) => !allSessionsOver([session], input.now));
  if (removed.length === 0) return 0;
  let queued = 0;
  for (const registration of await registrationsToTell(tx, input.workshopId, input.skipPersonIds)) {
    const notice = removalNoticeFor(registration.status, input);
    if (!notice) continue;
    const added = await enqueueWorkshopMail(tx, notice, {
      workshopId: input.workshopId,
      personId: registration.person_id,
      dedupeKey: `session-removed:${removed[0].id}:${registration.person_id}`,
      removedSessions: removed,
      now: input.now,
    });
    if (added) queued++;
  }
  return queued;
}

async function registrationsToTell(tx: DB, workshopId: number, skipPersonIds: readonly number[] = []) {
  const registrations = await tx
    .selectFrom("registration")
    .select(["person_id", "status"])
    .where("workshop_id", "=", workshopId)
    .where("status", "in", ["registered", "waitlisted"])
    .orderBy("id")
    .execute();
  return registrations.filter((registration) => !skipPersonIds.includes(registration.person_id));
}
