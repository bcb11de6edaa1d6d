import { describe, expect, it } from "vitest";
import { makeAccount, DEMO_PASSWORD } from "../../db/factories";
import { action as accountAction } from "../../app/routes/account";
import { loader as ownDataLoader } from "../../app/routes/account_.data_.download";
import { action as privacyAction, loader as privacyLoader } from "../../app/routes/admin.privacy";
import { loader as auditLoader } from "../../app/routes/admin.audit";
import { loader as staffExportLoader } from "../../app/routes/staff.people.$personId.data";
import { findAccountForLogin } from "../../app/models/account.server";
import { erasePerson, exportPersonData } from "../../app/models/privacy.server";
import { getDb } from "../../app/utils/db.server";
import { countSessions } from "../../app/models/session.server";
import { verifyPassword } from "../../app/utils/password.server";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

let people = 0;
async function withHistory() {
  const email = `teodora${++people}@minka.test`;
  const member = { ...(await makeAccount({ fullName: "Teodora Ccama Puma", email })), email };
  const db = await getDb();
  const now = new Date().toISOString();
  await db
    .updateTable("person")
    .set({ sex: "female", birth_year: 1958, region: "Puno", cooperative: "Coop Lanera" })
    .where("id", "=", member.personId)
    .execute();
  const course = await db
    .insertInto("course")
    .values({ slug: `c-${member.personId}`, title: "Curso", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("enrolment")
    .values({ person_id: member.personId, course_id: course.id, method: "self", enrolled_at: now, completed_at: now })
    .execute();
  await db
    .insertInto("certificate")
    .values({
      person_id: member.personId,
      course_id: course.id,
      code: `CODE${member.personId}`,
      full_name: "Teodora Ccama Puma",
      course_title: "Curso",
      hours: 2,
      completed_at: now,
      issued_at: now,
    })
    .execute();
  const workshop = await db
    .insertInto("workshop")
    .values({ title: "Taller", modality: "in_person", status: "published", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto("workshop_session")
    .values({ workshop_id: workshop.id, starts_at: "2026-03-01T15:00:00.000Z", ends_at: "2026-03-01T17:00:00.000Z" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("registration")
    .values({
      workshop_id: workshop.id,
      person_id: member.personId,
      status: "registered",
      method: "self",
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("attendance")
    .values({
      session_id: session.id,
      person_id: member.personId,
      status: "present",
      source: "roll_call",
      recorded_at: now,
    })
    .execute();
  return member;
}

describe("access to one's own data", () => {
  it("exports every table about the person, without secrets", async () => {
    const member = await withHistory();
    const data = await exportPersonData(await getDb(), member.personId);
    expect(data.person[0]).toMatchObject({
      full_name: "Teodora Ccama Puma",
      email: member.email,
      consent_method: "self",
    });
    expect(data.account[0]).not.toHaveProperty("password_hash");
    // Preferences kept on the login are the person's data too («Letra grande», issue #21).
    expect(data.account[0]).toHaveProperty("large_text", 0);
    expect(data.enrolment).toHaveLength(1);
    expect(data.certificate).toHaveLength(1);
    expect(data.registration).toHaveLength(1);
    expect(data.attendance).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  it("downloads as JSON or as an Excel-friendly CSV, only for oneself", async () => {
    const member = await withHistory();
    const cookie = await sessionCookie(member.accountId);
    const json = (await ownDataLoader({
      request: getRequest("/account/data/download?format=json", cookie),
      params: {},
      context: {},
    })) as Response;
    expect(json.headers.get("Content-Disposition")).toContain(".json");
    expect((await json.json()).person[0].full_name).toBe("Teodora Ccama Puma");
    const csv = (await ownDataLoader({
      request: getRequest("/account/data/download?format=csv", cookie),
      params: {},
      context: {},
    })) as Response;
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("table,record,field,value\r\n")).toBe(true);
    expect(text).toContain("person,1,full_name,Teodora Ccama Puma");
    const anonymous = await settle(() =>
      ownDataLoader({ request: getRequest("/account/data/download"), params: {}, context: {} }),
    );
    expect((anonymous as Response).status).toBe(302);
  });

  it("lets managers (not facilitators) export the data of a person without a login on request, and audits it", async () => {
    const member = await withHistory();
    for (const role of ["member", "facilitator"] as const) {
      const staff = await makeAccount({ role });
      const staffCookie = await sessionCookie(staff.accountId);
      const result = await settle(() =>
        staffExportLoader({
          request: getRequest(`/staff/people/${member.personId}/data`, staffCookie),
          params: { personId: String(member.personId) },
          context: {},
        }),
      );
      expect((result as Response).status).toBe(403);
    }
    const manager = await makeAccount({ role: "manager" });
    const cookie = await sessionCookie(manager.accountId);
    const exportMember = () =>
      settle(() =>
        staffExportLoader({
          request: getRequest(`/staff/people/${member.personId}/data`, cookie),
          params: { personId: String(member.personId) },
          context: {},
        }),
      );
    // With a login she downloads her own data; staff export only people without one.
    expect(((await exportMember()) as Response).status).toBe(403);
    await (await getDb()).deleteFrom("account").where("id", "=", member.accountId).execute();
    const response = (await staffExportLoader({
      request: getRequest(`/staff/people/${member.personId}/data?format=csv`, cookie),
      params: { personId: String(member.personId) },
      context: {},
    })) as Response;
    expect(await response.text()).toContain("Teodora Ccama Puma");
    const unknown = await settle(() =>
      staffExportLoader({
        request: getRequest(`/staff/people/999999/data`, cookie),
        params: { personId: "999999" },
        context: {},
      }),
    );
    expect((unknown as Response).status).toBe(404);
    const audit = await (await getDb())
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "person.exported")
      .execute();
    expect(audit).toMatchObject([{ actor_account_id: manager.accountId, subject_id: member.personId }]);
  });
});

describe("withdrawing consent and erasure", () => {
  it("needs a confirmation, then records the withdrawal and logs out everywhere", async () => {
    const member = await withHistory();
    const cookie = await sessionCookie(member.accountId);
    await sessionCookie(member.accountId);
    const refused = unwrap(
      await accountAction({
        request: formRequest("/account", { intent: "withdraw-consent" }, cookie),
        params: {},
        context: {},
      }),
    );
    expect(refused.status).toBe(400);
    expect(await countSessions(await getDb(), member.accountId)).toBe(2);

    const done = (await accountAction({
      request: formRequest("/account", { intent: "withdraw-consent", confirm: "on" }, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(done.headers.get("Location")).toBe("/account/withdrawn");
    expect(await countSessions(await getDb(), member.accountId)).toBe(0);
    const person = await (await getDb())
      .selectFrom("person")
      .selectAll()
      .where("id", "=", member.personId)
      .executeTakeFirstOrThrow();
    expect(person.consent_withdrawn_at).not.toBeNull();
    const admin = await makeAccount({ role: "admin" });
    const pending = unwrap<{ pending: Array<{ id: number }> }>(
      await privacyLoader({
        request: getRequest("/admin/privacy", await sessionCookie(admin.accountId)),
        params: {},
        context: {},
      }),
    );
    expect(pending.data.pending.map((p) => p.id)).toContain(member.personId);
  });

  it("erases identifying data everywhere while every counted row and attribute stays", async () => {
    const member = await withHistory();
    const db = await getDb();
    const countRows = async () => {
      const out: Record<string, number> = {};
      for (const table of [
        "person",
        "registration",
        "attendance",
        "enrolment",
        "certificate",
        "lesson_completion",
      ] as const) {
        const row = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        out[table] = Number(row.n);
      }
      return out;
    };
    const admin = await makeAccount({ role: "admin" });
    const before = await countRows();
    expect(await erasePerson(await getDb(), member.personId, admin.accountId)).toBe(true);
    expect(await erasePerson(await getDb(), member.personId, admin.accountId)).toBe(false);
    expect(await countRows()).toEqual(before);

    const person = await db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", member.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      full_name: "",
      email: null,
      phone: null,
      sex: "female",
      birth_year: 1958,
      country: "PE",
      region: "Puno",
      cooperative: "Coop Lanera",
    });
    expect(person.erased_at).not.toBeNull();
    const certificate = await db
      .selectFrom("certificate")
      .selectAll()
      .where("person_id", "=", member.personId)
      .executeTakeFirstOrThrow();
    expect(certificate.full_name).toBe("");
    expect(await findAccountForLogin(await getDb(), { kind: "email", value: member.email })).toBeUndefined();
    const account = await db
      .selectFrom("account")
      .selectAll()
      .where("id", "=", member.accountId)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(account.password_hash, DEMO_PASSWORD)).toBe(false);
    expect(JSON.stringify(await exportPersonData(await getDb(), member.personId))).not.toContain("Teodora");
    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "person.erased").execute();
    expect(audit).toMatchObject([{ actor_account_id: admin.accountId, subject_id: member.personId }]);
  });

  it("refuses the privacy and audit pages and the erase action to everyone but admins", async () => {
    const member = await withHistory();
    for (const role of ["member", "facilitator", "manager"] as const) {
      const staff = await makeAccount({ role });
      const cookie = await sessionCookie(staff.accountId);
      for (const run of [
        (): Promise<unknown> =>
          privacyLoader({ request: getRequest("/admin/privacy", cookie), params: {}, context: {} }),
        () => auditLoader({ request: getRequest("/admin/audit", cookie), params: {}, context: {} }),
        () =>
          privacyAction({
            request: formRequest("/admin/privacy", { personId: String(member.personId) }, cookie),
            params: {},
            context: {},
          }),
      ]) {
        expect(((await settle(run)) as Response).status).toBe(403);
      }
    }
    const person = await (await getDb())
      .selectFrom("person")
      .select("erased_at")
      .where("id", "=", member.personId)
      .executeTakeFirstOrThrow();
    expect(person.erased_at).toBeNull();
    const admin = await makeAccount({ role: "admin" });
    const cookie = await sessionCookie(admin.accountId);
    const done = unwrap<{ ok: boolean }>(
      await privacyAction({
        request: formRequest("/admin/privacy", { personId: String(member.personId) }, cookie),
        params: {},
        context: {},
      }),
    );
    expect(done.data.ok).toBe(true);
    const bad = unwrap<{ ok: boolean }>(
      await privacyAction({
        request: formRequest("/admin/privacy", { personId: "abc" }, cookie),
        params: {},
        context: {},
      }),
    );
    expect(bad.status).toBe(400);
    const log = unwrap<{ entries: Array<{ action: string }> }>(
      await auditLoader({ request: getRequest("/admin/audit", cookie), params: {}, context: {} }),
    );
    expect(log.data.entries.map((e) => e.action)).toContain("person.erased");
  });
});
