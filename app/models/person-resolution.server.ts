import type { Sex } from "../../db/schema";
import { contactHint } from "../domain/contact";
import {
  decidePerson,
  factsNeeded,
  type MatchedBy,
  type PersonChoice,
  type PersonFacts,
} from "../domain/person-resolution";
import { recordAudit } from "./audit.server";
import { createPerson, findPersonByContact, findPersonsWithSimilarName } from "./person.server";
import { peopleOnWorkshop } from "./workshop-people.server";
import type { DB } from "../utils/db.server";

/** What staff typed or a file said about someone. Contacts already normalised. */
export interface PersonDetails {
  fullName: string;
  email: string | null;
  phone: string | null;
  sex?: Sex;
  birthYear?: number | null;
  cooperative?: string | null;
  country?: string | null;
  region?: string | null;
}

/** A person offered under "¿es esta persona?": what the browser may see of them (contacts as hints only). */
export interface PersonCandidate {
  id: number;
  fullName: string;
  cooperative: string | null;
  birthYear: number | null;
  phoneHint: string | null;
  emailHint: string | null;
}

export interface PersonRequest {
  details: PersonDetails;
  choice: PersonChoice;
  /** Forms ask about similar names; imports cannot, and create instead. */
  askOnSimilarName: boolean;
  /**
   * "given": the person agreed, to this staff member, that we keep their data (recorded as such);
   * "missing": they did not (yet), so no one is created; "notAsked": a person known only from an
   * attendance report, kept without consent.
   */
  consent: "given" | "missing" | "notAsked";
  /** Where a chosen id may also come from: people already on this workshop or course. */
  scope: { workshopId: number } | { courseId: number } | null;
}

export type PersonResolution =
  | { kind: "found"; person: { id: number; fullName: string }; matchedBy: MatchedBy }
  | { kind: "created"; person: { id: number; fullName: string } }
  | { kind: "choose"; candidates: PersonCandidate[] }
  | { kind: "refused"; reason: "notOffered" | "consentRequired" };

/** What `resolvePerson` would do, read-only: "create" instead of creating (an import's preview). */
export type PersonLookup = Exclude<PersonResolution, { kind: "created" }> | { kind: "create" };

/**
 * The one place that decides who a typed or imported person is (docs/decisions/012): exact e-mail
 * or phone, then similar name (staff choose), then consent, then a new person. Erased people are
 * never matched. A chosen id from the browser counts only when this form offers it again for the
 * typed name or the person is already on the workshop/course, before anything is read about them.
 */
export async function lookUpPerson(db: DB, request: PersonRequest): Promise<PersonLookup> {
  const needed = factsNeeded(request);
  const facts: PersonFacts<PersonCandidate> = { chosen: null, byContact: null, similar: [] };
  let found: { id: number; fullName: string } | undefined;
  if (needed.chosen && typeof request.choice === "number") {
    const chosen = request.choice;
    const offered =
      (await findPersonsWithSimilarName(db, request.details.fullName)).some((p) => p.id === chosen) ||
      (await onScope(db, request.scope, chosen));
    const person = offered
      ? await db
          .selectFrom("person")
          .select(["id", "full_name"])
          .where("id", "=", chosen)
          .where("erased_at", "is", null)
          .executeTakeFirst()
      : undefined;
    facts.chosen = { offered, exists: person !== undefined };
    if (person) found = { id: person.id, fullName: person.full_name };
  }
  if (needed.byContact) {
    const person = await findPersonByContact(db, { email: request.details.email, phone: request.details.phone });
    if (person && person.erased_at === null) {
      facts.byContact = { id: person.id, email: person.email };
      found = { id: person.id, fullName: person.full_name };
    }
  }
  if (needed.similar) {
    facts.similar = (await findPersonsWithSimilarName(db, request.details.fullName))
      .filter((p) => p.erased_at === null)
      .map((p) => ({
        id: p.id,
        fullName: p.full_name,
        cooperative: p.cooperative,
        birthYear: p.birth_year,
        phoneHint: contactHint(p.phone),
        emailHint: contactHint(p.email),
      }));
  }
  const decision = decidePerson(
    {
      email: request.details.email,
      phone: request.details.phone,
      choice: request.choice,
      askOnSimilarName: request.askOnSimilarName,
      consentMissing: request.consent === "missing",
    },
    facts,
  );
  if (decision.kind === "found") return { kind: "found", person: found!, matchedBy: decision.matchedBy };
  return decision;
}

/**
 * Finds or creates the person, in the caller's write transaction. Every person created is
 * audit-logged with `audit` (staff typing someone in: "person.create.assisted"; a file:
 * "person.create.import"); what is then done with the person (registration, enrolment,
 * attendance) is the caller's to record.
 */
export async function resolvePerson(
  tx: DB,
  request: PersonRequest & {
    actorAccountId: number;
    audit: { action: "person.create.assisted" | "person.create.import"; details: Record<string, unknown> };
  },
): Promise<PersonResolution> {
  const lookup = await lookUpPerson(tx, request);
  if (lookup.kind !== "create") return lookup;
  const { details } = request;
  const id = await createPerson(tx, {
    fullName: details.fullName,
    email: details.email,
    phone: details.phone,
    sex: details.sex,
    birthYear: details.birthYear ?? null,
    cooperative: details.cooperative ?? null,
    country: details.country ?? null,
    region: details.region ?? null,
    consent: request.consent === "given" ? { method: "staff", recordedBy: request.actorAccountId } : null,
  });
  await recordAudit(tx, {
    actorAccountId: request.actorAccountId,
    action: request.audit.action,
    subjectType: "person",
    subjectId: id,
    details: request.audit.details,
  });
  return { kind: "created", person: { id, fullName: details.fullName } };
}

async function onScope(db: DB, scope: PersonRequest["scope"], personId: number): Promise<boolean> {
  if (!scope) return false;
  if ("workshopId" in scope) return (await peopleOnWorkshop(db, scope.workshopId, [personId])).has(personId);
  return (
    (await db
      .selectFrom("enrolment")
      .select("id")
      .where("course_id", "=", scope.courseId)
      .where("person_id", "=", personId)
      .executeTakeFirst()) !== undefined
  );
}
