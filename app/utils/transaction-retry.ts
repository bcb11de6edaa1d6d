/**
 * When PostgreSQL aborts a transaction to keep it serializable (SQLSTATE 40001) or to
 * break a deadlock (40P01), the manual's advice is to run the whole transaction again.
 * Pure rules here; `writeTransaction` (db.server.ts) applies them.
 */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(["40001", "40P01"]);

/** Attempts in all, the first included: enough for heavy contention, bounded so a bug cannot spin forever. */
export const MAX_TRANSACTION_ATTEMPTS = 12;

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE_SQLSTATES.has(code);
}

/**
 * "Full jitter" exponential backoff: a random wait up to 4 ms × 2^(attempt−1), capped at 250 ms,
 * so transactions that collided do not collide again in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(250, 4 * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
