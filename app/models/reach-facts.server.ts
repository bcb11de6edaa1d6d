import { sql, type RawBuilder } from "kysely";
import { fiscalYearOf, fiscalYearRange, type ReachFilters } from "../domain/reach-filters";
import { isPostgres, writeTransaction, type DB } from "../utils/db.server";
import {
  createPeopleTable,
  createWorkshopTables,
  workshopFiguresSql,
  type ReachSource,
  type ReachViewer,
} from "./reach.server";

/**
 * Reach facts kept per fiscal year (docs/decisions/025): each workshop's figures and each person
 * reached, per fiscal year, so that the first report of a fiscal year after a write reads a few
 * hundred rows and three index scans instead of a year of attendance.
 *
 * SQLite triggers (migration 2026-12-03T0300-reach-facts) name every person and workshop a write
 * touches in `reach_dirty_person` / `reach_dirty_workshop`; before a report reads the facts, those
 * are recomputed here by the very functions that count a report afresh (`createWorkshopTables`,
 * `createPeopleTable`, `workshopFiguresSql` of reach.server.ts), narrowed to what changed. So what
 * counts as reach is written once: a change to the attendance rule or to any figure needs no edit
 * here. tests/integration/reach-cache.test.ts compares the served report with one counted afresh
 * after every kind of write.
 */

/** People whose facts of every fiscal year are stale (their details, enrolments, or a workshop of theirs changed). */
const DIRTY_EVERY_YEAR = sql`(select person_id from reach_dirty_person where fy = 0)`;
/** People whose facts of this fiscal year are stale. */
const dirtyIn = (fiscalYear: number) => sql`(select person_id from reach_dirty_person where fy in (0, ${fiscalYear}))`;
const DIRTY_WORKSHOPS = sql`(select workshop_id from reach_dirty_workshop)`;
const EVERYTHING: ReachViewer = { accountId: 0, seesAll: true };
/**
 * Past this many dirty people (or workshops), whole fiscal years are recounted instead: reading
 * each one's rows through the person index costs more than one scan of the year (after the
 * migration every person is dirty: 250 s the one way on the bench ledger, see decision 025).
 */
const REBUILD_ABOVE = { persons: 5_000, workshops: 200 };

/**
 * The fiscal year whose facts can serve this report, or null to count afresh: facts are kept for
 * what is asked most (a fiscal year as a manager sees it, no filter, with or without enrolments);
 * other periods, filters and facilitators' views are counted afresh. SQLite only: on PostgreSQL
 * the triggers are not installed. Never inside a caller's transaction (the refresh writes).
 */
export function factsFiscalYear(db: DB, filters: ReachFilters, viewer: ReachViewer): number | null {
  if (isPostgres(db) || db.isTransaction || filters.period.kind !== "fy" || !viewer.seesAll) return null;
  if (filters.country || filters.personCountry || filters.workshopId || filters.facilitatorId || filters.courseId) {
    return null;
  }
  return filters.period.year;
}

export function factsSource(fiscalYear: number, withEnrolments: boolean): ReachSource {
  return {
    workshopFigures: sql`(select workshop_id as id, first_date, last_date, sessions, attended, walk_ins, registered,
      no_shows, below_minimum from reach_fy_workshop where fy = ${fiscalYear})`,
    workshopIds: sql<number>`(select workshop_id from reach_fy_workshop where fy = ${fiscalYear})`,
    people: sql`reach_fy_person where fy = ${fiscalYear} and with_enrolments = ${withEnrolments ? 1 : 0}`,
  };
}

/** Whether nothing has changed since the facts were last brought up to date (in this snapshot). */
export async function reachFactsCurrent(db: DB): Promise<boolean> {
  const { rows } = await sql<{ stale: number }>`
    select case when exists (select 1 from reach_dirty_person) or exists (select 1 from reach_dirty_workshop)
      then 1 else 0 end as stale`.execute(db);
  return Number(rows[0].stale) === 0;
}

/**
 * Recomputes the facts of every person and workshop written since the last refresh, in one write
 * transaction (so no write can slip between reading what is dirty and clearing it).
 */
export async function refreshReachFacts(
  db: DB,
  rebuildAbove = REBUILD_ABOVE,
): Promise<{ persons: number; workshops: number }> {
  if (isPostgres(db) || (await reachFactsCurrent(db))) return { persons: 0, workshops: 0 };
  return writeTransaction(db, async (tx) => {
    // Whether the people of a changed workshop attended it may have changed with it (its minimum,
    // its status, its modality, a session's date), so they are recomputed too, every year.
    await sql`insert into reach_dirty_person (person_id, fy)
      select distinct a.person_id, 0 from workshop_session s join attendance a on a.session_id = s.id
      where s.workshop_id in (select workshop_id from reach_dirty_workshop where people = 1)
      on conflict do nothing`.execute(tx);
    const persons = await countPeople(tx, sql`true`);
    const workshops = await countRows(tx, "reach_dirty_workshop");
    const everyYear = await countPeople(tx, sql`fy = 0`);

    const allWorkshops = workshops > rebuildAbove.workshops;
    const workshopScope = allWorkshops ? {} : { workshopIds: DIRTY_WORKSHOPS };

    // Every fiscal year in which a changed workshop has sessions or a changed person took part.
    const sessionsOf = allWorkshops ? sql`true` : sql`s.workshop_id in ${DIRTY_WORKSHOPS}`;
    const attendanceOf = everyYear > rebuildAbove.persons ? sql`true` : sql`a.person_id in ${DIRTY_EVERY_YEAR}`;
    const enrolmentsOf = everyYear > rebuildAbove.persons ? sql`true` : sql`e.person_id in ${DIRTY_EVERY_YEAR}`;
    const { rows: dates } = await sql<{ date: string }>`
      select s.local_date as date from workshop_session s where ${sessionsOf} and s.local_date is not null
      union select s.local_date from attendance a join workshop_session s on s.id = a.session_id
        where ${attendanceOf} and s.local_date is not null
      union select e.enrolled_local_date from enrolment e where ${enrolmentsOf} and e.enrolled_local_date is not null
      union select e.completed_local_date from enrolment e where ${enrolmentsOf} and e.completed_local_date is not null`.execute(
      tx,
    );
    const { rows: marked } = await sql<{
      fy: number;
    }>`select distinct fy from reach_dirty_person where fy <> 0`.execute(tx);
    const fiscalYears = [
      ...new Set([...dates.map((row) => fiscalYearOf(row.date)), ...marked.map((row) => Number(row.fy))]),
    ].sort();

    await sql`delete from reach_fy_workshop where ${allWorkshops ? sql`true` : sql`workshop_id in ${DIRTY_WORKSHOPS}`}`.execute(
      tx,
    );
    // Years in which someone marked for every year no longer takes part; the others are compared below.
    await sql`delete from reach_fy_person
      where person_id in ${DIRTY_EVERY_YEAR} and fy not in (${sql.join(fiscalYears.length ? fiscalYears : [0])})`.execute(
      tx,
    );
    for (const fiscalYear of fiscalYears) {
      const { from, to } = fiscalYearRange(fiscalYear);
      const filters = (countEnrolments: boolean): ReachFilters => ({
        period: { kind: "fy", year: fiscalYear },
        country: null,
        workshopId: null,
        facilitatorId: null,
        courseId: null,
        countEnrolments,
      });
      if (workshops) {
        await createWorkshopTables(tx, filters(false), EVERYTHING, from, to, workshopScope);
        await sql`insert into reach_fy_workshop (fy, workshop_id, first_date, last_date, sessions, attended, walk_ins,
            registered, no_shows, below_minimum)
          select ${fiscalYear}, f.id, f.first_date, f.last_date, f.sessions, f.attended, f.walk_ins, f.registered, f.no_shows,
            f.below_minimum
          from ${workshopFiguresSql(filters(false), from, to)} f`.execute(tx);
      }
      const inYear = await countPeople(tx, sql`fy in (0, ${fiscalYear})`);
      if (!inYear) continue;
      // Many people of the year (an import, the first build): the whole year is recounted.
      const allPersons = inYear > rebuildAbove.persons;
      const personScope = allPersons ? {} : { personIds: dirtyIn(fiscalYear) };
      // A count of every workshop already built every pair of the year: the people are read from it.
      if (!(allWorkshops && allPersons)) {
        await createWorkshopTables(tx, filters(false), EVERYTHING, from, to, personScope);
      }
      await sql`drop table if exists reach_fy_new`.execute(tx);
      await sql`create temporary table reach_fy_new (with_enrolments integer not null, person_id integer not null,
        first_date text not null, month text not null, sex text not null, age_band text not null,
        no_birth_year integer not null, modality_group text not null, country text, region text, cooperative text,
        primary key (with_enrolments, person_id))`.execute(tx);
      for (const withEnrolments of [false, true]) {
        await createPeopleTable(tx, filters(withEnrolments), EVERYTHING, from, to, personScope);
        await sql`insert into reach_fy_new select ${withEnrolments ? 1 : 0}, person_id, first_date, month, sex, age_band,
          no_birth_year, modality_group, country, region, cooperative from reach_people`.execute(tx);
      }
      // Only the rows that changed are written: after an import most of a recounted year is the same,
      // and rewriting 130,000 rows and their four indexes cost more than the count itself.
      await sql`delete from reach_fy_person
        where fy = ${fiscalYear} ${allPersons ? sql`` : sql`and person_id in ${dirtyIn(fiscalYear)}`}
          and not exists (select 1 from reach_fy_new n
            where n.with_enrolments = reach_fy_person.with_enrolments and n.person_id = reach_fy_person.person_id
              and n.first_date = reach_fy_person.first_date and n.month = reach_fy_person.month
              and n.sex = reach_fy_person.sex and n.age_band = reach_fy_person.age_band
              and n.no_birth_year = reach_fy_person.no_birth_year and n.modality_group = reach_fy_person.modality_group
              and n.country is reach_fy_person.country and n.region is reach_fy_person.region
              and n.cooperative is reach_fy_person.cooperative)`.execute(tx);
      await sql`insert into reach_fy_person (fy, with_enrolments, person_id, first_date, month, sex, age_band,
          no_birth_year, modality_group, country, region, cooperative)
        select ${fiscalYear}, n.with_enrolments, n.person_id, n.first_date, n.month, n.sex, n.age_band, n.no_birth_year,
          n.modality_group, n.country, n.region, n.cooperative
        from reach_fy_new n
        where not exists (select 1 from reach_fy_person p
          where p.fy = ${fiscalYear} and p.with_enrolments = n.with_enrolments and p.person_id = n.person_id)`.execute(
        tx,
      );
    }
    for (const table of ["reach_workshop", "reach_attended", "reach_people", "reach_fy_new"]) {
      await sql`drop table if exists ${sql.table(table)}`.execute(tx);
    }
    await sql`delete from reach_dirty_person`.execute(tx);
    await sql`delete from reach_dirty_workshop`.execute(tx);
    return { persons, workshops };
  });
}

/** Distinct people marked dirty under this condition on `fy`. */
async function countPeople(tx: DB, condition: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(distinct person_id) as n from reach_dirty_person where ${condition}`.execute(tx);
  return Number(rows[0].n);
}

async function countRows(tx: DB, table: "reach_dirty_person" | "reach_dirty_workshop"): Promise<number> {
  const row = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
