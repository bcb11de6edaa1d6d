import { sql } from "kysely";
import { DEFAULT_TIME_ZONE, isValidTimeZone, localDate } from "../utils/dates";
import type { DB } from "../utils/db.server";

/** Courses have no place: their moments are dated in the program's home time zone. */
export const COURSE_TIME_ZONE = DEFAULT_TIME_ZONE;

/** What a session's `local_date` was computed from; when it no longer matches, the date is recomputed. */
export function sessionLocalDateKey(startsAt: string, timeZone: string): string {
  return `${startsAt} ${timeZone}`;
}

export function enrolmentLocalDatesKey(enrolledAt: string, completedAt: string | null): string {
  return `${enrolledAt}|${completedAt ?? ""}`;
}

/** The session's calendar date where it happens; an unknown zone falls back to Lima rather than failing a report. */
export function sessionLocalDate(startsAt: string, timeZone: string): string {
  return localDate(startsAt, isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE);
}

/**
 * Brings the precomputed local dates up to date: sessions and enrolments written (or edited) since
 * the last report, by any part of the app, get their local dates here. Reach counts by local date,
 * and time-zone rules are not portable SQL, so they are applied in JavaScript once per row change.
 * Cheap when nothing changed: one indexed comparison per row, no writes.
 */
export async function refreshLocalDates(db: DB): Promise<{ sessions: number; enrolments: number }> {
  const sessions = await db
    .selectFrom("workshop_session as s")
    .innerJoin("workshop as w", "w.id", "s.workshop_id")
    .select(["s.id", "s.starts_at", "w.timezone"])
    .where((eb) =>
      eb.or([
        eb("s.local_date_key", "is", null),
        eb("s.local_date_key", "<>", sql<string>`s.starts_at || ' ' || w.timezone`),
      ]),
    )
    .execute();
  const enrolments = await db
    .selectFrom("enrolment")
    .select(["id", "enrolled_at", "completed_at"])
    .where((eb) =>
      eb.or([
        eb("local_dates_key", "is", null),
        eb("local_dates_key", "<>", sql<string>`enrolled_at || '|' || coalesce(completed_at, '')`),
      ]),
    )
    .execute();
  if (sessions.length === 0 && enrolments.length === 0) return { sessions: 0, enrolments: 0 };

  // Not writeTransaction: nothing is read inside, and the batch is idempotent. Two reports opened at
  // once may refresh the same rows; under SERIALIZABLE PostgreSQL would abort one of them for nothing.
  // eslint-disable-next-line no-restricted-syntax
  await db.transaction().execute(async (tx) => {
    // Rows sharing the same new values are updated together: few statements even for a big backfill.
    // The keys are rebuilt in SQL from the same columns the stale check reads (see sessionLocalDateKey).
    const sessionGroups = groupBy(sessions, (s) => [sessionLocalDate(s.starts_at, s.timezone)]);
    for (const [[date], ids] of sessionGroups) {
      for (const chunk of chunks(ids)) {
        await tx
          .updateTable("workshop_session")
          .set({
            local_date: date,
            local_date_key: sql<string>`starts_at || ' ' || (select w.timezone from workshop w where w.id = workshop_session.workshop_id)`,
          })
          .where("id", "in", chunk)
          .execute();
      }
    }
    const enrolmentGroups = groupBy(enrolments, (e) => [
      localDate(e.enrolled_at, COURSE_TIME_ZONE),
      e.completed_at ? localDate(e.completed_at, COURSE_TIME_ZONE) : null,
    ]);
    for (const [[enrolled, completed], ids] of enrolmentGroups) {
      for (const chunk of chunks(ids)) {
        await tx
          .updateTable("enrolment")
          .set({
            enrolled_local_date: enrolled,
            completed_local_date: completed,
            local_dates_key: sql<string>`enrolled_at || '|' || coalesce(completed_at, '')`,
          })
          .where("id", "in", chunk)
          .execute();
      }
    }
  });
  return { sessions: sessions.length, enrolments: enrolments.length };
}

function groupBy<R extends { id: number }, K extends Array<string | null>>(
  rows: R[],
  keyOf: (row: R) => K,
): Array<[K, number[]]> {
  const groups = new Map<string, [K, number[]]>();
  for (const row of rows) {
    const key = keyOf(row);
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? [key, []];
    group[1].push(row.id);
    groups.set(id, group);
  }
  return [...groups.values()];
}

function chunks(ids: number[], size = 500): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
