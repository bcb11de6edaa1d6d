import type { Role } from "../../db/schema";
import { cleanName, nameKey } from "../domain/names";
import { changedFacts, type PersonFactChanges, type PersonFacts } from "../domain/person-changes";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";

/** One person as the staff person page shows them, with the role of their login if they have one. */
export async function findPersonRecord(db: DB, personId: number) {
  const row = await db
    .selectFrom("person as p")
    .leftJoin("account as a", "a.person_id", "p.id")
    .select([
      "p.id",
      "p.full_name",
      "p.email",
      "p.phone",
      "p.sex",
      "p.birth_year",
      "p.country",
      "p.region",
      "p.cooperative",
      "p.preferred_language",
      "p.consent_given_at",
      "p.consent_notice_version",
      "p.consent_method",
      "p.consent_withdrawn_at",
      "p.erased_at",
      "a.role as account_role",
    ])
    .where("p.id", "=", personId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { account_role, ...person } = row;
  return { ...person, accountRole: (account_role ?? null) as Role | null };
}

export type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPersonRecord>>>;

/** Whether this person is registered on (in any state) or attended a workshop this account facilitates. */
export async function isOnWorkshopOf(db: DB, accountId: number, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom("workshop_facilitator as f")
    .select("f.workshop_id")
    .where("f.account_id", "=", accountId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("registration as r")
            .select("r.id")
            .whereRef("r.workshop_id", "=", "f.workshop_id")
            .where("r.person_id", "=", personId),
        ),
        eb.exists(
          eb
            .selectFrom("attendance as t")
            .innerJoin("workshop_session as s", "s.id", "t.session_id")
            .select("t.id")
            .whereRef("s.workshop_id", "=", "f.workshop_id")
            .where("t.person_id", "=", personId),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Registrations, attendance (with minutes online), courses and certificates of one person, newest first. */
export async function personHistory(db: DB, personId: number) {
  const [registrations, attendance, courses, certificates] = await Promise.all([
    db
      .selectFrom("registration as r")
      .innerJoin("workshop as w", "w.id", "r.workshop_id")
      .select(["w.id as workshopId", "w.title", "r.status", "r.method", "r.created_at as registeredAt"])
      .where("r.person_id", "=", personId)
      .orderBy("r.created_at", "desc")
      .execute(),
    db
      .selectFrom("attendance as t")
      .innerJoin("workshop_session as s", "s.id", "t.session_id")
      .innerJoin("workshop as w", "w.id", "s.workshop_id")
      .select([
        "w.id as workshopId",
        "w.title",
        "w.timezone",
        "s.starts_at as startsAt",
        "t.status",
        "t.minutes_online as minutesOnline",
        "t.corrected_status as correctedStatus",
        "t.corrected_minutes as correctedMinutes",
        "t.correction_reason as correctionReason",
      ])
      .where("t.person_id", "=", personId)
      .orderBy("s.starts_at", "desc")
      .execute(),
    db
      .selectFrom("enrolment as e")
      .innerJoin("course as c", "c.id", "e.course_id")
      .select([
        "c.slug",
        "c.title",
        "e.enrolled_at as enrolledAt",
        "e.completed_at as completedAt",
        "e.left_at as leftAt",
      ])
      .where("e.person_id", "=", personId)
      .orderBy("e.enrolled_at", "desc")
      .execute(),
    db
      .selectFrom("certificate")
      .select(["code", "course_title as courseTitle", "issued_at as issuedAt"])
      .where("person_id", "=", personId)
      .orderBy("issued_at", "desc")
      .execute(),
  ]);
  return { registrations, attendance, courses, certificates };
}

export type DuplicateHint = "email" | "phone" | "name";

/**
 * Other people who may be this one: the same e-mail, phone or name key (each lookup uses an index),
 * except erased people and pairs a manager already judged to be different people. At most 10.
 */
export async function likelyDuplicatesOf(
  db: DB,
  person: { id: number; email: string | null; phone: string | null; full_name: string },
) {
  const key = nameKey(person.full_name);
  if (!person.email && !person.phone && !key) return [];
  const rows = await db
    .selectFrom("person as p")
    .select(["p.id", "p.full_name", "p.email", "p.phone", "p.name_key"])
    .where("p.id", "<>", person.id)
    .where("p.erased_at", "is", null)
    .where((eb) =>
      eb.or([
        ...(person.email ? [eb("p.email", "=", person.email)] : []),
        ...(person.phone ? [eb("p.phone", "=", person.phone)] : []),
        ...(key ? [eb("p.name_key", "=", key)] : []),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("person_distinct as d")
            .select("d.person_a")
            .where((d) =>
              d.or([
                d.and([d("d.person_a", "=", person.id), d("d.person_b", "=", d.ref("p.id"))]),
                d.and([d("d.person_b", "=", person.id), d("d.person_a", "=", d.ref("p.id"))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy("p.id")
    .limit(10)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    reasons: [
      ...(person.email && row.email === person.email ? ["email" as const] : []),
      ...(person.phone && row.phone === person.phone ? ["phone" as const] : []),
      ...(key && row.name_key === key ? ["name" as const] : []),
    ] satisfies DuplicateHint[],
  }));
}

/** Whether another person (or another person's login) already has this e-mail or phone. */
async function contactsTakenByOthers(
  db: DB,
  personId: number,
  contacts: { email?: string | null; phone?: string | null },
) {
  const taken: Array<"email" | "phone"> = [];
  for (const field of ["email", "phone"] as const) {
    const value = contacts[field];
    if (!value) continue;
    const person = await db
      .selectFrom("person")
      .select("id")
      .where(field, "=", value)
      .where("id", "<>", personId)
      .executeTakeFirst();
    const account = await db
      .selectFrom("account")
      .select("id")
      .where(field, "=", value)
      .where("person_id", "<>", personId)
      .executeTakeFirst();
    if (person || account) taken.push(field);
  }
  return taken;
}

export type PersonUpdateResult =
  | { ok: true; changed: boolean }
  | { ok: false; error: "notFound" | "erased" }
  | { ok: false; error: "contactTaken"; fields: Array<"email" | "phone"> };

/**
 * Corrects a person's facts in one transaction, with an audit entry (`person.updated`) holding the
 * old and new value of each changed field. A contact another person already has is refused, never
 * taken over. Fields left out of `changes` (contacts of someone with a login) are not touched.
 */
export async function updatePersonRecord(
  db: DB,
  input: { personId: number; actorAccountId: number; changes: PersonFactChanges },
): Promise<PersonUpdateResult> {
  return writeTransaction(db, async (tx) => {
    const row = await tx.selectFrom("person").selectAll().where("id", "=", input.personId).executeTakeFirst();
    if (!row) return { ok: false, error: "notFound" };
    if (row.erased_at) return { ok: false, error: "erased" };
    const before: PersonFacts = {
      fullName: row.full_name,
      email: row.email,
      phone: row.phone,
      sex: row.sex,
      birthYear: row.birth_year,
      country: row.country,
      region: row.region,
      cooperative: row.cooperative,
      preferredLanguage: row.preferred_language,
    };
    const changes = { ...input.changes };
    if (changes.fullName !== undefined) changes.fullName = cleanName(changes.fullName);
    const diff = changedFacts(before, changes);
    if (!diff) return { ok: true, changed: false };
    const taken = await contactsTakenByOthers(tx, input.personId, {
      email: diff.after.email,
      phone: diff.after.phone,
    });
    if (taken.length > 0) return { ok: false, error: "contactTaken", fields: taken };
    const a = diff.after;
    await tx
      .updateTable("person")
      .set({
        ...(a.fullName !== undefined ? { full_name: a.fullName, name_key: nameKey(a.fullName) } : {}),
        ...("email" in a ? { email: a.email } : {}),
        ...("phone" in a ? { phone: a.phone } : {}),
        ...(a.sex !== undefined ? { sex: a.sex } : {}),
        ...("birthYear" in a ? { birth_year: a.birthYear } : {}),
        ...("country" in a ? { country: a.country } : {}),
        ...("region" in a ? { region: a.region } : {}),
        ...("cooperative" in a ? { cooperative: a.cooperative } : {}),
        ...(a.preferredLanguage !== undefined ? { preferred_language: a.preferredLanguage } : {}),
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", input.personId)
      .execute();
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "person.updated",
      subjectType: "person",
      subjectId: input.personId,
      details: diff,
    });
    return { ok: true, changed: true };
  });
}
