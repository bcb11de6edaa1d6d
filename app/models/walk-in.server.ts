import type { RegistrationMethod, Sex } from "../../db/schema";
import { registrationRefusal, type RegistrationRefusal } from "../domain/waitlist";
import { writeTransaction, type DB } from "../utils/db.server";
import { setMarkInTransaction } from "./attendance.server";
import { recordAudit } from "./audit.server";
import type { Difference } from "../domain/person-differences";
import { resolvePerson, type DifferencesAnswer, type PersonCandidate } from "./person-resolution.server";
import { registerInTransaction, seatsOf, type RegistrationOutcome } from "./registration.server";

/** What a facilitator types for someone registering with their help. Contacts already normalised. */
export interface AssistedPersonInput {
  fullName: string;
  email?: string | null;
  phone?: string | null;
  sex?: Sex;
  birthYear?: number | null;
  cooperative?: string | null;
  country?: string | null;
  region?: string | null;
  /** The person said, to this staff member, that we may keep their data (needed to create them). */
  verbalConsent?: boolean;
  /** The answer to "¿es esta persona?": an existing person's id, or "new". */
  choice?: number | "new" | null;
  /** Staff's keep/update answer when the typed details differ from the found person's record. */
  differences?: DifferencesAnswer;
}

/** A person offered under "¿es esta persona?": what the browser may see of them (contacts as hints only). */
export type Candidate = PersonCandidate;

export type WalkInOutcome =
  | { kind: "choose"; candidates: Candidate[] }
  | { kind: "confirm"; person: Candidate; matchedBy: "email" | "phone" }
  | { kind: "differences"; person: Candidate; differences: Difference[] }
  | { kind: "notOffered" }
  | { kind: "refused"; reason: RegistrationRefusal | "notFound" }
  | { kind: "needsConsent" }
  | {
      kind: "done";
      personId: number;
      fullName: string;
      createdPerson: boolean;
      matchedBy: "email" | "phone" | "choice" | null;
      registration: RegistrationOutcome;
    };

/**
 * Registers someone on their behalf, in the caller's write transaction: resolves
 * or creates the person (consent given verbally to this staff member) and
 * registers them. The [attendance] roll call reuses this to add a walk-in and
 * mark them present in the same transaction.
 */
export async function registerWalkInInTransaction(
  tx: DB,
  input: {
    workshopId: number;
    person: AssistedPersonInput;
    method: Extract<RegistrationMethod, "walk_in" | "staff">;
    actorAccountId: number;
    now?: Date;
  },
): Promise<WalkInOutcome> {
  // Refuse before creating anyone, so a refused registration leaves no orphan person.
  const workshop = await tx.selectFrom("workshop").selectAll().where("id", "=", input.workshopId).executeTakeFirst();
  if (!workshop) return { kind: "refused", reason: "notFound" };
  const sessions = await tx
    .selectFrom("workshop_session")
    .select("ends_at")
    .where("workshop_id", "=", workshop.id)
    .execute();
  const refusal = registrationRefusal(workshop, sessions, input.method, (input.now ?? new Date()).toISOString());
  if (refusal) return { kind: "refused", reason: refusal };
  const { person } = input;
  const resolved = await resolvePerson(tx, {
    details: { ...person, email: person.email ?? null, phone: person.phone ?? null },
    choice: person.choice ?? null,
    askOnSimilarName: true,
    consent: person.verbalConsent ? "given" : "missing",
    scope: { workshopId: workshop.id },
    differences: person.differences ?? "ask",
    actorAccountId: input.actorAccountId,
    audit: { action: "person.create.assisted", details: { workshopId: input.workshopId } },
  });
  if (resolved.kind === "choose") return { kind: "choose", candidates: resolved.candidates };
  if (resolved.kind === "confirm") return { kind: "confirm", person: resolved.person, matchedBy: resolved.matchedBy };
  if (resolved.kind === "differences")
    return { kind: "differences", person: resolved.person, differences: resolved.differences };
  if (resolved.kind === "refused")
    return resolved.reason === "notOffered" ? { kind: "notOffered" } : { kind: "needsConsent" };
  const personId = resolved.person.id;
  const fullName = resolved.person.fullName;
  const registration = await registerInTransaction(tx, {
    workshopId: input.workshopId,
    personId,
    method: input.method,
    registeredBy: input.actorAccountId,
    now: input.now,
  });
  if (resolved.kind === "found" && registration.ok) {
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "registration.assisted",
      subjectType: "person",
      subjectId: personId,
      details: {
        workshopId: input.workshopId,
        registrationId: registration.registrationId,
        method: input.method,
        matchedBy: resolved.matchedBy,
        already: registration.already,
      },
    });
  }
  return {
    kind: "done",
    personId,
    fullName,
    createdPerson: resolved.kind === "created",
    matchedBy: resolved.kind === "found" ? resolved.matchedBy : null,
    registration,
  };
}

export function registerWalkIn(
  db: DB,
  input: Parameters<typeof registerWalkInInTransaction>[1],
): Promise<WalkInOutcome> {
  return writeTransaction(db, (tx) => registerWalkInInTransaction(tx, input), seatsOf(input.workshopId));
}

/** The roll call's "add a walk-in": registered and marked present at this session, in one transaction. */
export function registerWalkInPresent(
  db: DB,
  input: { workshopId: number; sessionId: number; person: AssistedPersonInput; actorAccountId: number },
): Promise<WalkInOutcome> {
  return writeTransaction(
    db,
    async (tx) => {
      const { sessionId, ...walkIn } = input;
      const result = await registerWalkInInTransaction(tx, { ...walkIn, method: "walk_in" });
      if (result.kind === "done")
        await setMarkInTransaction(tx, {
          sessionId,
          personId: result.personId,
          status: "present",
          actorAccountId: input.actorAccountId,
        });
      return result;
    },
    seatsOf(input.workshopId),
  );
}
