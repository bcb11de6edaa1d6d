import type { Person, Sex } from "../../db/schema";
import { nameKey } from "../domain/names";
import {
  DIFFERENCE_FIELDS,
  personDifferences,
  updatesChosen,
  type Difference,
  type DifferenceField,
} from "../domain/person-differences";
import {
  decidePerson,
  factsNeeded,
  type MatchedBy,
  type PersonChoice,
  type PersonFacts,
} from "../domain/person-resolution";
import { recordAudit } from "./audit.server";
import { describeCandidates, type PersonCandidate } from "./person-candidates.server";
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
  /** A region code of `country` (domain/regions.ts), already checked by the form or import. */
  region?: string | null;
}

export type { PersonCandidate };

/**
 * Staff's answer to "these details differ from the record": the fields they saw (`reviewed`) and
 * those of them to take from what was typed (`update`). A difference not reviewed is asked again.
 */
export interface DifferencesAnswer {
  reviewed: DifferenceField[];
  update: DifferenceField[];
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
  /**
   * Forms that show typed details against a known person's record: "ask" (first submit) or staff's
   * answer. Absent (files): the record is kept as it is, as before (docs/decisions/013).
   */
  differences?: "ask" | DifferencesAnswer;
}

export type PersonResolution =
  | {
      kind: "found";
      person: { id: number; fullName: string };
      matchedBy: MatchedBy;
      /** Fields updated from what was typed, after staff chose to (audited as person.update.assisted). */
      updated?: DifferenceField[];
    }
  | { kind: "created"; person: { id: number; fullName: string } }
  | { kind: "choose"; candidates: PersonCandidate[] }
  /** The typed contact is `person`'s, whose name differs: "¿Es ella?" (answer: choice = id, or "new"). */
  | { kind: "confirm"; person: PersonCandidate; matchedBy: "email" | "phone" }
  /** A known person whose record differs from what was typed: keep or update, per field. Nothing written. */
  | { kind: "differences"; person: PersonCandidate; differences: Difference[] }
  | { kind: "refused"; reason: "notOffered" | "consentRequired" };

/**
 * What `resolvePerson` would do, read-only: "create" instead of creating (an import's preview);
 * `withoutContactOf`: staff said the owner of the typed contact is someone else, so the new
 * person is created without the contacts another person already has.
 */
export type PersonLookup =
  | Exclude<PersonResolution, { kind: "created" }>
  | { kind: "create"; withoutContactOf?: number };

/**
 * The one place that decides who a typed or imported person is (docs/decisions/012): exact e-mail
 * or phone, then similar name (staff choose), then consent, then a new person. Erased people are
 * never matched. A chosen id from the browser counts only when this form offers it again for the
 * typed name or the person is already on the workshop/course, before anything is read about them.
 */
export async function lookUpPerson(db: DB, request: PersonRequest): Promise<PersonLookup> {
  const needed = factsNeeded(request);
  const facts: PersonFacts<Person> = { chosen: null, byContact: null, similar: [] };
  let found: Person | undefined;
  if (needed.chosen && typeof request.choice === "number") {
    const chosen = request.choice;
    const offered =
      (await findPersonsWithSimilarName(db, request.details.fullName)).some((p) => p.id === chosen) ||
      (await ownsTypedContact(db, request.details, chosen)) ||
      (await onScope(db, request.scope, chosen));
    const person = offered
      ? await db
          .selectFrom("person")
          .selectAll()
          .where("id", "=", chosen)
          .where("erased_at", "is", null)
          .executeTakeFirst()
      : undefined;
    facts.chosen = { offered, exists: person !== undefined };
    found = person;
  }
  if (needed.byContact) {
    const person = await findPersonByContact(db, { email: request.details.email, phone: request.details.phone });
    if (person && person.erased_at === null) {
      facts.byContact = {
        id: person.id,
        email: person.email,
        sameName: person.name_key === nameKey(request.details.fullName),
      };
      found = person;
    }
  }
  if (needed.similar) {
    facts.similar = (await findPersonsWithSimilarName(db, request.details.fullName)).filter(
      (p) => p.erased_at === null,
    );
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
  switch (decision.kind) {
    case "found": {
      const differences = request.differences ? differencesOf(found!, request.details) : [];
      const answer = request.differences;
      const unanswered = answer === "ask" || differences.some((d) => !answer?.reviewed.includes(d.field));
      if (differences.length > 0 && unanswered)
        return { kind: "differences", person: (await describeCandidates(db, [found!]))[0], differences };
      return { kind: "found", person: { id: found!.id, fullName: found!.full_name }, matchedBy: decision.matchedBy };
    }
    case "confirm":
      return { kind: "confirm", person: (await describeCandidates(db, [found!]))[0], matchedBy: decision.matchedBy };
    case "choose":
      return { kind: "choose", candidates: await describeCandidates(db, decision.candidates) };
    case "create":
      return decision.withoutContactOf === undefined
        ? { kind: "create" }
        : { kind: "create", withoutContactOf: decision.withoutContactOf };
    case "refused":
      return decision;
  }
}

function differencesOf(person: Person, details: PersonDetails): Difference[] {
  return personDifferences(
    {
      sex: person.sex,
      birthYear: person.birth_year,
      cooperative: person.cooperative,
      country: person.country,
      region: person.region,
    },
    details,
  );
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
  if (lookup.kind === "found" && request.differences && request.differences !== "ask")
    return applyDifferences(tx, lookup, request.details, request.differences.update, request);
  if (lookup.kind !== "create") return lookup;
  const { details } = request;
  const others = lookup.withoutContactOf === undefined ? null : await heldByOthers(tx, details);
  const id = await createPerson(tx, {
    fullName: details.fullName,
    email: others?.email ? null : details.email,
    phone: others?.phone ? null : details.phone,
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

/** Takes the typed values staff chose over the record, and audits what changed from what. */
async function applyDifferences(
  tx: DB,
  found: Extract<PersonResolution, { kind: "found" }>,
  details: PersonDetails,
  update: DifferenceField[],
  request: { actorAccountId: number; audit: { details: Record<string, unknown> } },
): Promise<PersonResolution> {
  const person = await tx.selectFrom("person").selectAll().where("id", "=", found.person.id).executeTakeFirstOrThrow();
  const differences = differencesOf(person, details);
  const changes = updatesChosen(differences, new Set(update));
  const fields = DIFFERENCE_FIELDS.filter((field) => field in changes);
  if (fields.length === 0) return found;
  await tx
    .updateTable("person")
    .set({
      ...(changes.sex !== undefined ? { sex: changes.sex } : {}),
      ...(changes.birthYear !== undefined ? { birth_year: changes.birthYear } : {}),
      ...(changes.cooperative !== undefined ? { cooperative: changes.cooperative } : {}),
      ...(changes.country !== undefined ? { country: changes.country } : {}),
      ...(changes.region !== undefined ? { region: changes.region } : {}),
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", person.id)
    .execute();
  await recordAudit(tx, {
    actorAccountId: request.actorAccountId,
    action: "person.update.assisted",
    subjectType: "person",
    subjectId: person.id,
    details: {
      ...request.audit.details,
      changes: differences
        .filter((d) => fields.includes(d.field))
        .map((d) => ({ field: d.field, from: d.stored, to: d.typed })),
    },
  });
  return { ...found, updated: fields };
}

/** Whether `personId` holds the typed e-mail or phone: the one a "¿Es ella?" question offered. */
async function ownsTypedContact(db: DB, details: PersonDetails, personId: number): Promise<boolean> {
  const owner = await findPersonByContact(db, { email: details.email, phone: details.phone });
  return owner?.id === personId;
}

/** Which typed contacts another (not erased) person already has: a new person is created without them. */
async function heldByOthers(db: DB, details: PersonDetails) {
  const held = async (field: "email" | "phone") =>
    details[field] !== null &&
    (await db
      .selectFrom("person")
      .select("id")
      .where(field, "=", details[field])
      .where("erased_at", "is", null)
      .executeTakeFirst()) !== undefined;
  return { email: await held("email"), phone: await held("phone") };
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
