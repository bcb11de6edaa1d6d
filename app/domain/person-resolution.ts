/**
 * Who a typed or imported person is (docs/decisions/012-person-matching.md): the rule, without
 * the database. The model gathers the facts (`PersonFacts`) and acts on the decision.
 */

/** What staff answered to "¿es esta persona?": an offered person's id, "new", or nothing yet. */
export type PersonChoice = number | "new" | null;

export type MatchedBy = "email" | "phone" | "choice";

export interface PersonRequest {
  email: string | null;
  phone: string | null;
  choice: PersonChoice;
  /** A form can show similar names and ask; an import cannot, so it creates instead. */
  askOnSimilarName: boolean;
  /** Creating this person needs their consent (typed by staff) and it was not given. */
  consentMissing: boolean;
}

export interface PersonFacts<C> {
  /** The chosen id (when `choice` is a number): offered for this form or already on the workshop/course, and not erased. */
  chosen: { offered: boolean; exists: boolean } | null;
  /** The person with exactly this e-mail or phone (e-mail first), never an erased one. */
  byContact: { id: number; email: string | null } | null;
  /** Not erased, same name ignoring accents, case and word order. */
  similar: C[];
}

/**
 * The outcome of matching. "choose" carries the candidates to offer; a later outcome (staff asked
 * when a contact belongs to someone with another name) fits here as another kind.
 */
export type PersonDecision<C> =
  | { kind: "found"; personId: number; matchedBy: MatchedBy }
  | { kind: "choose"; candidates: C[] }
  | { kind: "refused"; reason: "notOffered" | "consentRequired" }
  | { kind: "create" };

/**
 * Exact contact, then similar name, then consent, then create. A chosen id from a browser counts
 * only when the server offers it (checked before any contact): anything else is refused.
 */
export function decidePerson<C>(request: PersonRequest, facts: PersonFacts<C>): PersonDecision<C> {
  if (typeof request.choice === "number") {
    if (!facts.chosen?.offered || !facts.chosen.exists) return { kind: "refused", reason: "notOffered" };
    return { kind: "found", personId: request.choice, matchedBy: "choice" };
  }
  if (facts.byContact) {
    const matchedBy = facts.byContact.email !== null && facts.byContact.email === request.email ? "email" : "phone";
    return { kind: "found", personId: facts.byContact.id, matchedBy };
  }
  if (request.choice !== "new" && request.askOnSimilarName && facts.similar.length > 0)
    return { kind: "choose", candidates: facts.similar };
  if (request.consentMissing) return { kind: "refused", reason: "consentRequired" };
  return { kind: "create" };
}

/** Which facts `decidePerson` will read, so the model does not query what is not needed. */
export function factsNeeded(request: Pick<PersonRequest, "choice" | "askOnSimilarName">): {
  chosen: boolean;
  byContact: boolean;
  similar: boolean;
} {
  const chosen = typeof request.choice === "number";
  return { chosen, byContact: !chosen, similar: !chosen && request.choice !== "new" && request.askOnSimilarName };
}
