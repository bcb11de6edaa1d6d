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
  /**
   * The person with exactly this e-mail or phone (e-mail first), never an erased one; `sameName`:
   * their name key equals the typed one (a shorter or longer name is not the same: staff are asked).
   */
  byContact: { id: number; email: string | null; sameName: boolean } | null;
  /** Not erased, same name ignoring accents, case and word order. */
  similar: C[];
}

/**
 * The outcome of matching. "choose" carries the candidates to offer; "confirm" asks staff whether
 * the owner of the typed contact, who has another name, is the person in front of them (the
 * answer comes back as `choice`: their id, or "new"). A person created after "no" is created
 * `withoutContactOf` that owner: the contact stays theirs (docs/decisions/013).
 */
export type PersonDecision<C> =
  | { kind: "found"; personId: number; matchedBy: MatchedBy }
  | { kind: "choose"; candidates: C[] }
  | { kind: "confirm"; personId: number; matchedBy: "email" | "phone" }
  | { kind: "refused"; reason: "notOffered" | "consentRequired" }
  | { kind: "create"; withoutContactOf?: number };

/**
 * Exact contact (asking when its owner has another name), then similar name, then consent, then
 * create. A chosen id from a browser counts only when the server offers it (checked before any
 * contact): anything else is refused.
 */
export function decidePerson<C>(request: PersonRequest, facts: PersonFacts<C>): PersonDecision<C> {
  if (typeof request.choice === "number") {
    if (!facts.chosen?.offered || !facts.chosen.exists) return { kind: "refused", reason: "notOffered" };
    return { kind: "found", personId: request.choice, matchedBy: "choice" };
  }
  const owner = facts.byContact;
  if (owner) {
    const matchedBy = owner.email !== null && owner.email === request.email ? "email" : "phone";
    if (owner.sameName) return { kind: "found", personId: owner.id, matchedBy };
    // Files cannot answer either: their callers treat "confirm" as a row to correct.
    if (request.choice !== "new") return { kind: "confirm", personId: owner.id, matchedBy };
    if (request.consentMissing) return { kind: "refused", reason: "consentRequired" };
    return { kind: "create", withoutContactOf: owner.id };
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
