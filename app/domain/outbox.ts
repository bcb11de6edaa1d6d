/** Waits between delivery attempts of one e-mail: quick at first, then spread over about a day. */
export const RETRY_DELAYS_MS = [30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600].map((s) => s * 1000);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** What happens to an e-mail after its `attempts`-th delivery attempt failed. */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: "pending"; nextAttemptAt: string } | { status: "failed" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
}
