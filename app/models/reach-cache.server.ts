import type { ReachFilters } from "../domain/reach-filters";
import { isPostgres, toNumber, type DB } from "../utils/db.server";

/**
 * Reports already computed for the current reach data version (docs/decisions/017). The version
 * is a counter that SQLite triggers move on every change to a table the report reads, so an entry
 * is served only while nothing it was computed from has changed; the first report after a write
 * is computed afresh. Per process: each process checks the shared counter, so several processes
 * never serve each other's stale figures. A new table the report reads needs the same triggers (a new
 * migration like 2026-12-02T0200-reach-data-version) and a write in tests/integration/reach-cache.test.ts.
 */
const MAX_ENTRIES = 64;

interface Cache<T> {
  version: string;
  entries: Map<string, T>;
}

const caches = new WeakMap<object, Cache<unknown>>();

/**
 * Whether reports read through `db` may be cached: SQLite only (PostgreSQL keeps no counter, see
 * the migration), and never inside a caller's transaction, whose uncommitted writes may roll back.
 */
export function reachCacheable(db: DB): boolean {
  return !isPostgres(db) && !db.isTransaction;
}

export async function reachDataVersion(db: DB): Promise<string> {
  const row = await db.selectFrom("reach_data_version").select("version").where("id", "=", 1).executeTakeFirst();
  return String(toNumber(row?.version));
}

export function reachCacheKey(filters: ReachFilters, viewer: { accountId: number; seesAll: boolean }): string {
  // Everyone who sees everything sees the same report; a facilitator sees their own workshops.
  return JSON.stringify([filters, viewer.seesAll ? "all" : viewer.accountId]);
}

export function cachedReport<T>(db: DB, version: string, key: string): T | undefined {
  const cache = caches.get(db) as Cache<T> | undefined;
  if (!cache || cache.version !== version) return undefined;
  const hit = cache.entries.get(key);
  return hit === undefined ? undefined : structuredClone(hit);
}

export function rememberReport<T>(db: DB, version: string, key: string, report: T): void {
  let cache = caches.get(db) as Cache<T> | undefined;
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
  cache.entries.set(key, structuredClone(report));
}

/**
 * `compute()` once per data version and key, for a figure read in a single statement from the
 * tables the counter watches (e.g. the likely-duplicates count shown with the report). The version
 * is read before computing: a write in between files a fresher figure under the older version,
 * which no reader can see once that write has moved the counter.
 */
export async function reuseWhileUnchanged<T>(db: DB, key: string, compute: () => Promise<T>): Promise<T> {
  if (!reachCacheable(db)) return compute();
  const version = await reachDataVersion(db);
  const hit = cachedReport<T>(db, version, key);
  if (hit !== undefined) return hit;
  const value = await compute();
  rememberReport(db, version, key, value);
  return value;
}
