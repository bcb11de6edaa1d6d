import { sql, type RawBuilder } from "kysely";
import type { Modality, Sex } from "../../db/schema";
import { SEXES } from "../../db/schema";
import {
  AGE_BAND_KEYS,
  AGE_BANDS,
  FUNDER_AGE_KEYS,
  MAX_PLAUSIBLE_AGE,
  funderAgeBand,
  periodRange,
  type AgeBand,
  type FunderAgeBand,
  type ReachFilters,
} from "../domain/reach-filters";
import { ATTENDED_STATUSES } from "../domain/attendance-rule";
import { isPostgres, toNumber, type DB } from "../utils/db.server";
import { refreshLocalDates } from "./local-dates.server";
import { cachedReport, reachCacheable, reachCacheKey, reachDataVersion, rememberReport } from "./reach-cache.server";
import { factsFiscalYear, factsSource, reachFactsCurrent, refreshReachFacts } from "./reach-facts.server";

/**
 * THE place where reach is counted (README "Reach definitions"). Everything is computed in SQL:
 * one pass over attendance builds the (workshop, person) pairs who attended in the period, one
 * pass over enrolments adds course participation, and every figure is a GROUP BY over those two
 * small temporary tables, so the whole report costs about one scan of attendance.
 * Portable SQL: temporary tables, CASE, substr, cast; dates are precomputed local dates.
 */

/** Who is looking: managers and admins see everything; a facilitator only the workshops they facilitate, and no courses. */
export interface ReachViewer {
  accountId: number;
  seesAll: boolean;
}

export type ModalityGroup = Modality | "several" | "courses_only";
export const MODALITY_GROUPS: ModalityGroup[] = ["in_person", "online", "hybrid", "several", "courses_only"];

export interface Count<K> {
  key: K;
  count: number;
}

export interface WorkshopReach {
  id: number;
  title: string;
  modality: Modality;
  place: string | null;
  country: string | null;
  region: string | null;
  firstDate: string;
  lastDate: string;
  sessions: number;
  facilitators: string[];
  /** Registrations with status "registered" (walk-ins included; waitlisted and cancelled excluded). */
  registered: number;
  /** Distinct persons who attended at least one of its sessions in the period (registered or not). */
  attended: number;
  /** Of those who attended, persons without a registration made before the day (none, or one made at the door). */
  walkIns: number;
  /** Registered persons who attended no session in the period: belowMinimum + neverCame. */
  noShows: number;
  /** Registered, did not attend, but were online some minutes (fewer than the minimum) in a session of the period. */
  belowMinimum: number;
  /** Registered, did not attend, and were never online in a session of the period. */
  neverCame: number;
  /** (registered − no-shows) / registered; null when nobody registered. */
  attendanceRate: number | null;
  /** The workshop's own attendance rule: minutes online that count as attending a session. */
  minMinutes: number;
}

export interface CourseReach {
  id: number;
  title: string;
  /** Persons who enrolled in the period. */
  enrolled: number;
  /** Persons who completed in the period (whenever they enrolled). */
  completed: number;
  /** Of those who enrolled in the period, how many had completed by its end. */
  cohortCompleted: number;
  /** cohortCompleted / enrolled; null when nobody enrolled. */
  completionRate: number | null;
}

export interface ReachReport {
  from: string | null;
  to: string | null;
  includesCourses: boolean;
  countEnrolments: boolean;
  headline: {
    workshops: number;
    sessions: number;
    /** Sum over workshops of the persons who attended each: a person at 3 workshops counts 3 times. */
    participations: number;
    uniqueIndividuals: number;
    viaWorkshops: number;
    viaCoursesOnly: number;
    registered: number;
    noShows: number;
    walkIns: number;
    belowMinimum: number;
    neverCame: number;
  };
  workshops: WorkshopReach[];
  bySex: Count<Sex>[];
  byAge: Count<AgeBand>[];
  byFunderAge: Count<FunderAgeBand>[];
  byCountry: Count<string | null>[];
  byRegion: Array<{ country: string | null; region: string | null; count: number }>;
  byCooperative: Count<string | null>[];
  byModality: Count<ModalityGroup>[];
  /** New individuals reached per month (month of their first participation in the period): sums to the total. */
  byMonth: Count<string>[];
  courses: {
    rows: CourseReach[];
    enrolled: number;
    completed: number;
    cohortCompleted: number;
    completionRate: number | null;
  } | null;
  quality: {
    importRowsTotal: number;
    importRowsMatched: number;
    importRowsIgnored: number;
    /** rows matched / rows total of the attendance imports of the period; null without imports. */
    matchedShare: number | null;
    missingSex: number;
    missingBirthYear: number;
    missingCountry: number;
  };
}

const TEMP_TABLES = ["reach_people", "reach_attended", "reach_workshop"] as const;

/** Whether course participation belongs in this report: not for a facilitator, nor when it is narrowed to workshops (a course has no country). */
export function reportIncludesCourses(filters: ReachFilters, viewer: ReachViewer): boolean {
  return viewer.seesAll && filters.workshopId === null && filters.facilitatorId === null && filters.country === null;
}

/** The person-country filter on a column holding a person id: only people whose record says that country. */
function personCountryConditions(filters: ReachFilters, personId: RawBuilder<unknown>): RawBuilder<unknown>[] {
  if (!filters.personCountry) return [];
  return [sql`exists (select 1 from person fp where fp.id = ${personId} and fp.country = ${filters.personCountry})`];
}

function workshopConditions(filters: ReachFilters, viewer: ReachViewer): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`w.status <> 'cancelled'`];
  if (filters.country) conditions.push(sql`w.country = ${filters.country}`);
  if (filters.workshopId) conditions.push(sql`w.id = ${filters.workshopId}`);
  if (filters.courseId) conditions.push(sql`w.course_id = ${filters.courseId}`);
  const facilitatedBy = (accountId: number) =>
    sql`exists (select 1 from workshop_facilitator wf where wf.workshop_id = w.id and wf.account_id = ${accountId})`;
  if (filters.facilitatorId) conditions.push(facilitatedBy(filters.facilitatorId));
  if (!viewer.seesAll) conditions.push(facilitatedBy(viewer.accountId));
  return conditions;
}

function dateConditions(column: RawBuilder<unknown>, from: string | null, to: string | null): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`${column} is not null`];
  if (from) conditions.push(sql`${column} >= ${from}`);
  if (to) conditions.push(sql`${column} <= ${to}`);
  return conditions;
}

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` and `);

/** `minutesCounted` of app/domain/attendance-rule.ts, for a row without a hand correction of its status: minutes set by hand, else imported. */
const minutesCountedSql = sql`coalesce(a.corrected_minutes, a.minutes_online)`;

/**
 * `attendedSession` of app/domain/attendance-rule.ts in SQL, built from the same statuses
 * (tests/integration/attendance-rule-sql.test.ts checks both agree): over attendance `a` of a session of workshop `w`.
 * A hand correction decides; otherwise the roll-call mark or the minutes.
 */
export const attendedSessionSql = sql<boolean>`(a.corrected_status = 'present' or (a.corrected_status is null and (a.status in (${sql.join(ATTENDED_STATUSES.map((status) => sql.lit(status)))}) or ${minutesCountedSql} >= w.attendance_min_minutes)))`;

/** Online some minutes in a session (`minutesCounted(a) > 0`): a hand correction to absent leaves none. */
const connectedSql = sql<boolean>`(a.corrected_status is null and ${minutesCountedSql} > 0)`;

/** Age at participation = year of the first participation in the period − birth year. */
function ageBandSql(): RawBuilder<string> {
  const age = sql`(cast(substr(x.first_date, 1, 4) as integer) - p.birth_year)`;
  const bands = [...AGE_BANDS]
    .reverse()
    .map((band) => sql`when ${age} >= ${sql.lit(band.min)} then ${sql.lit(band.key)}`);
  return sql<string>`case when p.birth_year is null then 'not_stated'
    when ${age} < 0 or ${age} > ${sql.lit(MAX_PLAUSIBLE_AGE)} then 'not_stated'
    ${sql.join(bands, sql` `)} else 'not_stated' end`;
}

/**
 * Narrows what is read to some workshops or some people (subqueries of ids): the reach facts
 * (reach-facts.server.ts) recompute only what changed with the same SQL as a full report.
 */
export interface ReachScope {
  workshopIds?: RawBuilder<unknown>;
  personIds?: RawBuilder<unknown>;
}

function scopeConditions(ids: RawBuilder<unknown> | undefined, column: RawBuilder<unknown>): RawBuilder<unknown>[] {
  return ids ? [sql`${column} in ${ids}`] : [];
}

/**
 * `reach_workshop` (the workshops with sessions in the period) and `reach_attended` (who attended
 * which of them in the period, and when first): the one scan of attendance.
 */
export async function createWorkshopTables(
  tx: DB,
  filters: ReachFilters,
  viewer: ReachViewer,
  from: string | null,
  to: string | null,
  scope: ReachScope = {},
) {
  for (const table of ["reach_workshop", "reach_attended"])
    await sql`drop table if exists ${sql.table(table)}`.execute(tx);
  await sql`create temporary table reach_workshop (id integer primary key, sessions integer not null, first_date text not null, last_date text not null)`.execute(
    tx,
  );
  // Keyed by the pair: no index to build afterwards, and SQLite can fill it by upsert instead of sorting.
  await sql`create temporary table reach_attended (workshop_id integer not null, person_id integer not null, first_date text not null,
    modality text not null, primary key (workshop_id, person_id))${isPostgres(tx) ? sql`` : sql` without rowid`}`.execute(
    tx,
  );

  const sessionInPeriod = and([
    ...dateConditions(sql`s.local_date`, from, to),
    ...workshopConditions(filters, viewer),
    ...scopeConditions(scope.workshopIds, sql`w.id`),
  ]);

  // Narrowed to some people, only their pairs are wanted (reach-facts.server.ts).
  if (!scope.personIds) {
    await sql`insert into reach_workshop (id, sessions, first_date, last_date)
      select w.id, count(*), min(s.local_date), max(s.local_date)
      from workshop w join workshop_session s on s.workshop_id = w.id
      where ${sessionInPeriod}
      group by w.id`.execute(tx);
  }

  const attendedInPeriod = sql`from workshop_session s
    join workshop w on w.id = s.workshop_id
    join attendance a on a.session_id = s.id
    where ${and([
      sessionInPeriod,
      attendedSessionSql,
      ...personCountryConditions(filters, sql`a.person_id`),
      ...scopeConditions(scope.personIds, sql`a.person_id`),
    ])}`;
  if (isPostgres(tx)) {
    // PostgreSQL refuses an upsert that touches a row twice, and aggregates with a hash anyway.
    await sql`insert into reach_attended (workshop_id, person_id, first_date, modality)
      select s.workshop_id, a.person_id, min(s.local_date), min(w.modality) ${attendedInPeriod}
      group by s.workshop_id, a.person_id`.execute(tx);
  } else {
    // SQLite aggregates by sorting; upserting into the keyed table is cheaper (npm run bench:reach).
    await sql`insert into reach_attended (workshop_id, person_id, first_date, modality)
      select s.workshop_id, a.person_id, s.local_date, w.modality ${attendedInPeriod}
      on conflict (workshop_id, person_id) do update
      set first_date = case when excluded.first_date < reach_attended.first_date then excluded.first_date else reach_attended.first_date end`.execute(
      tx,
    );
  }
}

/** `reach_people`: one row per individual reached in the period, with what the disaggregations need, read from the person once. */
export async function createPeopleTable(
  tx: DB,
  filters: ReachFilters,
  viewer: ReachViewer,
  from: string | null,
  to: string | null,
  scope: ReachScope = {},
) {
  await sql`drop table if exists reach_people`.execute(tx);
  await sql`create temporary table reach_people (person_id integer primary key, first_date text not null, month text not null,
    sex text not null, birth_year integer, age_band text not null, no_birth_year integer not null, country text, region text,
    cooperative text, modality_group text not null)`.execute(tx);

  const participations: RawBuilder<unknown>[] = [sql`select person_id, first_date, modality from reach_attended`];
  if (reportIncludesCourses(filters, viewer)) {
    const courseFilters: RawBuilder<unknown>[] = [];
    if (filters.courseId) courseFilters.push(sql`e.course_id = ${filters.courseId}`);
    courseFilters.push(...personCountryConditions(filters, sql`e.person_id`));
    courseFilters.push(...scopeConditions(scope.personIds, sql`e.person_id`));
    const courseMoment = (column: RawBuilder<unknown>) =>
      sql`select e.person_id, ${column} as first_date, null as modality from enrolment e where ${and([
        ...dateConditions(column, from, to),
        ...courseFilters,
      ])}`;
    participations.push(courseMoment(sql`e.completed_local_date`));
    if (filters.countEnrolments) participations.push(courseMoment(sql`e.enrolled_local_date`));
  }

  await sql`insert into reach_people (person_id, first_date, month, sex, birth_year, age_band, no_birth_year, country, region, cooperative, modality_group)
    select x.person_id, x.first_date, substr(x.first_date, 1, 7), p.sex, p.birth_year, ${ageBandSql()},
      case when p.birth_year is null then 1 else 0 end, p.country, p.region, p.cooperative, x.modality_group
    from (
      select person_id, min(first_date) as first_date,
        case when count(distinct modality) = 0 then 'courses_only'
             when count(distinct modality) = 1 then max(modality)
             else 'several' end as modality_group
      from (${sql.join(participations, sql` union all `)}) participation
      group by person_id
    ) x
    join person p on p.id = x.person_id`.execute(tx);
}

/**
 * Where a report reads its figures from: the temporary tables of a fresh count, or the reach facts
 * of a fiscal year. Either way the same queries below turn them into the report.
 */
export interface ReachSource {
  /** A subquery of (id, first_date, last_date, sessions, attended, walk_ins, registered, no_shows, below_minimum). */
  workshopFigures: RawBuilder<unknown>;
  /** A subquery of the same workshops' ids. */
  workshopIds: RawBuilder<number>;
  /** The rows of the people reached, with the columns of `reach_people` (a table, optionally with a where clause). */
  people: RawBuilder<unknown>;
}

async function countBy<K>(tx: DB, people: RawBuilder<unknown>, column: RawBuilder<unknown>): Promise<Count<K>[]> {
  const { rows } = await sql<{ key: K; count: number | string }>`
    select ${column} as key, count(*) as count from ${people} group by ${column}`.execute(tx);
  return rows.map((row) => ({ key: row.key, count: toNumber(row.count) }));
}

/** Fixed categories in a fixed order, zeros included, so tables line up across reports. */
function inOrder<K>(keys: readonly K[], counts: Count<K>[]): Count<K>[] {
  return keys.map((key) => ({ key, count: counts.find((c) => c.key === key)?.count ?? 0 }));
}

/** Open categories by size; "not stated" (null) last. */
function bySize<K>(counts: Count<K | null>[]): Count<K | null>[] {
  const named = counts
    .filter((c) => c.key !== null && c.key !== "")
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  const missing = counts.filter((c) => c.key === null || c.key === "").reduce((sum, c) => sum + c.count, 0);
  return missing ? [...named, { key: null, count: missing }] : named;
}

/** Named values in alphabetical order, "not stated" (null) after them. */
function nullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/**
 * Registered, attended, walk-ins, below the minimum and never came of each workshop in
 * `reach_workshop`: `tallyAttendance` of app/domain/attendance-counts.ts in SQL
 * (tests/integration/attendance-counts-agree.test.ts checks both agree).
 */
export function workshopFiguresSql(filters: ReachFilters, from: string | null, to: string | null): RawBuilder<unknown> {
  return sql`(
    select rw.id, rw.first_date, rw.last_date, rw.sessions, coalesce(ra.attended, 0) as attended,
      coalesce(ra.walk_ins, 0) as walk_ins, coalesce(r.registered, 0) as registered, coalesce(r.no_shows, 0) as no_shows,
      coalesce(r.below_minimum, 0) as below_minimum
    from reach_workshop rw
    left join (
      select ra.workshop_id, count(*) as attended,
        sum(case when exists (
          select 1 from registration r where r.workshop_id = ra.workshop_id and r.person_id = ra.person_id
            and r.status = 'registered' and r.method <> 'walk_in'
        ) then 0 else 1 end) as walk_ins
      from reach_attended ra group by ra.workshop_id
    ) ra on ra.workshop_id = rw.id
    left join (
      select r.workshop_id, count(*) as registered,
        sum(case when ra.person_id is null then 1 else 0 end) as no_shows,
        sum(case when ra.person_id is null and exists (
          select 1 from workshop_session s join attendance a on a.session_id = s.id
          where ${and([sql`s.workshop_id = r.workshop_id and a.person_id = r.person_id and ${connectedSql}`, ...dateConditions(sql`s.local_date`, from, to)])}
        ) then 1 else 0 end) as below_minimum
      from registration r
      left join reach_attended ra on ra.workshop_id = r.workshop_id and ra.person_id = r.person_id
      where ${and([sql`r.workshop_id in (select id from reach_workshop) and r.status = 'registered'`, ...personCountryConditions(filters, sql`r.person_id`)])}
      group by r.workshop_id
    ) r on r.workshop_id = rw.id
  )`;
}

/** The workshop table of the report: each workshop's figures with its title, place and facilitators. */
async function workshopRows(tx: DB, source: ReachSource): Promise<WorkshopReach[]> {
  const { rows } = await sql<{
    id: number;
    title: string;
    modality: Modality;
    place: string | null;
    country: string | null;
    region: string | null;
    first_date: string;
    last_date: string;
    sessions: number;
    attendance_min_minutes: number | string;
    attended: number | string | null;
    registered: number | string | null;
    walk_ins: number | string | null;
    no_shows: number | string | null;
    below_minimum: number | string | null;
  }>`
    select w.id, w.title, w.modality, w.place, w.country, w.region, f.first_date, f.last_date, f.sessions,
      w.attendance_min_minutes, f.attended, f.walk_ins, f.registered, f.no_shows, f.below_minimum
    from ${source.workshopFigures} f
    join workshop w on w.id = f.id
    order by f.first_date, w.title, w.id`.execute(tx);
  const facilitators = await tx
    .selectFrom("workshop_facilitator as wf")
    .innerJoin("account", "account.id", "wf.account_id")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["wf.workshop_id", "person.full_name"])
    .where("wf.workshop_id", "in", source.workshopIds)
    .orderBy("person.full_name")
    .execute();
  return rows.map((row) => {
    const registered = toNumber(row.registered);
    const noShows = toNumber(row.no_shows);
    const belowMinimum = toNumber(row.below_minimum);
    return {
      id: row.id,
      title: row.title,
      modality: row.modality,
      place: row.place,
      country: row.country,
      region: row.region,
      firstDate: row.first_date,
      lastDate: row.last_date,
      sessions: toNumber(row.sessions),
      facilitators: facilitators.filter((f) => f.workshop_id === row.id).map((f) => f.full_name),
      registered,
      attended: toNumber(row.attended),
      walkIns: toNumber(row.walk_ins),
      noShows,
      belowMinimum,
      neverCame: noShows - belowMinimum,
      attendanceRate: registered ? (registered - noShows) / registered : null,
      minMinutes: toNumber(row.attendance_min_minutes),
    };
  });
}

async function courseRows(tx: DB, filters: ReachFilters, from: string | null, to: string | null) {
  const inPeriod = (column: RawBuilder<unknown>) => and(dateConditions(column, from, to));
  const enrolledIn = inPeriod(sql`e.enrolled_local_date`);
  const completedIn = inPeriod(sql`e.completed_local_date`);
  const cohortDone = to
    ? sql`e.completed_local_date is not null and e.completed_local_date <= ${to}`
    : sql`e.completed_local_date is not null`;
  const conditions: RawBuilder<unknown>[] = [sql`(${enrolledIn} or ${completedIn})`];
  if (filters.courseId) conditions.push(sql`e.course_id = ${filters.courseId}`);
  conditions.push(...personCountryConditions(filters, sql`e.person_id`));
  type Row = {
    enrolled: number | string | null;
    completed: number | string | null;
    cohort_completed: number | string | null;
  };
  // A person has one enrolment per course at most, so within a course a sum counts persons; across courses, distinct persons.
  const { rows } = await sql<Row & { id: number; title: string }>`
    select c.id, c.title,
      sum(case when ${enrolledIn} then 1 else 0 end) as enrolled,
      sum(case when ${completedIn} then 1 else 0 end) as completed,
      sum(case when ${enrolledIn} and ${cohortDone} then 1 else 0 end) as cohort_completed
    from enrolment e join course c on c.id = e.course_id
    where ${and(conditions)}
    group by c.id, c.title
    order by c.title`.execute(tx);
  const { rows: totals } = await sql<Row>`
    select count(distinct case when ${enrolledIn} then e.person_id end) as enrolled,
      count(distinct case when ${completedIn} then e.person_id end) as completed,
      count(distinct case when ${enrolledIn} and ${cohortDone} then e.person_id end) as cohort_completed
    from enrolment e
    where ${and(conditions)}`.execute(tx);
  const shape = (row: Row) => {
    const enrolled = toNumber(row.enrolled);
    const cohortCompleted = toNumber(row.cohort_completed);
    return {
      enrolled,
      completed: toNumber(row.completed),
      cohortCompleted,
      completionRate: enrolled ? cohortCompleted / enrolled : null,
    };
  };
  return { rows: rows.map((row) => ({ id: row.id, title: row.title, ...shape(row) })), ...shape(totals[0]) };
}

/** Attendance-import figures of the period; the missing-field figures come from the disaggregations. */
async function importFigures(
  tx: DB,
  filters: ReachFilters,
  viewer: ReachViewer,
  from: string | null,
  to: string | null,
) {
  const { rows: imports } = await sql<{
    total: number | string | null;
    matched: number | string | null;
    ignored: number | string | null;
  }>`
    select sum(ai.rows_total) as total, sum(ai.rows_matched) as matched, sum(ai.rows_ignored) as ignored
    from attendance_import ai
    join workshop_session s on s.id = ai.session_id
    join workshop w on w.id = s.workshop_id
    where ai.undone_at is null
      and ${and([...dateConditions(sql`s.local_date`, from, to), ...workshopConditions(filters, viewer)])}`.execute(tx);
  const total = toNumber(imports[0]?.total);
  const matched = toNumber(imports[0]?.matched);
  return {
    importRowsTotal: total,
    importRowsMatched: matched,
    importRowsIgnored: toNumber(imports[0]?.ignored),
    matchedShare: total ? matched / total : null,
  };
}

/**
 * Sex, age band, modality and month of first participation in one GROUP BY: their combinations
 * are few (a few thousand at most), so one sort of the people reached gives all four tables,
 * each the sum over the others. The age bands are also split by whether the birth year is
 * missing (the data-quality panel tells that apart from implausible ages).
 */
async function categoryCounts(tx: DB, people: RawBuilder<unknown>) {
  const { rows } = await sql<{
    sex: Sex;
    age_band: AgeBand;
    no_birth_year: number | string;
    modality_group: ModalityGroup;
    month: string;
    count: number | string;
  }>`
    select sex, age_band, no_birth_year, modality_group, month, count(*) as count
    from ${people}
    group by sex, age_band, no_birth_year, modality_group, month`.execute(tx);
  const tally = <K>(pick: (row: (typeof rows)[number]) => K): Count<K>[] => {
    const counts = new Map<K, number>();
    for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + toNumber(row.count));
    return [...counts].map(([key, count]) => ({ key, count }));
  };
  const missingBirthYear = rows
    .filter((row) => toNumber(row.no_birth_year) === 1)
    .reduce((sum, row) => sum + toNumber(row.count), 0);
  return {
    sexes: tally((row) => row.sex),
    ages: tally((row) => row.age_band),
    missingBirthYear,
    modalities: tally((row) => row.modality_group),
    months: tally((row) => row.month),
  };
}

/** Country and region in one GROUP BY; the country table is its sum (an empty value counts as not stated). */
async function placeCounts(
  tx: DB,
  people: RawBuilder<unknown>,
): Promise<{ byRegion: ReachReport["byRegion"]; countries: Count<string | null>[] }> {
  const { rows } = await sql<{ country: string | null; region: string | null; count: number | string }>`
    select country, region, count(*) as count from ${people} group by country, region`.execute(tx);
  const regions = new Map<string, ReachReport["byRegion"][number]>();
  const countries = new Map<string | null, number>();
  for (const row of rows) {
    const place = { country: row.country || null, region: row.region || null, count: toNumber(row.count) };
    const key = JSON.stringify([place.country, place.region]);
    regions.set(key, { ...place, count: (regions.get(key)?.count ?? 0) + place.count });
    countries.set(place.country, (countries.get(place.country) ?? 0) + place.count);
  }
  const byRegion = [...regions.values()].sort(
    (a, b) => nullsLast(a.country, b.country) || nullsLast(a.region, b.region) || b.count - a.count,
  );
  return { byRegion, countries: [...countries].map(([key, count]) => ({ key, count })) };
}

/**
 * The full reach report for these filters, as this viewer may see it. All figures come from one
 * read transaction, so they describe the same moment and reconcile with each other.
 */
export async function computeReachReport(db: DB, filters: ReachFilters, viewer: ReachViewer): Promise<ReachReport> {
  // Unchanged data, same report: served again without counting (docs/decisions/017).
  const cacheable = reachCacheable(db);
  const key = reachCacheKey(filters, viewer);
  if (cacheable) {
    const hit = cachedReport<ReachReport>(db, await reachDataVersion(db), key);
    if (hit) return hit;
  }
  await refreshLocalDates(db);
  // A fiscal year as a manager sees it, with no filter: read from the facts kept per fiscal year
  // (docs/decisions/025), after recomputing what changed since they were last brought up to date.
  const fiscalYear = factsFiscalYear(db, filters, viewer);
  if (fiscalYear !== null) await refreshReachFacts(db);
  // A read-only snapshot, not writeTransaction: it must not hold the write lock while it counts.
  // eslint-disable-next-line no-restricted-syntax
  return db.transaction().execute(async (tx) => {
    // Read in the same snapshot as the figures, so the report is filed under the data it counted.
    const version = cacheable ? await reachDataVersion(tx) : null;
    // A write between the refresh and this snapshot leaves the facts stale: then count afresh.
    const facts = fiscalYear !== null && (await reachFactsCurrent(tx));
    const report = facts
      ? await reportFrom(tx, filters, viewer, factsSource(fiscalYear, filters.countEnrolments))
      : await countAfresh(tx, filters, viewer);
    if (version !== null) rememberReport(db, version, key, report);
    return report;
  });
}

/**
 * The report counted from the ledger itself, in the caller's transaction: temporary tables
 * built from one scan of the period's attendance. The reach facts are checked against this.
 */
export async function countAfresh(tx: DB, filters: ReachFilters, viewer: ReachViewer): Promise<ReachReport> {
  if (!tx.isTransaction) {
    // The temporary tables are created inside the transaction, so an error rolls them back too.
    // eslint-disable-next-line no-restricted-syntax
    return tx.transaction().execute((inner) => countAfresh(inner, filters, viewer));
  }
  const { from, to } = periodRange(filters.period);
  await createWorkshopTables(tx, filters, viewer, from, to);
  await createPeopleTable(tx, filters, viewer, from, to);
  const report = await reportFrom(tx, filters, viewer, {
    workshopFigures: workshopFiguresSql(filters, from, to),
    workshopIds: sql<number>`(select id from reach_workshop)`,
    people: sql`reach_people`,
  });
  for (const table of TEMP_TABLES) await sql`drop table if exists ${sql.table(table)}`.execute(tx);
  return report;
}

async function reportFrom(
  tx: DB,
  filters: ReachFilters,
  viewer: ReachViewer,
  source: ReachSource,
): Promise<ReachReport> {
  const { from, to } = periodRange(filters.period);
  const includesCourses = reportIncludesCourses(filters, viewer);
  const workshops = await workshopRows(tx, source);
  // Three GROUP BYs for eight tables (SQLite has no GROUPING SETS); each sorts only the people reached.
  const { sexes, ages, missingBirthYear, modalities, months } = await categoryCounts(tx, source.people);
  const { byRegion, countries } = await placeCounts(tx, source.people);
  const cooperatives = await countBy<string | null>(tx, source.people, sql`cooperative`);
  const byAge = inOrder(AGE_BAND_KEYS, ages);
  const unique = byAge.reduce((sum, c) => sum + c.count, 0);
  const coursesOnly = modalities.find((m) => m.key === "courses_only")?.count ?? 0;
  const sum = (pick: (w: WorkshopReach) => number) => workshops.reduce((total, w) => total + pick(w), 0);
  return {
    from,
    to,
    includesCourses,
    countEnrolments: includesCourses && filters.countEnrolments,
    headline: {
      workshops: workshops.length,
      sessions: sum((w) => w.sessions),
      participations: sum((w) => w.attended),
      uniqueIndividuals: unique,
      viaWorkshops: unique - coursesOnly,
      viaCoursesOnly: coursesOnly,
      registered: sum((w) => w.registered),
      noShows: sum((w) => w.noShows),
      walkIns: sum((w) => w.walkIns),
      belowMinimum: sum((w) => w.belowMinimum),
      neverCame: sum((w) => w.neverCame),
    },
    workshops,
    bySex: inOrder(SEXES, sexes),
    byAge,
    byFunderAge: FUNDER_AGE_KEYS.map((key) => ({
      key,
      count: byAge.filter((band) => funderAgeBand(band.key) === key).reduce((total, band) => total + band.count, 0),
    })),
    byCountry: bySize(countries),
    byRegion,
    byCooperative: bySize(cooperatives),
    byModality: inOrder(MODALITY_GROUPS, modalities),
    byMonth: months.sort((a, b) => a.key.localeCompare(b.key)),
    courses: includesCourses ? await courseRows(tx, filters, from, to) : null,
    quality: {
      ...(await importFigures(tx, filters, viewer, from, to)),
      missingSex: sexes.find((c) => c.key === "not_stated")?.count ?? 0,
      missingBirthYear,
      missingCountry: countries.find((c) => c.key === null)?.count ?? 0,
    },
  };
}

/** The unique count alone, from the same tables and rule (used by the ledger's "merging never raises a count" check). */
export async function countUniqueIndividuals(db: DB, filters: ReachFilters, viewer: ReachViewer): Promise<number> {
  return (await computeReachReport(db, filters, viewer)).headline.uniqueIndividuals;
}
