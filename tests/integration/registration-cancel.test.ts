import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { fiscalYearFilters, makePerson, makeWorkshop, register } from "../../db/factories/reach";
import { computeReachReport } from "../../app/models/reach.server";
import { cancelRegistrationByStaff } from "../../app/models/registration-cancel.server";
import { getDb } from "../../app/utils/db.server";

const FY2023 = fiscalYearFilters(2023);

describe("a registration cancelled by staff", () => {
  it("no longer counts as registered in the reach report, and a second cancel changes nothing", async () => {
    const db = await getDb();
    const boss = await makeAccount({ role: "manager" });
    const viewer = { accountId: boss.accountId, seesAll: true };
    const workshop = await makeWorkshop(db, { sessions: ["2023-03-10T15:00:00.000Z"] });
    const ana = await makePerson(db, { fullName: "Ana Apaza" });
    const beto = await makePerson(db, { fullName: "Beto Bustos" });
    await register(db, workshop.id, ana);
    const betoRegistration = await register(db, workshop.id, beto);
    const registered = async () =>
      (await computeReachReport(db, FY2023, viewer)).workshops.find((w) => w.id === workshop.id)?.registered;
    expect(await registered()).toBe(2);

    const done = await cancelRegistrationByStaff(db, {
      workshopId: workshop.id,
      registrationId: betoRegistration,
      reason: "Se inscribió dos veces",
      actorAccountId: boss.accountId,
    });
    expect(done).toEqual({ ok: true, fullName: "Beto Bustos", promoted: [], mailQueued: false });
    expect(await registered()).toBe(1);
    expect(
      await cancelRegistrationByStaff(db, {
        workshopId: workshop.id,
        registrationId: betoRegistration,
        reason: "otra vez",
        actorAccountId: boss.accountId,
      }),
    ).toEqual({ ok: false, reason: "notActive" });
    // Another workshop's id through this workshop: not found, nothing changes.
    const other = await makeWorkshop(db, { sessions: ["2023-04-10T15:00:00.000Z"] });
    expect(
      await cancelRegistrationByStaff(db, {
        workshopId: other.id,
        registrationId: betoRegistration,
        reason: "x",
        actorAccountId: boss.accountId,
      }),
    ).toEqual({ ok: false, reason: "notFound" });
    expect(await registered()).toBe(1);
  });
});
