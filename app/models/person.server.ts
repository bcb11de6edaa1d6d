import type { Locale } from "../../db/schema";
import { getDb } from "../utils/db.server";

export async function updateProfile(personId: number, changes: { fullName: string; locale: Locale }): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("person")
    .set({ full_name: changes.fullName, preferred_language: changes.locale, updated_at: new Date().toISOString() })
    .where("id", "=", personId)
    .execute();
}

export async function setPreferredLanguage(personId: number, locale: Locale): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("person")
    .set({ preferred_language: locale, updated_at: new Date().toISOString() })
    .where("id", "=", personId)
    .execute();
}
