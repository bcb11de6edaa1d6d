import type { Msg } from "../i18n/keys";
import type { KnownPerson, ParticipantMatch } from "./attendance-import/match";
import type { Participant } from "./attendance-import/merge";
import { decisionValue, defaultDecision, readDecision, type Decision } from "./attendance-import/plan";
import { contactHint } from "./contact";
import { cleanName } from "./names";
import { regionName } from "./regions";

/**
 * The review screen of an uploaded attendance report, without a database: what it shows for each
 * participant and each person it offers, and how the facilitator's answers are read back.
 */
export interface PersonOption {
  id: number;
  fullName: string;
  registered: boolean;
  details: string[];
  /** Their latest workshop, so namesakes can be told apart; dated by the page in the reader's language. */
  lastWorkshop: { title: string; startsAt: string; timezone: string } | null;
}

export interface ReviewItem {
  participant: Participant;
  match: ParticipantMatch;
  /** The form value the choice starts with ("person:12", "new", "ignore"), or "" when it must be made. */
  initial: string;
}

export interface ReviewPerson extends KnownPerson {
  cooperative: string | null;
  birthYear: number | null;
  /** ISO 3166-2 code; shown by name. */
  region?: string | null;
  lastWorkshop?: PersonOption["lastWorkshop"];
}

/** How a person is told apart from others with the same name: cooperative, region, birth year, a hint of phone and e-mail. */
export function personOption(person: ReviewPerson): PersonOption {
  return {
    id: person.id,
    fullName: person.fullName,
    registered: person.registered,
    details: [
      person.cooperative,
      regionName(person.region),
      person.birthYear ? String(person.birthYear) : null,
      contactHint(person.phone),
      contactHint(person.email),
    ].filter((d): d is string => Boolean(d)),
    lastWorkshop: person.lastWorkshop ?? null,
  };
}

/** One question per participant with the choice it starts with, every person offered, and the registered ones by name (the "link" list). */
export function reviewQuestions(
  participants: Participant[],
  matches: Map<string, ParticipantMatch>,
  known: ReviewPerson[],
) {
  const items: ReviewItem[] = participants.map((participant) => {
    const match = matches.get(participant.key)!;
    const decision = defaultDecision(participant, match);
    return { participant, match, initial: decision ? decisionValue(decision) : "" };
  });
  return {
    items,
    people: Object.fromEntries(known.map((p) => [p.id, personOption(p)])) as Record<number, PersonOption>,
    registered: known
      .filter((p) => p.registered)
      .map(personOption)
      .sort((a, b) => a.fullName.localeCompare(b.fullName, "es")),
  };
}

/** Longest name staff may type for a person the import creates; the same bound as the parsers' names. */
export const MAX_NEW_PERSON_NAME = 200;

/** The form fields the review posts; only their string values matter. */
export interface ReviewForm {
  get(name: string): unknown;
}

/**
 * Reads one decision per participant (`d-<key>`: "person:12", "new", "ignore", or "link" with the
 * person in `link-<key>`); for "new", the name staff typed in `name-<key>`, when the form has one. A participant without a valid one gets an error; nothing is guessed.
 */
export function readReviewDecisions(
  participants: Participant[],
  form: ReviewForm,
): { decisions: Map<string, Decision>; errors: Record<string, Msg> } {
  const decisions = new Map<string, Decision>();
  const errors: Record<string, Msg> = {};
  for (const participant of participants) {
    const raw = form.get(`d-${participant.key}`);
    const decision = raw === "link" ? readDecision(form.get(`link-${participant.key}`)) : readDecision(raw);
    const typedName = form.get(`name-${participant.key}`);
    if (decision?.kind === "new" && typeof typedName === "string") {
      const fullName = cleanName(typedName);
      if (!fullName) errors[participant.key] = { key: "attendance.review.nameRequired" };
      else if (fullName.length > MAX_NEW_PERSON_NAME)
        errors[participant.key] = { key: "attendance.review.nameTooLong", vars: { max: MAX_NEW_PERSON_NAME } };
      else decisions.set(participant.key, { kind: "new", fullName });
    } else if (decision) decisions.set(participant.key, decision);
    else
      errors[participant.key] = {
        key: raw === "link" ? "attendance.review.linkRequired" : "attendance.review.chooseRequired",
      };
  }
  return { decisions, errors };
}
