import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../db/schema";
import { makeAccount } from "../../db/factories";
import { loader as accountLoader } from "../../app/routes/account";
import { action as adminAction, loader as adminLoader } from "../../app/routes/admin.accounts";
import { requireRole } from "../../app/auth/user.server";
import { getDb } from "../../app/utils/db.server";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

async function cookieFor(role: Role) {
  const { accountId } = await makeAccount({ role });
  return { accountId, cookie: await sessionCookie(accountId) };
}

describe("requireRole", () => {
  it("sends anonymous people to the login page with a way back", async () => {
    const result = await settle(() => requireRole(getRequest("/admin/accounts?page=2"), "member"));
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Faccounts%3Fpage%3D2");
  });

  for (const required of ROLES) {
    it(`answers 403 below ${required} and lets ${required} and above through`, async () => {
      for (const actual of ROLES) {
        const { cookie } = await cookieFor(actual);
        const result = await settle(() => requireRole(getRequest("/x", cookie), required));
        const allowed = ROLES.indexOf(actual) >= ROLES.indexOf(required);
        if (allowed) expect(result, `${actual} → ${required}`).toMatchObject({ role: actual });
        else expect((result as Response).status, `${actual} → ${required}`).toBe(403);
      }
    });
  }

  it("counts a tampered cookie as logged out", async () => {
    const { cookie } = await cookieFor("admin");
    const result = await settle(() =>
      accountLoader({ request: getRequest("/account", cookie + "x"), params: {}, context: {} }),
    );
    expect((result as Response).headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });
});

describe("admin accounts page", () => {
  it("is refused to every role but admin, in the loader and the action", async () => {
    const { accountId: target } = await makeAccount();
    for (const role of ["member", "facilitator", "manager"] as const) {
      const { cookie } = await cookieFor(role);
      expect(
        (
          (await settle(() =>
            adminLoader({ request: getRequest("/admin/accounts", cookie), params: {}, context: {} }),
          )) as Response
        ).status,
      ).toBe(403);
      const post = formRequest("/admin/accounts", { accountId: String(target), role: "admin" }, cookie);
      expect(((await settle(() => adminAction({ request: post, params: {}, context: {} }))) as Response).status).toBe(
        403,
      );
    }
    const row = await (await getDb())
      .selectFrom("account")
      .select("role")
      .where("id", "=", target)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe("member");
  });

  it("lets an admin list accounts and change a role, but not demote themself", async () => {
    const admin = await cookieFor("admin");
    const { accountId: target } = await makeAccount({ fullName: "Ana Facilitadora" });
    const list = unwrap<{ accounts: Array<{ id: number }> }>(
      await adminLoader({ request: getRequest("/admin/accounts", admin.cookie), params: {}, context: {} }),
    );
    expect(list.data.accounts.map((a) => a.id)).toContain(target);

    const changed = unwrap<{ ok: boolean }>(
      await adminAction({
        request: formRequest("/admin/accounts", { accountId: String(target), role: "facilitator" }, admin.cookie),
        params: {},
        context: {},
      }),
    );
    expect(changed.data.ok).toBe(true);
    const db = await getDb();
    expect(
      (await db.selectFrom("account").select("role").where("id", "=", target).executeTakeFirstOrThrow()).role,
    ).toBe("facilitator");

    const bad = unwrap<{ ok: boolean }>(
      await adminAction({
        request: formRequest("/admin/accounts", { accountId: String(target), role: "king" }, admin.cookie),
        params: {},
        context: {},
      }),
    );
    expect(bad.status).toBe(400);

    const self = unwrap<{ ok: boolean }>(
      await adminAction({
        request: formRequest("/admin/accounts", { accountId: String(admin.accountId), role: "member" }, admin.cookie),
        params: {},
        context: {},
      }),
    );
    expect(self.status).toBe(400);
    expect(
      (await db.selectFrom("account").select("role").where("id", "=", admin.accountId).executeTakeFirstOrThrow()).role,
    ).toBe("admin");
  });
});
