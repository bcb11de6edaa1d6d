/**
 * Small builders for the rows reach counts: persons without logins, workshops with sessions,
 * registrations, attendance, courses and enrolments. Used by the reach tests and the demo seed
 * (db/seeds/reach-story.ts). They write rows directly, as the other areas' models would, so
 * the report can be tested before (and independently of) their screens.
 */
import type {
  AttendanceStatus,
  CorrectedStatus,
  Modality,
  RegistrationMethod,
  RegistrationStatus,
  Sex,
  WorkshopStatus,
} from "../schema";
import { nameKey } from "../../app/domain/names";
import { DEFAULT_MIN_MINUTES } from "../../app/domain/attendance-rule";
import type { ReachFilters } from "../../app/domain/reach-filters";
import type { DB } from "../../app/utils/db.server";

/** A fiscal year's report with no other filter, as a manager first opens it. */
export function fiscalYearFilters(year: number): ReachFilters {
  return {
    period: { kind: "fy", year },
    country: null,
    workshopId: null,
    facilitatorId: null,
    courseId: null,
    countEnrolments: false,
  };
}

export interface PersonSpec {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  sex?: Sex;
  birthYear?: number | null;
  country?: string | null;
  region?: string | null;
  cooperative?: string | null;
}

let counter = 0;

export function personRow(spec: PersonSpec = {}, now = new Date().toISOString()) {
  const fullName = spec.fullName ?? `Persona Reach ${++counter}`;
  return {
    full_name: fullName,
    name_key: nameKey(fullName),
    email: spec.email ?? null,
    phone: spec.phone ?? null,
    sex: spec.sex ?? "not_stated",
    birth_year: spec.birthYear ?? null,
    country: spec.country === undefined ? "PE" : spec.country,
    region: spec.region ?? null,
    cooperative: spec.cooperative ?? null,
    consent_given_at: now,
    consent_notice_version: "test",
    consent_method: "staff" as const,
    updated_at: now,
  };
}

export async function makePerson(db: DB, spec: PersonSpec = {}): Promise<number> {
  const row = await db.insertInto("person").values(personRow(spec)).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export interface WorkshopSpec {
  title?: string;
  modality?: Modality;
  country?: string | null;
  region?: string | null;
  place?: string | null;
  timezone?: string;
  status?: WorkshopStatus;
  attendanceMinMinutes?: number;
  courseId?: number | null;
  facilitatorAccountIds?: number[];
  /** UTC ISO instants; each session lasts two hours unless `endsAt` is given. */
  sessions: Array<string | { startsAt: string; endsAt: string }>;
}

export async function makeWorkshop(db: DB, spec: WorkshopSpec): Promise<{ id: number; sessionIds: number[] }> {
  const now = new Date().toISOString();
  const workshop = await db
    .insertInto("workshop")
    .values({
      title: spec.title ?? `Taller ${++counter}`,
      modality: spec.modality ?? "in_person",
      country: spec.country === undefined ? "PE" : spec.country,
      region: spec.region ?? null,
      place: spec.place ?? null,
      timezone: spec.timezone ?? "America/Lima",
      status: spec.status ?? "published",
      attendance_min_minutes: spec.attendanceMinMinutes ?? DEFAULT_MIN_MINUTES,
      course_id: spec.courseId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const accountId of spec.facilitatorAccountIds ?? []) {
    await db.insertInto("workshop_facilitator").values({ workshop_id: workshop.id, account_id: accountId }).execute();
  }
  const sessionIds: number[] = [];
  for (const session of spec.sessions) {
    const startsAt = typeof session === "string" ? session : session.startsAt;
    const endsAt =
      typeof session === "string" ? new Date(Date.parse(session) + 2 * 3600_000).toISOString() : session.endsAt;
    const row = await db
      .insertInto("workshop_session")
      .values({ workshop_id: workshop.id, starts_at: startsAt, ends_at: endsAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    sessionIds.push(row.id);
  }
  return { id: workshop.id, sessionIds };
}

export async function register(
  db: DB,
  workshopId: number,
  personId: number,
  spec: { status?: RegistrationStatus; method?: RegistrationMethod; createdAt?: string } = {},
): Promise<number> {
  const at = spec.createdAt ?? new Date().toISOString();
  const row = await db
    .insertInto("registration")
    .values({
      workshop_id: workshopId,
      person_id: personId,
      status: spec.status ?? "registered",
      method: spec.method ?? "self",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAttendance(
  db: DB,
  sessionId: number,
  personId: number,
  spec: {
    status?: AttendanceStatus | null;
    minutesOnline?: number | null;
    /** A hand correction (docs/decisions/023), written as the correction model would. */
    correctedStatus?: CorrectedStatus | null;
    correctedMinutes?: number | null;
  } = {},
): Promise<void> {
  const status = spec.status === undefined ? "present" : spec.status;
  const corrected = (spec.correctedStatus ?? null) !== null || (spec.correctedMinutes ?? null) !== null;
  await db
    .insertInto("attendance")
    .values({
      session_id: sessionId,
      person_id: personId,
      status,
      minutes_online: spec.minutesOnline ?? null,
      source: status === null ? "import" : "roll_call",
      recorded_at: new Date().toISOString(),
      ...(corrected
        ? {
            corrected_status: spec.correctedStatus ?? null,
            corrected_minutes: spec.correctedMinutes ?? null,
            corrected_at: new Date().toISOString(),
            correction_reason: "test",
          }
        : {}),
    })
    .execute();
}

export async function makeCourse(db: DB, spec: { slug?: string; title?: string; lessons?: number } = {}) {
  const now = new Date().toISOString();
  const slug = spec.slug ?? `curso-reach-${++counter}`;
  const course = await db
    .insertInto("course")
    .values({ slug, title: spec.title ?? `Curso ${slug}`, published: 1, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const lessonIds: number[] = [];
  for (let position = 1; position <= (spec.lessons ?? 1); position++) {
    const lesson = await db
      .insertInto("lesson")
      .values({
        course_id: course.id,
        slug: `leccion-${position}`,
        title: `Lección ${position}`,
        position,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    lessonIds.push(lesson.id);
  }
  return { id: course.id, lessonIds };
}

export async function enrol(
  db: DB,
  courseId: number,
  personId: number,
  spec: { enrolledAt: string; completedAt?: string | null; leftAt?: string | null },
): Promise<number> {
  const row = await db
    .insertInto("enrolment")
    .values({
      course_id: courseId,
      person_id: personId,
      method: "staff",
      enrolled_at: spec.enrolledAt,
      completed_at: spec.completedAt ?? null,
      left_at: spec.leftAt ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
