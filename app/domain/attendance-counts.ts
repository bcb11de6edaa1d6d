import type { RegistrationMethod, RegistrationStatus } from "../../db/schema";
import { attendedSession, isCorrected, minutesCounted, type AttendanceMark } from "./attendance-rule";

/**
 * One count of a workshop's attendance, for the attendance page, the roll call and (in SQL,
 * `workshopRows` in app/models/reach.server.ts, checked by tests/integration/attendance-counts-agree.test.ts)
 * the reach report, its CSV/XLSX and `npm run report`.
 */
export interface AttendanceTally {
  /** Registrations with status `registered`, whatever the method (walk-ins included). */
  registered: number;
  /** Persons who attended at least one session by the attendance rule, registered or not. */
  attended: number;
  /** Of those who attended, persons without a registration made before the day: none, or one made at the door. */
  walkIns: number;
  /** Registered, did not attend, but were connected some minutes (fewer than the minimum). */
  belowMinimum: number;
  /** Registered, did not attend, and were never connected. */
  neverCame: number;
}

export interface Attendee {
  registration: { status: RegistrationStatus | null; method: RegistrationMethod | null } | null;
  marks: Array<AttendanceMark | null | undefined>;
}

export type AttendeeOutcome = "attended" | "belowMinimum" | "neverCame" | "notExpected";

/** Only a registration made at the door (`walk_in`) is not "in advance"; roster imports are. */
export function registeredInAdvance(attendee: Attendee): boolean {
  return attendee.registration?.status === "registered" && attendee.registration.method !== "walk_in";
}

export function attendeeOutcome(attendee: Attendee, minMinutes: number): AttendeeOutcome {
  if (attendee.marks.some((mark) => attendedSession(mark, minMinutes))) return "attended";
  if (attendee.registration?.status !== "registered") return "notExpected";
  // A roll-call mark of absent or excused is not time connected, nor is a hand correction to absent: that person never came.
  const connected = attendee.marks.some((mark) => (minutesCounted(mark) ?? 0) > 0);
  return connected ? "belowMinimum" : "neverCame";
}

export function tallyAttendance(attendees: Iterable<Attendee>, minMinutes: number): AttendanceTally {
  const tally: AttendanceTally = { registered: 0, attended: 0, walkIns: 0, belowMinimum: 0, neverCame: 0 };
  for (const attendee of attendees) {
    if (attendee.registration?.status === "registered") tally.registered++;
    const outcome = attendeeOutcome(attendee, minMinutes);
    if (outcome === "attended") {
      tally.attended++;
      if (!registeredInAdvance(attendee)) tally.walkIns++;
    } else if (outcome !== "notExpected") tally[outcome]++;
  }
  return tally;
}

export interface RollCallCounts {
  present: number;
  late: number;
  excused: number;
  absent: number;
  unmarked: number;
  /** Of `present`: people nobody marked whom an imported report shows online for the minimum. */
  presentByMinutes: number;
  /** People whose mark or minutes staff corrected by hand (docs/decisions/023), counted as the correction says. */
  corrected: number;
}

/**
 * The roll call's line of counts. A hand correction wins, then a roll-call mark; someone not
 * marked but online long enough is present by the rule, so an imported report does not read as
 * "present: 0".
 */
export function rollCallCounts(marks: Iterable<AttendanceMark>, minMinutes: number): RollCallCounts {
  const counts: RollCallCounts = {
    present: 0,
    late: 0,
    excused: 0,
    absent: 0,
    unmarked: 0,
    presentByMinutes: 0,
    corrected: 0,
  };
  for (const mark of marks) {
    if (isCorrected(mark)) counts.corrected++;
    if (mark.correctedStatus) counts[mark.correctedStatus]++;
    else if (mark.status !== null) counts[mark.status]++;
    else if (attendedSession(mark, minMinutes)) {
      counts.present++;
      counts.presentByMinutes++;
    } else counts.unmarked++;
  }
  return counts;
}
