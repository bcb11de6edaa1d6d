import { waitFor } from "../domain/rate-window";
import { clearRateWindow, deleteEndedRateWindows, hitRateWindow, readRateWindow } from "../models/rate-limit.server";
import { getDb, type DB } from "../utils/db.server";

const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

/**
 * Fixed-window counters kept in the database (table `rate_limit_window`), so that every
 * server process, on one machine or several, counts the same hits (docs/decisions/018).
 * The clock and the handle are injectable so the rules can be tested.
 */
export class RateLimiter {
  constructor(
    /** Stored with each key: one name per limit. */
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private now: () => number = Date.now,
    private db: () => Promise<DB> = getDb,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it is not limited. */
  async retryAfter(key: string): Promise<number> {
    return waitFor(await readRateWindow(await this.db(), this.name, key), this.limit, this.now());
  }

  async hit(key: string): Promise<void> {
    const db = await this.db();
    const now = this.now();
    await hitRateWindow(db, { name: this.name, key, windowMs: this.windowMs, now });
    // Each process sweeps ended windows at most once a minute, on the way.
    if (now - lastSweep >= SWEEP_EVERY_MS || now < lastSweep) {
      lastSweep = now;
      await deleteEndedRateWindows(db, now);
    }
  }

  async reset(key: string): Promise<void> {
    await clearRateWindow(await this.db(), this.name, key);
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

/**
 * Failed logins. Per account it is strict; per IP it is loose, because a
 * cooperative office or a workshop room often shares one address.
 * The numbers are in README ("Security").
 */
export const loginFailuresByAccount = new RateLimiter("login-account", 10, FIFTEEN_MINUTES);
export const loginFailuresByIp = new RateLimiter("login-ip", 100, FIFTEEN_MINUTES);
/**
 * Every sign-up attempt counts, failed ones too: a refused form ("this login is
 * taken") tells whether an account exists, so failures must not be free. Loose
 * enough for a workshop room of thirty signing up together, each with a retry.
 */
export const signupAttemptsByIp = new RateLimiter("signup-ip", 60, ONE_HOUR);

/** Wrong current passwords in "Mi cuenta": a stolen session must not become a password oracle. */
export const passwordChecksByAccount = new RateLimiter("password-check-account", 5, FIFTEEN_MINUTES);

/** Password-reset requests and code attempts (README "Security"). */
export const resetRequestsByIp = new RateLimiter("reset-request-ip", 20, ONE_HOUR);
export const resetRequestsByAccount = new RateLimiter("reset-request-account", 5, ONE_HOUR);
export const resetCodeAttemptsByIp = new RateLimiter("reset-code-ip", 30, FIFTEEN_MINUTES);

/**
 * "Entrar con el código de su tarjeta": wrong code-and-phone pairs. Per code and per phone number
 * they are strict (someone holding one of the two guessing the other); per IP loose, for a
 * workshop room signing in together.
 */
export const cardCodeFailuresByIp = new RateLimiter("card-code-ip", 30, FIFTEEN_MINUTES);
export const cardCodeFailuresByCode = new RateLimiter("card-code-code", 5, FIFTEEN_MINUTES);
export const cardCodeFailuresByPhone = new RateLimiter("card-code-phone", 5, FIFTEEN_MINUTES);
/** "Enviarme un enlace para entrar" requests, counted like reset-link requests. */
export const signInLinkRequestsByIp = new RateLimiter("sign-in-link-ip", 20, ONE_HOUR);
export const signInLinkRequestsByEmail = new RateLimiter("sign-in-link-email", 5, ONE_HOUR);
