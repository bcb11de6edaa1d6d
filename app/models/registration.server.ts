import type { RegistrationMethod } from "../../db/schema";
import {
  byArrival,
  placeFor,
  registrationRefusal,
  toPromote,
  waitlistPosition,
  type RegistrationRefusal,
} from "../domain/waitlist";
import { toNumber, writeTransaction, type DB, type WriteOptions } from "../utils/db.server";
import { enqueueWorkshopMail } from "./workshop-mail.server";

export interface RegistrationRequest {
  workshopId: number;
  personId: number;
  method: RegistrationMethod;
  /** The staff account that registered someone on their behalf. */
  registeredBy?: number | null;
  now?: Date;
}

export type RegistrationOutcome =
  | {
      ok: true;
      registrationId: number;
      status: "registered" | "waitlisted";
      /** 1-based place in the waitlist. */
      position: number | null;
      /** The person was already registered or waiting: nothing changed. */
      already: boolean;
      mailQueued: boolean;
    }
  | { ok: false; reason: RegistrationRefusal | "notFound" };

async function waitlist(db: DB, workshopId: number) {
  return db
    .selectFrom("registration")
    .select(["id", "created_at", "person_id"])
    .where("workshop_id", "=", workshopId)
    .where("status", "=", "waitlisted")
    .execute();
}

export async function countRegistered(db: DB, workshopId: number): Promise<number> {
  const row = await db
    .selectFrom("registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workshop_id", "=", workshopId)
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/**
 * Registers a person, inside the caller's write transaction (which must hold the
 * write lock, see `writeTransaction`): seat or waitlist is decided from what is
 * committed, so concurrent registrations can never overbook. Registering twice
 * changes nothing; a cancelled registration is renewed as a new arrival.
 */
export async function registerInTransaction(tx: DB, request: RegistrationRequest): Promise<RegistrationOutcome> {
  const now = (request.now ?? new Date()).toISOString();
  const workshop = await tx.selectFrom("workshop").selectAll().where("id", "=", request.workshopId).executeTakeFirst();
  if (!workshop) return { ok: false, reason: "notFound" };
  const existing = await tx
    .selectFrom("registration")
    .select(["id", "status"])
    .where("workshop_id", "=", workshop.id)
    .where("person_id", "=", request.personId)
    .executeTakeFirst();
  if (existing && existing.status !== "cancelled") {
    const position =
      existing.status === "waitlisted" ? waitlistPosition(await waitlist(tx, workshop.id), existing.id) : null;
    return {
      ok: true,
      registrationId: existing.id,
      status: existing.status,
      position,
      already: true,
      mailQueued: false,
    };
  }
  const sessions = await tx
    .selectFrom("workshop_session")
    .select("ends_at")
    .where("workshop_id", "=", workshop.id)
    .execute();
  const refusal = registrationRefusal(workshop, sessions, request.method, now);
  if (refusal) return { ok: false, reason: refusal };

  const status = placeFor(workshop.capacity, await countRegistered(tx, workshop.id), request.method);
  const values = {
    status,
    method: request.method,
    registered_by: request.registeredBy ?? null,
    created_at: now,
    updated_at: now,
    promoted_at: null,
    cancelled_at: null,
  };
  let registrationId: number;
  if (existing) {
    await tx.updateTable("registration").set(values).where("id", "=", existing.id).execute();
    registrationId = existing.id;
  } else {
    const row = await tx
      .insertInto("registration")
      .values({ ...values, workshop_id: workshop.id, person_id: request.personId })
      .returning("id")
      .executeTakeFirstOrThrow();
    registrationId = row.id;
  }
  const mailQueued =
    status === "registered"
      ? await enqueueWorkshopMail(tx, "confirmation", {
          workshopId: workshop.id,
          personId: request.personId,
          dedupeKey: `confirmation:${registrationId}:${now}`,
          now: request.now,
        })
      : false;
  const position = status === "waitlisted" ? waitlistPosition(await waitlist(tx, workshop.id), registrationId) : null;
  return { ok: true, registrationId, status, position, already: false, mailQueued };
}

/** On PostgreSQL, writes to one workshop's seats run one after another instead of aborting each other. */
export function seatsOf(workshopId: number): WriteOptions {
  return { serializeOn: `workshop-seats:${workshopId}` };
}

export function registerForWorkshop(db: DB, request: RegistrationRequest): Promise<RegistrationOutcome> {
  return writeTransaction(db, (tx) => registerInTransaction(tx, request), seatsOf(request.workshopId));
}

/**
 * Gives free seats to the first people on the waitlist and queues their e-mails.
 * Call inside a write transaction after anything that may free a seat.
 */
export async function promoteFromWaitlist(
  tx: DB,
  workshopId: number,
  now = new Date().toISOString(),
): Promise<number[]> {
  const workshop = await tx
    .selectFrom("workshop")
    .select(["capacity", "status"])
    .where("id", "=", workshopId)
    .executeTakeFirst();
  if (!workshop || workshop.status === "cancelled") return [];
  const promoted = toPromote(await waitlist(tx, workshopId), workshop.capacity, await countRegistered(tx, workshopId));
  for (const entry of promoted) {
    await tx
      .updateTable("registration")
      .set({ status: "registered", promoted_at: now, updated_at: now })
      .where("id", "=", entry.id)
      .execute();
    await enqueueWorkshopMail(tx, "promotion", {
      workshopId,
      personId: entry.person_id,
      dedupeKey: `promotion:${entry.id}:${now}`,
      now: new Date(now),
    });
  }
  return promoted.map((entry) => entry.person_id);
}

export type CancelOutcome =
  | { ok: true; wasStatus: "registered" | "waitlisted"; promotedPersonIds: number[]; mailQueued: boolean }
  | { ok: false };

/**
 * The withdrawal of the invitation a registered person holds (METHOD:CANCEL), inside the
 * transaction that cancelled their registration. Nothing for the waitlisted: they had none.
 */
export async function queueWithdrawal(
  tx: DB,
  registration: { id: number; workshopId: number; personId: number; wasStatus: string },
  now: string,
): Promise<boolean> {
  if (registration.wasStatus !== "registered") return false;
  return enqueueWorkshopMail(tx, "withdrawn", {
    workshopId: registration.workshopId,
    personId: registration.personId,
    dedupeKey: `withdrawn:${registration.id}:${now}`,
    now: new Date(now),
  });
}

/**
 * Cancels a registration (or leaves the waitlist); a freed seat goes to the first person waiting.
 * A registered person is sent the cancellation of their invitation.
 */
export function cancelRegistration(
  db: DB,
  input: { workshopId: number; personId: number; now?: Date },
): Promise<CancelOutcome> {
  return writeTransaction(
    db,
    async (tx) => {
      const now = (input.now ?? new Date()).toISOString();
      const registration = await tx
        .selectFrom("registration")
        .select(["id", "status"])
        .where("workshop_id", "=", input.workshopId)
        .where("person_id", "=", input.personId)
        .where("status", "in", ["registered", "waitlisted"])
        .executeTakeFirst();
      if (!registration) return { ok: false } as const;
      await tx
        .updateTable("registration")
        .set({ status: "cancelled", cancelled_at: now, updated_at: now })
        .where("id", "=", registration.id)
        .execute();
      const promotedPersonIds =
        registration.status === "registered" ? await promoteFromWaitlist(tx, input.workshopId, now) : [];
      const withdrawn = await queueWithdrawal(
        tx,
        { id: registration.id, workshopId: input.workshopId, personId: input.personId, wasStatus: registration.status },
        now,
      );
      return {
        ok: true,
        wasStatus: registration.status as "registered" | "waitlisted",
        promotedPersonIds,
        mailQueued: withdrawn || promotedPersonIds.length > 0,
      } as const;
    },
    seatsOf(input.workshopId),
  );
}

/** This person's registration for a workshop, with their waitlist position. */
export async function findRegistration(db: DB, workshopId: number, personId: number) {
  const row = await db
    .selectFrom("registration")
    .select(["id", "status", "created_at"])
    .where("workshop_id", "=", workshopId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  if (!row) return null;
  const position = row.status === "waitlisted" ? waitlistPosition(await waitlist(db, workshopId), row.id) : null;
  return { ...row, position };
}

/** The registrations of one person among these workshops, for list badges. */
export async function registrationStatuses(db: DB, personId: number, workshopIds: number[]) {
  if (workshopIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom("registration")
    .select(["workshop_id", "status"])
    .where("person_id", "=", personId)
    .where("workshop_id", "in", workshopIds)
    .execute();
  return new Map(rows.map((r) => [r.workshop_id, r.status]));
}

/** Everyone who registered for a workshop, in arrival order, with waitlist positions. */
export async function listRegistrations(db: DB, workshopId: number) {
  const rows = await db
    .selectFrom("registration")
    .innerJoin("person", "person.id", "registration.person_id")
    .select([
      "registration.id",
      "registration.status",
      "registration.method",
      "registration.created_at",
      "registration.promoted_at",
      "registration.cancelled_at",
      "person.id as personId",
      "person.full_name as fullName",
      "person.email",
      "person.phone",
      "person.sex",
      "person.birth_year as birthYear",
      "person.cooperative",
    ])
    .where("registration.workshop_id", "=", workshopId)
    .execute();
  rows.sort(byArrival);
  let position = 0;
  return rows.map((row) => ({ ...row, position: row.status === "waitlisted" ? ++position : null }));
}
