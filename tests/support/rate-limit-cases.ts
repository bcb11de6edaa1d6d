import { expect, it } from "vitest";
import { RateLimiter } from "../../app/auth/rate-limit.server";
import { getDb } from "../../app/utils/db.server";

/** The rate-limit rules, run against whichever database DATABASE_URL opens (SQLite or PostgreSQL). */
export function rateLimitCases() {
  it("limits after `limit` hits within the window, then lets go", async () => {
    let now = 1_800_000_000_000; // past 2^31 seconds' worth of ms: bigint on PostgreSQL
    const limiter = new RateLimiter("test-window", 3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(await limiter.retryAfter("ip")).toBe(0);
      await limiter.hit("ip");
    }
    now += 400;
    expect(await limiter.retryAfter("ip")).toBe(600);
    expect(await limiter.retryAfter("other")).toBe(0);
    expect(await new RateLimiter("another-limit", 3, 1000, () => now).retryAfter("ip")).toBe(0);
    now += 600;
    expect(await limiter.retryAfter("ip")).toBe(0);
    await limiter.hit("ip");
    expect(await limiter.retryAfter("ip")).toBe(0);
  });

  it("forgets a key on reset", async () => {
    const limiter = new RateLimiter("test-reset", 1, 1000, () => 0);
    await limiter.hit("a");
    expect(await limiter.retryAfter("a")).toBeGreaterThan(0);
    await limiter.reset("a");
    expect(await limiter.retryAfter("a")).toBe(0);
  });

  it("counts concurrent hits exactly (one shared counter, not one per process)", async () => {
    const limiter = new RateLimiter("test-concurrent", 1000, 60_000, () => 5_000);
    await Promise.all(Array.from({ length: 40 }, () => limiter.hit("shared")));
    const row = await (await getDb())
      .selectFrom("rate_limit_window")
      .select("count")
      .where("name", "=", "test-concurrent")
      .executeTakeFirstOrThrow();
    expect(row.count).toBe(40);
  });

  it("deletes ended windows now and then", async () => {
    let now = 10_000_000;
    const limiter = new RateLimiter("test-sweep", 5, 1000, () => now);
    await limiter.hit("old");
    now += 120_000;
    await limiter.hit("new");
    const keys = await (await getDb())
      .selectFrom("rate_limit_window")
      .select("key")
      .where("name", "=", "test-sweep")
      .execute();
    expect(keys.map((k) => k.key)).toEqual(["new"]);
  });
}
