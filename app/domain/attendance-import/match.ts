import { nameKey } from "../names";
import type { Participant } from "./merge";

/** A person already in Minka, as the matcher needs to know them. */
export interface KnownPerson {
  id: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** Holds an active registration for this workshop: looked at first. */
  registered: boolean;
}

export type MatchReason = "email" | "phone" | "name";

export type ParticipantMatch =
  | { kind: "matched"; personId: number; by: MatchReason }
  | { kind: "probable"; candidates: number[] }
  | { kind: "unmatched" };

/** Every name key a participant showed up under. */
export function participantNameKeys(participant: Pick<Participant, "name" | "otherNames">): string[] {
  return [...new Set([participant.name, ...participant.otherNames].map(nameKey).filter(Boolean))];
}

/**
 * Finds who each participant is. E-mail, then phone, identify a person (when the participant used
 * that person's name; with another name it is a choice for the facilitator); registered people win
 * over others with the same contact. A name alone identifies only when exactly one registered
 * person has it and nobody else in the report claims them; otherwise the facilitator chooses
 * among the candidates, so two people who share a name are never merged silently.
 */
export function matchParticipants(participants: Participant[], people: KnownPerson[]): Map<string, ParticipantMatch> {
  const ordered = [...people].sort((a, b) => Number(b.registered) - Number(a.registered) || a.id - b.id);
  const keyOf = new Map(ordered.map((person) => [person.id, nameKey(person.fullName)]));
  // Indexes instead of a scan of everyone per participant: a report of thousands against thousands of people.
  const firstBy = (contact: (p: KnownPerson) => string | null) => {
    const index = new Map<string, KnownPerson>();
    for (const p of ordered) {
      const value = contact(p);
      if (value && !index.has(value)) index.set(value, p);
    }
    return index;
  };
  const byEmailIndex = firstBy((p) => p.email);
  const byPhoneIndex = firstBy((p) => p.phone);
  const byNameKey = new Map<string, KnownPerson[]>();
  for (const p of ordered) {
    const list = byNameKey.get(keyOf.get(p.id)!);
    if (list) list.push(p);
    else byNameKey.set(keyOf.get(p.id)!, [p]);
  }
  const rank = new Map(ordered.map((p, index) => [p.id, index]));
  const registered = ordered.filter((p) => p.registered);
  const matches = new Map<string, ParticipantMatch>();
  const claimed = new Set<number>();

  for (const participant of participants) {
    const byEmail = participant.email ? byEmailIndex.get(participant.email) : undefined;
    const byPhone = !byEmail && participant.phone ? byPhoneIndex.get(participant.phone) : undefined;
    const person = byEmail ?? byPhone;
    if (!person) continue;
    // A contact identifies only with one of the names the participant used; a name without
    // letters (a phone number as display name) says nothing. Otherwise the facilitator decides.
    const named = participantNameKeys(participant).filter((key) => /\p{Letter}/u.test(key));
    if (named.length > 0 && !named.includes(keyOf.get(person.id)!)) {
      matches.set(participant.key, { kind: "probable", candidates: [person.id] });
      continue;
    }
    matches.set(participant.key, { kind: "matched", personId: person.id, by: byEmail ? "email" : "phone" });
    claimed.add(person.id);
  }

  const tentative = new Map<string, number>();
  const candidatesOf = new Map<string, number[]>();
  for (const participant of participants) {
    if (matches.has(participant.key)) continue;
    const keys = participantNameKeys(participant);
    const exactIds = new Set(keys.flatMap((key) => (byNameKey.get(key) ?? []).map((p) => p.id)));
    const exact = [...new Set(keys.flatMap((key) => byNameKey.get(key) ?? []))].sort(
      (a, b) => rank.get(a.id)! - rank.get(b.id)!,
    );
    const exactRegistered = exact.filter((p) => p.registered);
    const partial = registered.filter(
      (p) => !exactIds.has(p.id) && keys.some((key) => overlapsAsName(key, keyOf.get(p.id)!)),
    );
    const candidates = [...exactRegistered, ...partial, ...exact.filter((p) => !p.registered)].map((p) => p.id);
    candidatesOf.set(participant.key, candidates);
    // Someone who signed in with another e-mail is not the registered person of the same name.
    const contactDisagrees = (p: KnownPerson) => Boolean(participant.email && p.email && p.email !== participant.email);
    if (exactRegistered.length === 1 && !contactDisagrees(exactRegistered[0]))
      tentative.set(participant.key, exactRegistered[0].id);
  }

  const claims = new Map<number, number>();
  for (const personId of tentative.values()) claims.set(personId, (claims.get(personId) ?? 0) + 1);
  for (const participant of participants) {
    if (matches.has(participant.key)) continue;
    const personId = tentative.get(participant.key);
    const candidates = candidatesOf.get(participant.key) ?? [];
    if (personId !== undefined && claims.get(personId) === 1 && !claimed.has(personId)) {
      matches.set(participant.key, { kind: "matched", personId, by: "name" });
    } else if (candidates.length > 0) {
      matches.set(participant.key, { kind: "probable", candidates });
    } else {
      matches.set(participant.key, { kind: "unmatched" });
    }
  }
  return matches;
}

/** "rosa quispe" and "mamani quispe rosa": one name contains the other, with at least two words in common. */
function overlapsAsName(a: string, b: string): boolean {
  const [short, long] = [a.split(" "), b.split(" ")].sort((x, y) => x.length - y.length);
  return short.length >= 2 && short.every((word) => long.includes(word));
}
