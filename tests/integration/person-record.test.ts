import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { createPerson } from "../../app/models/person.server";
import { updatePersonRecord } from "../../app/models/person-record.server";
import { erasePerson } from "../../app/models/privacy.server";
import { getDb } from "../../app/utils/db.server";

describe("correcting a person's record", () => {
  it("leaves no earlier name or contact in the audit log once the person is erased", async () => {
    const db = await getDb();
    const admin = await makeAccount({ fullName: "Ada Admin", email: "ada.admin@minka.test", role: "admin" });
    const personId = await createPerson(db, {
      fullName: "Wiñay Sonqo Ttito",
      email: "winay.antes@example.org",
      phone: "+51911222333",
      consent: { method: "self" },
    });
    const corrected = await updatePersonRecord(db, {
      personId,
      actorAccountId: admin.accountId,
      changes: { fullName: "Wiñay Sonqo Ttito Huamán", email: "winay.ahora@example.org", phone: "+51944555666" },
    });
    expect(corrected).toEqual({ ok: true, changed: true });
    const [entry] = await db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "person.updated")
      .where("subject_id", "=", personId)
      .execute();
    expect(entry.details).toContain("winay.antes@example.org");

    expect(await erasePerson(db, personId, admin.accountId)).toBe(true);
    const details = (await db.selectFrom("audit_log").select("details").execute()).map((row) => row.details).join("\n");
    for (const trace of ["winay.antes@example.org", "911222333", "winay.ahora@example.org", "944555666", "Sonqo"]) {
      expect(details.toLowerCase(), trace).not.toContain(trace.toLowerCase());
    }
  });
});
