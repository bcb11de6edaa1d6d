import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeCourse } from "../../db/factories/learning";
import { findAccountForLogin, listAccounts } from "../../app/models/account.server";
import { commitEnrolmentImport, receiveEnrolmentList } from "../../app/models/enrolment-import.server";
import { findPersonByContact, findPersonsWithSimilarName } from "../../app/models/person.server";
import { getDb, isPostgres, writeTransaction } from "../../app/utils/db.server";
import {
  countSessions,
  createSession,
  invalidateAllSessions,
  validateSessionToken,
} from "../../app/models/session.server";
import { seedDemo } from "../../db/seed";

describe("the data layer on PostgreSQL", () => {
  it("really is PostgreSQL", async () => {
    expect(isPostgres(await getDb())).toBe(true);
  });

  it("seeds, creates accounts and finds people the same way as on SQLite", async () => {
    const db = await getDb();
    expect(await seedDemo(db)).toEqual({ seeded: true });
    const seededAccounts = (await listAccounts(await getDb())).length;
    expect(await seedDemo(db)).toEqual({ seeded: false });
    const { accountId } = await makeAccount({ fullName: "José Ñahui Quispe", phone: "+51944118207" });
    expect(await findAccountForLogin(await getDb(), { kind: "phone", value: "+51944118207" })).toMatchObject({
      id: accountId,
    });
    expect((await findPersonByContact(db, { phone: "+51944118207" }))?.full_name).toBe("José Ñahui Quispe");
    expect((await findPersonsWithSimilarName(db, "quispe jose ñahui")).map((p) => p.full_name)).toEqual([
      "José Ñahui Quispe",
    ]);
    expect((await listAccounts(await getDb())).length).toBe(seededAccounts + 1);
  });

  it("keeps an enrolment list for its uploader until it is committed (enrolment_upload)", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "lista-en-postgres" });
    const staff = await makeAccount({ role: "facilitator" });
    const other = await makeAccount({ role: "facilitator" });
    const bytes = new TextEncoder().encode(
      "nombre,correo,curso\nRuth Ccama Ñaupa,ruth.pg@example.org,lista-en-postgres\n",
    );
    const { uploadId } = await receiveEnrolmentList(db, { bytes, fileName: "lista.csv", uploadedBy: staff.accountId });
    expect(uploadId).toEqual(expect.any(Number));
    expect(await commitEnrolmentImport(db, uploadId!, { accountId: other.accountId })).toEqual({
      ok: false,
      gone: true,
    });
    expect(await commitEnrolmentImport(db, uploadId!, { accountId: staff.accountId })).toEqual({
      ok: true,
      enrolled: 1,
      alreadyEnrolled: 0,
      peopleCreated: 1,
    });
    expect(await db.selectFrom("enrolment_upload").select("id").where("id", "=", uploadId!).execute()).toEqual([]);
    expect((await findPersonByContact(db, { email: "ruth.pg@example.org" }))?.full_name).toBe("Ruth Ccama Ñaupa");
  });

  it("keeps sessions the Lucia way", async () => {
    const { accountId } = await makeAccount();
    const { token } = await createSession(await getDb(), accountId);
    expect(await validateSessionToken(await getDb(), token)).toMatchObject({ accountId });
    expect(await countSessions(await getDb(), accountId)).toBe(1);
    await invalidateAllSessions(await getDb(), accountId);
    expect(await validateSessionToken(await getDb(), token)).toBeNull();
  });

  it("rolls a write transaction back on error", async () => {
    const db = await getDb();
    await expect(
      writeTransaction(db, async (tx) => {
        await tx
          .insertInto("audit_log")
          .values({
            action: "test",
            subject_type: "x",
            subject_id: null,
            actor_account_id: null,
            created_at: new Date().toISOString(),
          })
          .execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await db.selectFrom("audit_log").selectAll().where("action", "=", "test").execute();
    expect(rows).toEqual([]);
  });
});
