import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts database queries per HTTP request, so tests can catch N+1 patterns
 * over real requests. Only on when MINKA_COUNT_QUERIES=1 (tests, benchmarks).
 */
// One store per process: the server entry and the Remix server build each load their own copy of this module.
const key = Symbol.for("minka.query-count");
const store: AsyncLocalStorage<{ queries: number }> = ((globalThis as Record<symbol, unknown>)[key] ??=
  new AsyncLocalStorage()) as AsyncLocalStorage<{
  queries: number;
}>;

export const countingQueries = () => process.env.MINKA_COUNT_QUERIES === "1";

export function withQueryCount<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter = { queries: 0 };
  return store.run(counter, async () => ({ result: await run(), queries: counter.queries }));
}

export function noteQuery(): void {
  const counter = store.getStore();
  if (counter) counter.queries += 1;
}
