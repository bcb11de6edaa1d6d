/**
 * Builders for workshops, sessions and registrations, shared by tests (of every
 * area) and the demo seed.
 */
import type { Modality, RegistrationMethod, WorkshopStatus } from "../schema";
import { DEFAULT_TIME_ZONE, zonedTimeToUtc, localDate } from "../../app/utils/dates";
import { getDb } from "../../app/utils/db.server";
import { DEFAULT_MIN_MINUTES } from "../../app/domain/attendance-rule";
import { createWorkshop } from "../../app/models/workshop.server";
import { registerForWorkshop } from "../../app/models/registration.server";
import { createPerson } from "../../app/models/person.server";
import { makeAccount } from "../factories";

export interface SessionSpec {
  /** Days from today (negative: in the past). */
  inDays?: number;
  /** Or an exact local date, YYYY-MM-DD in the workshop's zone. */
  date?: string;
  start?: string;
  end?: string;
}

export interface WorkshopSpec {
  title?: string;
  description?: string;
  modality?: Modality;
  place?: string | null;
  joinUrl?: string | null;
  country?: string | null;
  region?: string | null;
  timezone?: string;
  capacity?: number | null;
  status?: WorkshopStatus;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  courseId?: number | null;
  /** Facilitator accounts; one new facilitator when omitted. */
  facilitatorIds?: number[];
  /** Default: one session a week from now, 10:00–12:00 local time. */
  sessions?: readonly SessionSpec[];
  createdBy?: number | null;
}

export async function makeWorkshop(spec: WorkshopSpec = {}) {
  const db = await getDb();
  const timezone = spec.timezone ?? DEFAULT_TIME_ZONE;
  const facilitatorIds = spec.facilitatorIds ?? [
    (await makeAccount({ role: "facilitator", fullName: "Facilitadora de Prueba" })).accountId,
  ];
  const today = localDate(new Date().toISOString(), timezone);
  const sessions = (spec.sessions ?? [{ inDays: 7 }]).map((s) => {
    const date = s.date ?? addDays(today, s.inDays ?? 7);
    return {
      id: null,
      startsAt: zonedTimeToUtc(date, s.start ?? "10:00", timezone),
      endsAt: zonedTimeToUtc(date, s.end ?? "12:00", timezone),
    };
  });
  const modality = spec.modality ?? "online";
  const id = await createWorkshop(
    db,
    {
      title: spec.title ?? "Taller de prueba",
      description: spec.description ?? "",
      courseId: spec.courseId ?? null,
      modality,
      place: spec.place ?? (modality === "online" ? null : "Local comunal"),
      joinUrl:
        spec.joinUrl === undefined ? (modality === "in_person" ? null : "https://zoom.us/j/1234567890") : spec.joinUrl,
      country: spec.country === undefined ? "PE" : spec.country,
      region: spec.region ?? null,
      timezone,
      capacity: spec.capacity === undefined ? null : spec.capacity,
      registrationOpensAt: spec.registrationOpensAt ?? null,
      registrationClosesAt: spec.registrationClosesAt ?? null,
      status: spec.status ?? "published",
      facilitatorIds,
      attendanceMinMinutes: DEFAULT_MIN_MINUTES,
      sessions,
    },
    spec.createdBy ?? facilitatorIds[0],
  );
  const rows = await db
    .selectFrom("workshop_session")
    .selectAll()
    .where("workshop_id", "=", id)
    .orderBy("starts_at")
    .execute();
  return { id, facilitatorIds, sessions: rows, timezone };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let counter = 0;

/** A person without a login (as a walk-in would be), consent recorded by the person themself. */
export async function makePerson(
  spec: { fullName?: string; email?: string | null; phone?: string | null; locale?: "es" | "en" } = {},
) {
  const db = await getDb();
  return createPerson(db, {
    fullName: spec.fullName ?? `Participante ${++counter}`,
    email: spec.email ?? null,
    phone: spec.phone ?? null,
    locale: spec.locale,
    consent: { method: "self" },
  });
}

/** Registers a person (a new one when omitted) through the real rules; throws if refused. */
export async function makeRegistration(
  workshopId: number,
  spec: { personId?: number; method?: RegistrationMethod; registeredBy?: number | null } = {},
) {
  const db = await getDb();
  const personId = spec.personId ?? (await makePerson());
  const outcome = await registerForWorkshop(db, {
    workshopId,
    personId,
    method: spec.method ?? "self",
    registeredBy: spec.registeredBy ?? null,
  });
  if (!outcome.ok) throw new Error(`Registration refused: ${outcome.reason}`);
  return { personId, ...outcome };
}
