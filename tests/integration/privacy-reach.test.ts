import { describe, expect, it } from "vitest";
import type { ReachFilters } from "../../app/domain/reach-filters";
import { erasePerson } from "../../app/models/privacy.server";
import { computeReachReport } from "../../app/models/reach.server";
import { getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed";

const filters = (period: ReachFilters["period"]): ReachFilters => ({
  period,
  country: null,
  workshopId: null,
  facilitatorId: null,
  courseId: null,
  countEnrolments: false,
});

describe("erasure and reach figures", () => {
  it("leaves every reach figure the same: the report before equals the report after", async () => {
    const db = await getDb();
    await seedDemo(db);
    const admin = await db
      .selectFrom("account")
      .select(["id"])
      .where("email", "=", "admin@minka.test")
      .executeTakeFirstOrThrow();
    const viewer = { accountId: admin.id, seesAll: true };
    const periods: ReachFilters["period"][] = [{ kind: "fy", year: 2023 }, { kind: "all" }];
    const before = await Promise.all(periods.map((p) => computeReachReport(db, filters(p), viewer)));
    expect(before[0].headline.uniqueIndividuals).toBe(910);

    // Forty people who were reached, some at several workshops.
    const reached = await db
      .selectFrom("attendance")
      .select("person_id")
      .distinct()
      .orderBy("person_id")
      .limit(40)
      .execute();
    expect(reached).toHaveLength(40);
    for (const { person_id } of reached) expect(await erasePerson(await getDb(), person_id, admin.id)).toBe(true);

    const after = await Promise.all(periods.map((p) => computeReachReport(db, filters(p), viewer)));
    expect(after).toEqual(before);
    const erased = await db
      .selectFrom("person")
      .select(["full_name", "email", "phone"])
      .where("erased_at", "is not", null)
      .execute();
    expect(erased).toHaveLength(40);
    for (const person of erased) expect(person).toEqual({ full_name: "", email: null, phone: null });
  });
});
