import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { promoteFromWaitlist, queueWithdrawal } from "./registration.server";

/** The registration a staff member is about to cancel, only when it belongs to this workshop. */
export async function findRegistrationToCancel(db: DB, workshopId: number, registrationId: number) {
  return db
    .selectFrom("registration")
    .innerJoin("person", "person.id", "registration.person_id")
    .select([
      "registration.id",
      "registration.status",
      "registration.person_id as personId",
      "person.full_name as fullName",
    ])
    .where("registration.id", "=", registrationId)
    .where("registration.workshop_id", "=", workshopId)
    .executeTakeFirst();
}

export type StaffCancelOutcome =
  | { ok: true; fullName: string; promoted: string[]; mailQueued: boolean }
  | { ok: false; reason: "notFound" | "notActive" };

/**
 * Staff undo a registration (or a place on the waitlist) with a reason, in one write transaction:
 * status cancelled, a freed seat goes to the first person waiting (the same promotion as a
 * member's own cancellation, with its e-mail), and an audit entry `registration.cancel.staff`
 * keeps who, why and who was promoted. A registered person is sent the cancellation of their invitation. The reach report counts registered people only, so the
 * cancelled one stops counting there too.
 */
export function cancelRegistrationByStaff(
  db: DB,
  input: { workshopId: number; registrationId: number; reason: string; actorAccountId: number; now?: Date },
): Promise<StaffCancelOutcome> {
  return writeTransaction(db, async (tx) => {
    const registration = await findRegistrationToCancel(tx, input.workshopId, input.registrationId);
    if (!registration) return { ok: false, reason: "notFound" } as const;
    if (registration.status === "cancelled") return { ok: false, reason: "notActive" } as const;
    const now = (input.now ?? new Date()).toISOString();
    await tx
      .updateTable("registration")
      .set({ status: "cancelled", cancelled_at: now, updated_at: now })
      .where("id", "=", registration.id)
      .execute();
    const promotedPersonIds =
      registration.status === "registered" ? await promoteFromWaitlist(tx, input.workshopId, now) : [];
    const withdrawn = await queueWithdrawal(
      tx,
      {
        id: registration.id,
        workshopId: input.workshopId,
        personId: registration.personId,
        wasStatus: registration.status,
      },
      now,
    );
    const promoted =
      promotedPersonIds.length === 0
        ? []
        : (
            await tx
              .selectFrom("person")
              .select("full_name")
              .where("id", "in", promotedPersonIds)
              .orderBy("id")
              .execute()
          ).map((p) => p.full_name);
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "registration.cancel.staff",
      subjectType: "registration",
      subjectId: registration.id,
      details: {
        workshopId: input.workshopId,
        personId: registration.personId,
        wasStatus: registration.status,
        reason: input.reason,
        promotedPersonIds,
      },
    });
    return {
      ok: true,
      fullName: registration.fullName,
      promoted,
      mailQueued: withdrawn || promotedPersonIds.length > 0,
    } as const;
  });
}
