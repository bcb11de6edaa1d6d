import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { eraseTraces } from "./erasure-traces.server";

/**
 * Rights over personal data (Peru, Ley 29733): access (export), withdrawal of
 * consent, and erasure that keeps every reach figure unchanged.
 */

export type PersonDataExport = Record<string, Array<Record<string, unknown>>>;

/**
 * Everything stored about one person, table by table (secrets such as password hashes excluded), with
 * the title of each workshop, course and lesson beside its id so the person can read it, and the
 * e-mails the outbox sent or will send them (subject, kind, status and dates; not the body).
 */
export async function exportPersonData(db: DB, personId: number): Promise<PersonDataExport> {
  const [person, accounts, registrations, enrolments, completions, certificates, attendance] = await Promise.all([
    db.selectFrom("person").selectAll().where("id", "=", personId).execute(),
    db
      .selectFrom("account")
      .select(["id", "email", "phone", "role", "large_text", "created_at", "updated_at"])
      .where("person_id", "=", personId)
      .execute(),
    db
      .selectFrom("registration")
      .innerJoin("workshop", "workshop.id", "registration.workshop_id")
      .selectAll("registration")
      .select("workshop.title as workshop_title")
      .where("registration.person_id", "=", personId)
      .orderBy("registration.id")
      .execute(),
    db
      .selectFrom("enrolment")
      .innerJoin("course", "course.id", "enrolment.course_id")
      .selectAll("enrolment")
      .select("course.title as course_title")
      .where("enrolment.person_id", "=", personId)
      .orderBy("enrolment.id")
      .execute(),
    db
      .selectFrom("lesson_completion")
      .innerJoin("lesson", "lesson.id", "lesson_completion.lesson_id")
      .innerJoin("course", "course.id", "lesson.course_id")
      .selectAll("lesson_completion")
      .select(["lesson.title as lesson_title", "course.title as course_title"])
      .where("lesson_completion.person_id", "=", personId)
      .orderBy("lesson_completion.id")
      .execute(),
    db.selectFrom("certificate").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
    db
      .selectFrom("attendance")
      .innerJoin("workshop_session", "workshop_session.id", "attendance.session_id")
      .innerJoin("workshop", "workshop.id", "workshop_session.workshop_id")
      .selectAll("attendance")
      .select(["workshop.title as workshop_title", "workshop_session.starts_at as session_starts_at"])
      .where("attendance.person_id", "=", personId)
      .orderBy("attendance.id")
      .execute(),
  ]);
  const { name_key: _key, ...personFields } = person[0] ?? {};
  return {
    person: person.length ? [personFields] : [],
    account: accounts,
    registration: registrations,
    enrolment: enrolments,
    lesson_completion: completions,
    certificate: certificates,
    attendance,
    email: await emailsTo(db, personId),
  };
}

/**
 * The e-mails addressed to this person: those the outbox filed under them, and those to one of
 * their own addresses filed under nobody (never another person's mail that shares an address).
 */
async function emailsTo(db: DB, personId: number) {
  const addresses = await db
    .selectFrom("person")
    .select("email")
    .where("id", "=", personId)
    .unionAll(db.selectFrom("account").select("email").where("person_id", "=", personId))
    .execute();
  const own = addresses.map((a) => a.email?.toLowerCase()).filter((a): a is string => Boolean(a));
  return db
    .selectFrom("email_outbox")
    .select(["id", "subject", "kind", "status", "created_at", "sent_at"])
    .where((eb) =>
      eb.or([
        eb("person_id", "=", personId),
        ...(own.length ? [eb.and([eb("person_id", "is", null), eb("to_address", "in", own)])] : []),
      ]),
    )
    .orderBy("id")
    .execute();
}

export async function withdrawConsent(db: DB, personId: number, actorAccountId: number | null): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    await tx
      .updateTable("person")
      .set({ consent_withdrawn_at: now, updated_at: now })
      .where("id", "=", personId)
      .execute();
    await recordAudit(tx, { actorAccountId, action: "consent.withdrawn", subjectType: "person", subjectId: personId });
  });
}

/** People who withdrew consent and are waiting for an administrator to erase their data. */
export async function listPendingErasures(db: DB) {
  return db
    .selectFrom("person")
    .select(["id", "full_name", "email", "phone", "consent_withdrawn_at"])
    .where("consent_withdrawn_at", "is not", null)
    .where("erased_at", "is", null)
    .orderBy("consent_withdrawn_at")
    .execute();
}

/**
 * Erases a person's identifying data across every table while keeping the rows
 * that reach figures count. Kept: sex, birth year, country, region and
 * cooperative (aggregate attributes the disaggregations need); erased: name,
 * e-mail, phone, login, sessions, reset codes, names copied into certificates,
 * mail to them (unsent: deleted; sent: emptied), their name and contacts in audit
 * details (the events stay) and their rows in attendance reports awaiting review.
 */
export async function erasePerson(db: DB, personId: number, adminAccountId: number): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const person = await tx
      .selectFrom("person")
      .select(["id", "full_name", "email", "phone", "erased_at"])
      .where("id", "=", personId)
      .executeTakeFirst();
    if (!person || person.erased_at) return false;
    const now = new Date().toISOString();
    const accounts = await tx
      .selectFrom("account")
      .select(["id", "email", "phone"])
      .where("person_id", "=", personId)
      .execute();
    await eraseTraces(
      tx,
      personId,
      accounts.map((a) => a.id),
      {
        names: [person.full_name],
        emails: [person.email, ...accounts.map((a) => a.email)],
        phones: [person.phone, ...accounts.map((a) => a.phone)],
      },
    );
    await tx
      .updateTable("person")
      .set({
        full_name: "",
        name_key: "",
        email: null,
        phone: null,
        consent_recorded_by: null,
        consent_withdrawn_at: now,
        erased_at: now,
        updated_at: now,
      })
      .where("id", "=", personId)
      .execute();
    for (const { id } of accounts) {
      await tx.deleteFrom("session").where("account_id", "=", id).execute();
      await tx.deleteFrom("password_reset").where("account_id", "=", id).execute();
      await tx.deleteFrom("access_card").where("account_id", "=", id).execute();
      await tx.deleteFrom("sign_in_link").where("account_id", "=", id).execute();
      await tx.deleteFrom("client_submission").where("account_id", "=", id).execute();
      // The row stays (other records may name this account as the staff member who acted), but it can never log in again.
      await tx
        .updateTable("account")
        .set({ email: `erased-${id}`, phone: null, password_hash: "!", role: "member", updated_at: now })
        .where("id", "=", id)
        .execute();
    }
    await tx.updateTable("certificate").set({ full_name: "" }).where("person_id", "=", personId).execute();
    await recordAudit(tx, {
      actorAccountId: adminAccountId,
      action: "person.erased",
      subjectType: "person",
      subjectId: personId,
    });
    return true;
  });
}

export async function listAuditLog(db: DB, limit = 200) {
  return db
    .selectFrom("audit_log")
    .leftJoin("account", "account.id", "audit_log.actor_account_id")
    .leftJoin("person", "person.id", "account.person_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.details",
      "audit_log.created_at",
      "person.full_name as actor_name",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();
}
