import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makePerson, makeWorkshop, markAttendance, register } from "../../db/factories/reach";
import { computeReachReport } from "../../app/models/reach.server";
import { getDb } from "../../app/utils/db.server";
import { ROOT } from "../support/paths";

function adminCreate(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", APP_URL: "https://minka.example" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a production install on PostgreSQL", () => {
  // Each run starts tsx on a busy 2-core machine: allow minutes, not seconds.
  it(
    "admin:create works through DATABASE_URL=postgres://…, once, then only with --force",
    { timeout: 240_000 },
    async () => {
      const first = adminCreate("--email", "jefa@cooperativa.example");
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(
        /^Admin account jefa@cooperativa\.example created\.\n.*\nhttps:\/\/minka\.example\/reset-password\?token=[a-z2-7]{32}\n$/,
      );
      const db = await getDb();
      const admins = await db.selectFrom("account").select(["email", "role"]).where("role", "=", "admin").execute();
      expect(admins).toEqual([{ email: "jefa@cooperativa.example", role: "admin" }]);
      const again = adminCreate("--email", "otra@cooperativa.example");
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/^An admin account already exists/);
      expect(adminCreate("--email", "otra@cooperativa.example", "--force").status).toBe(0);
      expect(
        await db.selectFrom("account").select("email").where("role", "=", "admin").orderBy("id").execute(),
      ).toEqual([{ email: "jefa@cooperativa.example" }, { email: "otra@cooperativa.example" }]);
    },
  );

  it("counts by the person's country as on SQLite", async () => {
    const db = await getDb();
    const boss = await makeAccount({ role: "manager" });
    const lima = await makeWorkshop(db, { country: "PE", sessions: ["2023-03-10T15:00:00.000Z"] });
    for (const country of ["GT", "GT", "PE"]) {
      const person = await makePerson(db, { country });
      await register(db, lima.id, person);
      await markAttendance(db, lima.sessionIds[0], person);
    }
    const filters = {
      period: { kind: "fy", year: 2023 },
      country: null,
      workshopId: null,
      facilitatorId: null,
      courseId: null,
      countEnrolments: false,
    } as const;
    const viewer = { accountId: boss.accountId, seesAll: true };
    expect((await computeReachReport(db, { ...filters, country: "PE" }, viewer)).headline.uniqueIndividuals).toBe(3);
    const peruvians = await computeReachReport(db, { ...filters, personCountry: "PE" }, viewer);
    expect(peruvians.headline.uniqueIndividuals).toBe(1);
    expect(peruvians.workshops.map((w) => [w.attended, w.registered])).toEqual([[1, 1]]);
  });
});
