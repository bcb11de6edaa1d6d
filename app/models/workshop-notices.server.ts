import { changeNoticeFor } from "../domain/workshop-notices";
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
  const registrations = await tx
    .selectFrom("registration")
    .select(["person_id", "status"])
    .where("workshop_id", "=", input.workshopId)
    .where("status", "in", ["registered", "waitlisted"])
    .orderBy("id")
    .execute();
  let queued = 0;
  for (const registration of registrations) {
    if (input.skipPersonIds?.includes(registration.person_id)) continue;
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
