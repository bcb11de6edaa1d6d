import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../db/schema";
import { nameKey } from "../domain/names";
import { DIRECTORY_PAGE_SIZE, searchKind, type DirectoryFilters } from "../domain/people-directory";
import { toNumber, type DB } from "../utils/db.server";

const nameWords = (text: string) => nameKey(text).split(" ").filter(Boolean);

/** Whose people a viewer may list: everyone (managers, admins), or those of one facilitator's workshops. */
export type DirectoryScope = { all: true } | { facilitatorAccountId: number };

/** Registered on (in any state) or attended a workshop this account facilitates: the person page's rule. */
function onWorkshopsOf(eb: ExpressionBuilder<Database, "person">, accountId: number) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom("registration as r")
        .innerJoin("workshop_facilitator as f", "f.workshop_id", "r.workshop_id")
        .select("r.id")
        .whereRef("r.person_id", "=", "person.id")
        .where("f.account_id", "=", accountId),
    ),
    eb.exists(
      eb
        .selectFrom("attendance as t")
        .innerJoin("workshop_session as s", "s.id", "t.session_id")
        .innerJoin("workshop_facilitator as f", "f.workshop_id", "s.workshop_id")
        .select("t.id")
        .whereRef("t.person_id", "=", "person.id")
        .where("f.account_id", "=", accountId),
    ),
  ]);
}

/** The directory's conditions; name words match inside `name_key`, so accents, case and order do not matter. */
function matching(filters: DirectoryFilters, scope: DirectoryScope) {
  return (eb: ExpressionBuilder<Database, "person">) => {
    const conditions = [eb("person.erased_at", "is", null)];
    if ("facilitatorAccountId" in scope) conditions.push(onWorkshopsOf(eb, scope.facilitatorAccountId));
    const search = searchKind(filters.q, nameWords);
    if (search.kind === "email") conditions.push(eb("person.email", "like", `%${likeText(search.text)}%`));
    if (search.kind === "phone") conditions.push(eb("person.phone", "like", `%${search.digits}%`));
    if (search.kind === "name") {
      for (const word of search.words) conditions.push(eb("person.name_key", "like", `%${word}%`));
    }
    if (filters.country) conditions.push(eb("person.country", "=", filters.country));
    if (filters.cooperative) conditions.push(eb("person.cooperative", "=", filters.cooperative));
    if (filters.missing === "country") conditions.push(eb("person.country", "is", null));
    if (filters.missing === "birthYear") conditions.push(eb("person.birth_year", "is", null));
    if (filters.missing === "sex") conditions.push(eb("person.sex", "=", "not_stated"));
    if (filters.missing === "region") {
      // Only where a region can be chosen: a programme country is known.
      conditions.push(eb("person.region", "is", null), eb("person.country", "is not", null));
      conditions.push(eb("person.country", "<>", "OTHER"));
    }
    return eb.and(conditions);
  };
}

/** `%` and `_` typed in an e-mail search are literal characters there, not wildcards. */
function likeText(text: string): string {
  return text.replace(/[%_]/g, "");
}

/** One page of the people directory (50 people, by name) and how many match in all: two queries. */
export async function searchPeople(db: DB, filters: DirectoryFilters, scope: DirectoryScope) {
  const where = matching(filters, scope);
  const total = await db
    .selectFrom("person")
    .select((eb) => eb.fn.countAll().as("n"))
    .where(where)
    .executeTakeFirst();
  const rows = await db
    .selectFrom("person")
    .select([
      "person.id",
      "person.full_name as fullName",
      "person.email",
      "person.phone",
      "person.country",
      "person.region",
      "person.cooperative",
      "person.birth_year as birthYear",
    ])
    .where(where)
    .orderBy("person.name_key")
    .orderBy("person.id")
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((filters.page - 1) * DIRECTORY_PAGE_SIZE)
    .execute();
  const count = toNumber(total?.n as number | string | undefined);
  return { rows, total: count, pages: Math.max(1, Math.ceil(count / DIRECTORY_PAGE_SIZE)) };
}

/** The cooperatives on record, for the directory's filter. */
export async function listCooperatives(db: DB): Promise<string[]> {
  const rows = await db
    .selectFrom("person")
    .select("cooperative")
    .distinct()
    .where("cooperative", "is not", null)
    .where("cooperative", "<>", "")
    .orderBy("cooperative")
    .limit(500)
    .execute();
  return rows.map((row) => row.cooperative!);
}
