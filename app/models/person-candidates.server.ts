import type { Person, Sex } from "../../db/schema";
import { distinctContactHints } from "../domain/contact";
import { regionName } from "../domain/regions";
import type { DB } from "../utils/db.server";

/**
 * A person offered to staff under "¿es esta persona?" (walk-in, roll call, course enrolment,
 * attendance review): what tells namesakes apart, and nothing more. Contacts only as hints that
 * differ between the candidates of one chooser; the full contact never reaches the browser.
 */
export interface PersonCandidate {
  id: number;
  fullName: string;
  cooperative: string | null;
  birthYear: number | null;
  phoneHint: string | null;
  emailHint: string | null;
  /** The region's name (not its code), when the record has one. */
  regionName: string | null;
  /** The latest workshop they registered for or attended: title and first session (ISO, UTC). */
  lastWorkshop: LastWorkshop | null;
  sex: Sex;
}

type Described = Pick<Person, "id" | "full_name" | "cooperative" | "birth_year" | "phone" | "email" | "region" | "sex">;

/** The one place candidates are built, for every chooser, from person rows in display order. */
export async function describeCandidates(db: DB, people: readonly Described[]): Promise<PersonCandidate[]> {
  const phones = distinctContactHints(people.map((p) => p.phone));
  const emails = distinctContactHints(people.map((p) => p.email));
  const last = await lastWorkshops(
    db,
    people.map((p) => p.id),
  );
  return people.map((p, i) => ({
    id: p.id,
    fullName: p.full_name,
    cooperative: p.cooperative,
    birthYear: p.birth_year,
    phoneHint: phones[i],
    emailHint: emails[i],
    regionName: regionName(p.region),
    lastWorkshop: last.get(p.id) ?? null,
    sex: p.sex,
  }));
}

export type LastWorkshop = { title: string; startsAt: string; timezone: string };

/** Each person's latest workshop (by its first session), from active registrations and attendance. */
export async function lastWorkshops(db: DB, personIds: readonly number[]): Promise<Map<number, LastWorkshop>> {
  const latest = new Map<number, LastWorkshop>();
  // Chunks keep every query under the engines' bound-parameter limits, whatever the list's length.
  for (let i = 0; i < personIds.length; i += 500) {
    for (const [id, last] of await lastWorkshopsOf(db, personIds.slice(i, i + 500))) latest.set(id, last);
  }
  return latest;
}

async function lastWorkshopsOf(db: DB, personIds: number[]) {
  const latest = new Map<number, LastWorkshop>();
  if (personIds.length === 0) return latest;
  const registered = db
    .selectFrom("registration")
    .innerJoin("workshop", "workshop.id", "registration.workshop_id")
    .innerJoin("workshop_session", "workshop_session.workshop_id", "workshop.id")
    .select(["registration.person_id as personId", "workshop.title", "workshop.timezone"])
    .select((eb) => eb.fn.min("workshop_session.starts_at").as("startsAt"))
    .where("registration.person_id", "in", personIds)
    .where("registration.status", "!=", "cancelled")
    .groupBy(["registration.person_id", "workshop.id", "workshop.title", "workshop.timezone"]);
  const attended = db
    .selectFrom("attendance")
    .innerJoin("workshop_session", "workshop_session.id", "attendance.session_id")
    .innerJoin("workshop", "workshop.id", "workshop_session.workshop_id")
    .select(["attendance.person_id as personId", "workshop.title", "workshop.timezone"])
    .select((eb) => eb.fn.min("workshop_session.starts_at").as("startsAt"))
    .where("attendance.person_id", "in", personIds)
    .groupBy(["attendance.person_id", "workshop.id", "workshop.title", "workshop.timezone"]);
  for (const row of [...(await registered.execute()), ...(await attended.execute())]) {
    const seen = latest.get(row.personId);
    if (row.startsAt && (!seen || seen.startsAt < row.startsAt))
      latest.set(row.personId, { title: row.title, startsAt: row.startsAt, timezone: row.timezone });
  }
  return latest;
}
