import type { Person, RegistrationMethod, Sex } from "../../db/schema";
import { contactHint } from "../domain/contact";
import { registrationRefusal, type RegistrationRefusal } from "../domain/waitlist";
import { writeTransaction, type DB } from "../utils/db.server";
import { setMarkInTransaction } from "./attendance.server";
import { recordAudit } from "./audit.server";
import { createPerson, findPersonByContact, findPersonsWithSimilarName } from "./person.server";
import { registerInTransaction, type RegistrationOutcome } from "./registration.server";
import { peopleOnWorkshop } from "./workshop-people.server";

/** What a facilitator types for someone registering with their help. Contacts already normalised. */
export interface AssistedPersonInput {
  fullName: string;
  email?: string | null;
  phone?: string | null;
  sex?: Sex;
  birthYear?: number | null;
  cooperative?: string | null;
  country?: string | null;
  /** The person said, to this staff member, that we may keep their data (needed to create them). */
  verbalConsent?: boolean;
  /** The answer to "¿es esta persona?": an existing person's id, or "new". */
  choice?: number | "new" | null;
}

/** A person offered under "¿es esta persona?": what the browser may see of them (contacts as hints only). */
export interface Candidate {
  id: number;
  full_name: string;
  cooperative: string | null;
  birth_year: number | null;
  phoneHint: string | null;
  emailHint: string | null;
}

export type AssistedPerson =
  | { kind: "existing"; person: Person; matchedBy: "email" | "phone" | "choice" }
  | { kind: "choose"; candidates: Candidate[] }
  | { kind: "notOffered" }
  | { kind: "new" };

/**
 * Finds who this is without creating duplicates: an exact e-mail or phone match
 * is the same person; a similar name (accents, case, word order) needs a human
 * to say "¿es esta persona?"; otherwise a new person.
 *
 * A chosen id comes from the browser, so it is trusted only when this form offers it again for
 * the typed name, or the person is already on the workshop (`workshopId`); otherwise
 * "notOffered", before anything is read about that person or written.
 */
export async function resolveAssistedPerson(db: DB, input: AssistedPersonInput, workshopId?: number): Promise<AssistedPerson> {
  if (typeof input.choice === "number") {
    const chosen = input.choice;
    const offered = (await findPersonsWithSimilarName(db, input.fullName)).some((p) => p.id === chosen);
    const onWorkshop = !offered && workshopId !== undefined && (await peopleOnWorkshop(db, workshopId, [chosen])).has(chosen);
    if (!offered && !onWorkshop) return { kind: "notOffered" };
    const person = await db.selectFrom("person").selectAll().where("id", "=", chosen).where("erased_at", "is", null).executeTakeFirst();
    if (!person) return { kind: "notOffered" };
    return { kind: "existing", person, matchedBy: "choice" };
  }
  const byContact = await findPersonByContact(db, { email: input.email, phone: input.phone });
  if (byContact) return { kind: "existing", person: byContact, matchedBy: byContact.email && byContact.email === input.email ? "email" : "phone" };
  if (input.choice === "new") return { kind: "new" };
  const similar = await findPersonsWithSimilarName(db, input.fullName);
  if (similar.length > 0) {
    return {
      kind: "choose",
      candidates: similar.map(({ id, full_name, cooperative, birth_year, email, phone }) => ({
        id,
        full_name,
        cooperative,
        birth_year,
        phoneHint: contactHint(phone),
        emailHint: contactHint(email),
      })),
    };
  }
  return { kind: "new" };
}

export type WalkInOutcome =
  | { kind: "choose"; candidates: Candidate[] }
  | { kind: "notOffered" }
  | { kind: "refused"; reason: RegistrationRefusal | "notFound" }
  | { kind: "needsConsent" }
  | { kind: "done"; personId: number; fullName: string; createdPerson: boolean; matchedBy: "email" | "phone" | "choice" | null; registration: RegistrationOutcome };

/**
 * Registers someone on their behalf, in the caller's write transaction: resolves
 * or creates the person (consent given verbally to this staff member) and
 * registers them. The [attendance] roll call reuses this to add a walk-in and
 * mark them present in the same transaction.
 */
export async function registerWalkInInTransaction(
  tx: DB,
  input: { workshopId: number; person: AssistedPersonInput; method: Extract<RegistrationMethod, "walk_in" | "staff">; actorAccountId: number; now?: Date },
): Promise<WalkInOutcome> {
  // Refuse before creating anyone, so a refused registration leaves no orphan person.
  const workshop = await tx.selectFrom("workshop").selectAll().where("id", "=", input.workshopId).executeTakeFirst();
  if (!workshop) return { kind: "refused", reason: "notFound" };
  const sessions = await tx.selectFrom("workshop_session").select("ends_at").where("workshop_id", "=", workshop.id).execute();
  const refusal = registrationRefusal(workshop, sessions, input.method, (input.now ?? new Date()).toISOString());
  if (refusal) return { kind: "refused", reason: refusal };
  const resolved = await resolveAssistedPerson(tx, input.person, workshop.id);
  if (resolved.kind === "choose" || resolved.kind === "notOffered") return resolved;
  if (resolved.kind === "new" && !input.person.verbalConsent) return { kind: "needsConsent" };
  let personId: number;
  let fullName: string;
  if (resolved.kind === "existing") {
    personId = resolved.person.id;
    fullName = resolved.person.full_name;
  } else {
    personId = await createPerson(tx, {
      fullName: input.person.fullName,
      email: input.person.email ?? null,
      phone: input.person.phone ?? null,
      sex: input.person.sex,
      birthYear: input.person.birthYear ?? null,
      cooperative: input.person.cooperative ?? null,
      country: input.person.country ?? null,
      consent: { method: "staff", recordedBy: input.actorAccountId },
    });
    fullName = input.person.fullName;
    await recordAudit(tx, { actorAccountId: input.actorAccountId, action: "person.create.assisted", subjectType: "person", subjectId: personId, details: { workshopId: input.workshopId } });
  }
  const registration = await registerInTransaction(tx, {
    workshopId: input.workshopId,
    personId,
    method: input.method,
    registeredBy: input.actorAccountId,
    now: input.now,
  });
  if (resolved.kind === "existing" && registration.ok) {
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "registration.assisted",
      subjectType: "person",
      subjectId: personId,
      details: { workshopId: input.workshopId, registrationId: registration.registrationId, method: input.method, matchedBy: resolved.matchedBy, already: registration.already },
    });
  }
  return {
    kind: "done",
    personId,
    fullName,
    createdPerson: resolved.kind === "new",
    matchedBy: resolved.kind === "existing" ? resolved.matchedBy : null,
    registration,
  };
}

export function registerWalkIn(db: DB, input: Parameters<typeof registerWalkInInTransaction>[1]): Promise<WalkInOutcome> {
  return writeTransaction(db, (tx) => registerWalkInInTransaction(tx, input));
}

/** The roll call's "add a walk-in": registered and marked present at this session, in one transaction. */
export function registerWalkInPresent(
  db: DB,
  input: { workshopId: number; sessionId: number; person: AssistedPersonInput; actorAccountId: number },
): Promise<WalkInOutcome> {
  return writeTransaction(db, async (tx) => {
    const { sessionId, ...walkIn } = input;
    const result = await registerWalkInInTransaction(tx, { ...walkIn, method: "walk_in" });
    if (result.kind === "done") await setMarkInTransaction(tx, { sessionId, personId: result.personId, status: "present", actorAccountId: input.actorAccountId });
    return result;
  });
}
