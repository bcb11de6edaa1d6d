import { sql } from "kysely";
import { fiscalYearOf, type Period } from "../domain/reach-filters";
import type { ReachViewer } from "./reach.server";
import type { DB } from "../utils/db.server";

/** What the filter form may offer this viewer: only workshops they may see, facilitators and courses for managers. */
export async function listVisibleWorkshops(db: DB, viewer: ReachViewer) {
  let query = db
    .selectFrom("workshop as w")
    .leftJoin("workshop_session as s", "s.workshop_id", "w.id")
    .select(["w.id", "w.title", sql<string | null>`min(s.local_date)`.as("first_date")])
    .where("w.status", "<>", "cancelled")
    .groupBy(["w.id", "w.title"])
    .orderBy(sql`min(s.local_date)`, "desc")
    .orderBy("w.title");
  if (!viewer.seesAll) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("workshop_facilitator as wf")
          .select("wf.account_id")
          .whereRef("wf.workshop_id", "=", "w.id")
          .where("wf.account_id", "=", viewer.accountId),
      ),
    );
  }
  return query.execute();
}

export async function listFacilitators(db: DB) {
  return db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id", "person.full_name"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("workshop_facilitator as wf")
          .select("wf.account_id")
          .whereRef("wf.account_id", "=", "account.id"),
      ),
    )
    .orderBy("person.full_name")
    .execute();
}

export async function listCourses(db: DB) {
  return db.selectFrom("course").select(["id", "title"]).orderBy("title").execute();
}

/** The years for which the period list offers fiscal and calendar years: from the first data to next year. */
export async function dataYearRange(db: DB, today: string): Promise<{ first: number; last: number }> {
  const row = await db
    .selectFrom("workshop_session")
    .select(sql<string | null>`min(local_date)`.as("first"))
    .executeTakeFirst();
  const enrolled = await db
    .selectFrom("enrolment")
    .select(sql<string | null>`min(enrolled_local_date)`.as("first"))
    .executeTakeFirst();
  const candidates = [row?.first, enrolled?.first, today].filter((d): d is string => Boolean(d));
  const first = Number(candidates.sort()[0].slice(0, 4));
  return { first, last: fiscalYearOf(today) };
}

/**
 * The report opens on the fiscal year of the latest attended session up to today, so a manager
 * sees figures at once; the current fiscal year when nothing has happened yet.
 */
export async function defaultPeriod(db: DB, viewer: ReachViewer, today: string): Promise<Period> {
  let query = db
    .selectFrom("workshop_session as s")
    .select(sql<string | null>`max(s.local_date)`.as("latest"))
    .where("s.local_date", "<=", today)
    .where((eb) => eb.exists(eb.selectFrom("attendance as a").select("a.id").whereRef("a.session_id", "=", "s.id")));
  if (!viewer.seesAll) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("workshop_facilitator as wf")
          .select("wf.account_id")
          .whereRef("wf.workshop_id", "=", "s.workshop_id")
          .where("wf.account_id", "=", viewer.accountId),
      ),
    );
  }
  const latest = (await query.executeTakeFirst())?.latest;
  return { kind: "fy", year: fiscalYearOf(latest ?? today) };
}
