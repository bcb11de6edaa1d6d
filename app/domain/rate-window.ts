/** A fixed rate-limit window: how many hits so far, and when (ms since 1970) the window ends. */
export interface RateWindow {
  count: number;
  resetAt: number;
}

/** Milliseconds until the key may try again, or 0 when it is not limited. */
export function waitFor(window: RateWindow | null | undefined, limit: number, now: number): number {
  if (!window || window.resetAt <= now) return 0;
  return window.count >= limit ? window.resetAt - now : 0;
}
