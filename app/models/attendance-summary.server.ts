import type { RegistrationMethod, RegistrationStatus } from "../../db/schema";
import {
  attendeeOutcome,
  tallyAttendance,
  type AttendanceTally,
  type AttendeeOutcome,
} from "../domain/attendance-counts";
import { attendedSession, attendedWorkshop, type AttendanceMark } from "../domain/attendance-rule";
import type { DB } from "../utils/db.server";

/** The counts of app/domain/attendance-counts.ts (the report's too), plus what only this page shows. */
export interface AttendanceCounts extends AttendanceTally {
  /** Registered people who did not attend: below the minimum plus never came. */
  noShows: number;
  /** People in imported reports that the facilitator chose to leave out. */
  ignored: number;
}

export interface SessionSummary extends AttendanceCounts {
  sessionId: number;
  startsAt: string;
  endsAt: string;
  /** No-shows only mean something once a session has begun. */
  started: boolean;
  imports: number;
}

export interface PersonAttendance {
  personId: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  registrationStatus: RegistrationStatus | null;
  method: RegistrationMethod | null;
  /** One entry per session, in session order. */
  marks: Array<
    | (Required<AttendanceMark> & {
        /** Why staff corrected this mark by hand; null when nobody did. */
        correctionReason: string | null;
        attended: boolean;
      })
    | null
  >;
  attended: boolean;
  /** attended / connected less than the minimum / never came / not expected (`attendeeOutcome`). */
  outcome: AttendeeOutcome;
}

/**
 * Registered, attended, walk-ins, no-shows and ignored report rows, per session and for the whole
 * workshop, counted with the one attendance rule (app/domain/attendance-rule.ts).
 */
export async function summarizeWorkshopAttendance(db: DB, workshopId: number, now = new Date().toISOString()) {
  const workshop = await db
    .selectFrom("workshop")
    .select(["id", "attendance_min_minutes"])
    .where("id", "=", workshopId)
    .executeTakeFirstOrThrow();
  const minMinutes = workshop.attendance_min_minutes;
  const sessions = await db
    .selectFrom("workshop_session")
    .select(["id", "starts_at", "ends_at"])
    .where("workshop_id", "=", workshopId)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  const sessionIds = sessions.map((s) => s.id);
  const [registrations, marks, imports] = await Promise.all([
    db
      .selectFrom("registration")
      .innerJoin("person", "person.id", "registration.person_id")
      .select([
        "person.id as personId",
        "person.full_name as fullName",
        "person.email",
        "person.phone",
        "registration.status",
        "registration.method",
      ])
      .where("registration.workshop_id", "=", workshopId)
      .execute(),
    sessionIds.length
      ? db
          .selectFrom("attendance")
          .innerJoin("person", "person.id", "attendance.person_id")
          .select([
            "attendance.session_id",
            "attendance.person_id",
            "attendance.status",
            "attendance.minutes_online",
            "attendance.corrected_status",
            "attendance.corrected_minutes",
            "attendance.correction_reason",
            "person.full_name",
            "person.email",
            "person.phone",
          ])
          .where("attendance.session_id", "in", sessionIds)
          .execute()
      : [],
    sessionIds.length
      ? db
          .selectFrom("attendance_import")
          .select(["session_id", "rows_ignored"])
          .where("session_id", "in", sessionIds)
          // An undone import stays for history but no longer counts (docs/decisions/022).
          .where("undone_at", "is", null)
          .execute()
      : [],
  ]);

  const people = new Map<number, PersonAttendance>();
  const blank = (personId: number, fullName: string, email: string | null, phone: string | null): PersonAttendance => ({
    personId,
    fullName,
    email,
    phone,
    registrationStatus: null,
    method: null,
    marks: sessions.map(() => null),
    attended: false,
    outcome: "notExpected",
  });
  for (const r of registrations) {
    people.set(r.personId, {
      ...blank(r.personId, r.fullName, r.email, r.phone),
      registrationStatus: r.status,
      method: r.method,
    });
  }
  for (const m of marks) {
    const person = people.get(m.person_id) ?? blank(m.person_id, m.full_name, m.email, m.phone);
    const mark: Required<AttendanceMark> = {
      status: m.status,
      minutesOnline: m.minutes_online,
      correctedStatus: m.corrected_status,
      correctedMinutes: m.corrected_minutes,
    };
    person.marks[sessionIds.indexOf(m.session_id)] = {
      ...mark,
      correctionReason: m.correction_reason,
      attended: attendedSession(mark, minMinutes),
    };
    people.set(m.person_id, person);
  }
  const attendee = (p: PersonAttendance) => ({
    registration: p.registrationStatus === null ? null : { status: p.registrationStatus, method: p.method },
    marks: p.marks,
  });
  for (const person of people.values()) {
    person.attended = attendedWorkshop(person.marks, minMinutes);
    person.outcome = attendeeOutcome(attendee(person), minMinutes);
  }

  const everyone = [...people.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, "es"));
  const counted = (tally: AttendanceTally) => ({ ...tally, noShows: tally.belowMinimum + tally.neverCame });
  const ignoredIn = (sessionId: number) =>
    imports.filter((i) => i.session_id === sessionId).reduce((sum, i) => sum + i.rows_ignored, 0);

  const perSession: SessionSummary[] = sessions.map((session, index) => {
    return {
      sessionId: session.id,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      started: session.starts_at <= now,
      imports: imports.filter((i) => i.session_id === session.id).length,
      ...counted(
        tallyAttendance(
          everyone.map((p) => ({ ...attendee(p), marks: [p.marks[index]] })),
          minMinutes,
        ),
      ),
      ignored: ignoredIn(session.id),
    };
  });
  const overall: AttendanceCounts = {
    ...counted(tallyAttendance(everyone.map(attendee), minMinutes)),
    ignored: imports.reduce((sum, i) => sum + i.rows_ignored, 0),
  };
  return { minMinutes, sessions: perSession, overall, people: everyone };
}

export type WorkshopAttendanceSummary = Awaited<ReturnType<typeof summarizeWorkshopAttendance>>;
