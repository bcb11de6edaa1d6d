import type { ConsentMethod, Locale, Person, Sex } from "../../db/schema";
import { CONSENT_NOTICE_VERSION } from "../domain/consent";
import { cleanName, nameKey } from "../domain/names";
import type { DB } from "../utils/db.server";

export interface NewPersonInput {
  fullName: string;
  /** Already normalised (normalizeEmail / normalizePhone). */
  email?: string | null;
  phone?: string | null;
  sex?: Sex;
  birthYear?: number | null;
  country?: string | null;
  region?: string | null;
  cooperative?: string | null;
  locale?: Locale;
  /** Who gave consent: the person themself, or verbally to a staff member (their account id). */
  consent: { method: ConsentMethod; recordedBy?: number | null } | null;
}

/** Inserts a person (inside the caller's transaction when given one). */
export async function createPerson(db: DB, input: NewPersonInput): Promise<number> {
  const now = new Date().toISOString();
  const fullName = cleanName(input.fullName);
  const row = await db
    .insertInto("person")
    .values({
      full_name: fullName,
      name_key: nameKey(fullName),
      email: input.email ?? null,
      phone: input.phone ?? null,
      sex: input.sex ?? "not_stated",
      birth_year: input.birthYear ?? null,
      country: input.country ?? null,
      region: input.region ?? null,
      cooperative: input.cooperative ?? null,
      preferred_language: input.locale ?? "es",
      consent_given_at: input.consent ? now : null,
      consent_notice_version: input.consent ? CONSENT_NOTICE_VERSION : null,
      consent_method: input.consent?.method ?? null,
      consent_recorded_by: input.consent?.recordedBy ?? null,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person with exactly this normalised e-mail or phone, if any (e-mail first). */
export async function findPersonByContact(
  db: DB,
  contact: { email?: string | null; phone?: string | null },
): Promise<Person | undefined> {
  for (const field of ["email", "phone"] as const) {
    const value = contact[field];
    if (!value) continue;
    const person = await db.selectFrom("person").selectAll().where(field, "=", value).orderBy("id").executeTakeFirst();
    if (person) return person;
  }
  return undefined;
}

/** People whose name matches ignoring accents, case and word order: candidates for "¿es esta persona?". */
export async function findPersonsWithSimilarName(db: DB, fullName: string, limit = 10): Promise<Person[]> {
  return db
    .selectFrom("person")
    .selectAll()
    .where("name_key", "=", nameKey(fullName))
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function updateProfile(
  db: DB,
  personId: number,
  changes: { fullName: string; locale: Locale; country: string | null; region: string | null },
): Promise<void> {
  const fullName = cleanName(changes.fullName);
  await db
    .updateTable("person")
    .set({
      full_name: fullName,
      name_key: nameKey(fullName),
      preferred_language: changes.locale,
      country: changes.country,
      region: changes.region,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", personId)
    .execute();
}

/** Where the person said they live, for their own profile form. */
export async function getPlace(db: DB, personId: number) {
  return db.selectFrom("person").select(["country", "region"]).where("id", "=", personId).executeTakeFirst();
}

export async function setPreferredLanguage(db: DB, personId: number, locale: Locale): Promise<void> {
  await db
    .updateTable("person")
    .set({ preferred_language: locale, updated_at: new Date().toISOString() })
    .where("id", "=", personId)
    .execute();
}

export async function personExists(db: DB, personId: number): Promise<boolean> {
  if (!Number.isInteger(personId)) return false;
  return (await db.selectFrom("person").select("id").where("id", "=", personId).executeTakeFirst()) !== undefined;
}

export async function getConsent(db: DB, personId: number) {
  return db
    .selectFrom("person")
    .select(["consent_given_at", "consent_notice_version", "consent_method", "consent_withdrawn_at"])
    .where("id", "=", personId)
    .executeTakeFirst();
}
