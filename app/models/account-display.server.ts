import type { DB } from "../utils/db.server";

/** Remembers "Letra grande" on the account, so the next sign-in on any device starts with it. */
export async function setLargeText(db: DB, accountId: number, largeText: boolean): Promise<void> {
  await db
    .updateTable("account")
    .set({ large_text: largeText ? 1 : 0, updated_at: new Date().toISOString() })
    .where("id", "=", accountId)
    .execute();
}
