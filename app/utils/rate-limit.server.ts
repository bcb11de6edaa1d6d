/**
 * Fixed-window counters kept in memory: enough for one server process.
 * The clock is injectable so the rules can be unit-tested.
 */
export class RateLimiter {
  private windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it is not limited. */
  retryAfter(key: string): number {
    const entry = this.windows.get(key);
    if (!entry) return 0;
    const now = this.now();
    if (entry.resetAt <= now) {
      this.windows.delete(key);
      return 0;
    }
    return entry.count >= this.limit ? entry.resetAt - now : 0;
  }

  hit(key: string): void {
    const now = this.now();
    const entry = this.windows.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.windows.size > 50_000) this.sweep(now);
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    } else {
      entry.count += 1;
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number) {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Failed logins. Per account it is strict; per IP it is loose, because a
 * cooperative office or a workshop room often shares one address.
 * The numbers are in README ("Security").
 */
export const loginFailuresByAccount = new RateLimiter(10, FIFTEEN_MINUTES);
export const loginFailuresByIp = new RateLimiter(100, FIFTEEN_MINUTES);
/**
 * Every sign-up attempt counts, failed ones too: a refused form ("this login is
 * taken") tells whether an account exists, so failures must not be free. Loose
 * enough for a workshop room of thirty signing up together, each with a retry.
 */
export const signupAttemptsByIp = new RateLimiter(60, 60 * 60 * 1000);

/** Wrong current passwords in "Mi cuenta": a stolen session must not become a password oracle. */
export const passwordChecksByAccount = new RateLimiter(5, FIFTEEN_MINUTES);

/** Password-reset requests and code attempts (README "Security"). */
export const resetRequestsByIp = new RateLimiter(20, 60 * 60 * 1000);
export const resetRequestsByAccount = new RateLimiter(5, 60 * 60 * 1000);
export const resetCodeAttemptsByIp = new RateLimiter(30, FIFTEEN_MINUTES);
