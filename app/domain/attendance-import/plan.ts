import type { ParticipantMatch } from "./match";
import { combineParticipants, toMinutes, type Participant } from "./merge";
import type { ReportFormat } from "./types";

/** What the facilitator decided for one participant on the review screen. */
export type Decision =
  | { kind: "person"; personId: number }
  /** `fullName`: the name staff typed in the review for the new person; without it, the participant's. */
  | { kind: "new"; fullName?: string }
  | { kind: "ignore" };

export function decisionValue(decision: Decision): string {
  return decision.kind === "person" ? `person:${decision.personId}` : decision.kind;
}

export function readDecision(value: unknown): Decision | null {
  if (value === "new" || value === "ignore") return { kind: value };
  const m = typeof value === "string" ? /^person:(\d{1,12})$/.exec(value) : null;
  return m ? { kind: "person", personId: Number(m[1]) } : null;
}

/**
 * The choice the review screen starts with. A probable match and a stranger have none: the
 * facilitator picks (a stranger may be a registrant under a nickname, and a new person made by
 * default is a duplicate nobody chose). Hosts and panelists run the meeting, so they start as
 * "ignore", even when recognised.
 */
export function defaultDecision(participant: Participant, match: ParticipantMatch): Decision | null {
  if (participant.role !== "attendee") return { kind: "ignore" };
  if (match.kind === "matched") return { kind: "person", personId: match.personId };
  return null;
}

export interface PlannedAttendance {
  /** An existing person, or null for a new one made from `newPerson`. */
  personId: number | null;
  newPerson: { fullName: string; email: string | null; phone: string | null } | null;
  participantKeys: string[];
  /** Null when the report gave no time online (a paper sheet's mark only). */
  minutes: number | null;
  present: boolean | null;
}

export interface ImportPlan {
  entries: PlannedAttendance[];
  /** Participants the facilitator chose to leave out (e.g. the host, a shared device). */
  ignored: number;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; undecided: string[] };

/** Turns the decisions into one attendance entry per person; two participants chosen as the same person become one entry. */
export function planImport(
  participants: Participant[],
  decisions: Map<string, Decision>,
  format: ReportFormat,
): PlanResult {
  const undecided = participants.filter((p) => !decisions.has(p.key)).map((p) => p.key);
  if (undecided.length) return { ok: false, undecided };
  const byPerson = new Map<number, Participant[]>();
  const entries: PlannedAttendance[] = [];
  let ignored = 0;
  for (const participant of participants) {
    const decision = decisions.get(participant.key)!;
    if (decision.kind === "ignore") ignored++;
    else if (decision.kind === "person")
      byPerson.set(decision.personId, [...(byPerson.get(decision.personId) ?? []), participant]);
    else {
      entries.push({
        personId: null,
        newPerson: {
          fullName: (decision.kind === "new" && decision.fullName) || participant.name,
          email: participant.email,
          phone: participant.phone,
        },
        participantKeys: [participant.key],
        minutes: participant.timed ? toMinutes(participant.seconds) : null,
        present: participant.present,
      });
    }
  }
  for (const [personId, parts] of byPerson) {
    const combined = combineParticipants(parts, format);
    entries.push({
      personId,
      newPerson: null,
      participantKeys: parts.map((p) => p.key),
      minutes: combined.timed ? toMinutes(combined.seconds) : null,
      present: combined.present,
    });
  }
  return { ok: true, plan: { entries, ignored } };
}
