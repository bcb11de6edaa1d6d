import type { RateWindow } from "../domain/rate-window";
import type { DB } from "../utils/db.server";

/**
 * Rate-limit windows in the database, so every server process counts the same hits
 * (docs/decisions/018). Each call is one statement: no transaction, no lock held.
 */
export async function readRateWindow(db: DB, name: string, key: string): Promise<RateWindow | null> {
  const row = await db
    .selectFrom("rate_limit_window")
    .select(["count", "reset_at"])
    .where("name", "=", name)
    .where("key", "=", key)
    .executeTakeFirst();
  return row ? { count: Number(row.count), resetAt: Number(row.reset_at) } : null;
}

/** Counts one hit: a new window when there is none or it has ended, else one more in it (atomic upsert). */
export async function hitRateWindow(
  db: DB,
  input: { name: string; key: string; windowMs: number; now: number },
): Promise<RateWindow> {
  const { name, key, now } = input;
  const resetAt = now + input.windowMs;
  const row = await db
    .insertInto("rate_limit_window")
    .values({ name, key, count: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.columns(["name", "key"]).doUpdateSet((eb) => {
        const ended = eb("rate_limit_window.reset_at", "<=", now);
        return {
          count: eb
            .case()
            .when(ended)
            .then(1)
            .else(eb("rate_limit_window.count", "+", 1))
            .end(),
          reset_at: eb.case().when(ended).then(resetAt).else(eb.ref("rate_limit_window.reset_at")).end(),
        };
      }),
    )
    .returning(["count", "reset_at"])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), resetAt: Number(row.reset_at) };
}

export async function clearRateWindow(db: DB, name: string, key: string): Promise<void> {
  await db.deleteFrom("rate_limit_window").where("name", "=", name).where("key", "=", key).execute();
}

/** Windows that have ended count for nothing: deleted in bulk so the table stays small. */
export async function deleteEndedRateWindows(db: DB, now: number): Promise<number> {
  const result = await db.deleteFrom("rate_limit_window").where("reset_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
