import { describe, expect, it } from "vitest";
import { eachLimited, SaveFailed, saveProblemOf } from "./save-course";

describe("saveProblemOf", () => {
  it("tells the member about space, the connection, or anything else", () => {
    expect(saveProblemOf(new DOMException("full", "QuotaExceededError"))).toBe("quota");
    expect(saveProblemOf(new TypeError("Failed to fetch"))).toBe("network");
    expect(saveProblemOf(new SaveFailed("server"))).toBe("server");
    expect(saveProblemOf(new SaveFailed("network"))).toBe("network");
    expect(saveProblemOf(new Error("odd"))).toBe("server");
    expect(saveProblemOf(null)).toBe("server");
  });
});

describe("eachLimited", () => {
  it("does every item, never more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      await Promise.resolve();
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("stops starting new items after a failure, and rejects with it", async () => {
    const started: number[] = [];
    await expect(
      eachLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        await Promise.resolve();
        if (n === 2) throw new SaveFailed("network");
      }),
    ).rejects.toMatchObject({ problem: "network" });
    expect(started.length).toBeLessThan(6);
  });

  it("does nothing for nothing", async () => {
    await eachLimited([], 3, async () => {
      throw new Error("never");
    });
  });
});
