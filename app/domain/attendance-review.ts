import type { Msg } from "../i18n/keys";
import type { KnownPerson, ParticipantMatch } from "./attendance-import/match";
import { overlapSeconds, type Participant } from "./attendance-import/merge";
import { decisionValue, defaultDecision, readDecision, type Decision } from "./attendance-import/plan";
import { contactHint } from "./contact";
import { cleanName } from "./names";
import { NAME_MAX } from "./limits";
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
  /** Its time online as the review states it (`timeOnline`), worked out here so the page ships no report code. */
  timeOnline: Msg[];
  /** Whether to call it "sin cuenta de Zoom o Teams" (`showsGuestLabel`). */
  guestLabel: boolean;
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
    return {
      participant,
      match,
      initial: decision ? decisionValue(decision) : "",
      timeOnline: timeOnline(participant),
      guestLabel: showsGuestLabel({ participant, match }),
    };
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

/**
 * A participant's time online as the review states it. When two joins overlapped (two devices at
 * once) the overlap was counted once, and the line says so, so nobody adds the joins up by hand.
 */
export function timeOnline(participant: Participant): Msg[] {
  const minutes = Math.round(participant.seconds / 60);
  if (participant.joins > 1 && overlapSeconds(participant.intervals) > 0)
    return [{ key: "attendance.review.joinsOverlap", vars: { count: participant.joins, minutes } }];
  const time: Msg = { key: "attendance.review.participant", vars: { minutes } };
  return participant.joins > 1
    ? [time, { key: "attendance.review.joins", vars: { count: participant.joins } }]
    : [time];
}

/**
 * "No Zoom or Teams account" only for a stranger the report marks as a guest: a recognised person,
 * or one the report gives an e-mail for, signed in with an account (Zoom's "Guest" means outside
 * the host's organisation, not without an account).
 */
export function showsGuestLabel(item: Pick<ReviewItem, "participant" | "match">): boolean {
  return item.participant.guest && item.match.kind !== "matched" && !item.participant.email;
}

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
      else if (fullName.length > NAME_MAX)
        errors[participant.key] = { key: "attendance.review.nameTooLong", vars: { max: NAME_MAX } };
      else decisions.set(participant.key, { kind: "new", fullName });
    } else if (decision) decisions.set(participant.key, decision);
    else
      errors[participant.key] = {
        key: raw === "link" ? "attendance.review.linkRequired" : "attendance.review.chooseRequired",
      };
  }
  return { decisions, errors };
}
