import { describe, expect, it } from "vitest";
import { makeAccount, DEMO_PASSWORD } from "../../db/factories";
import { action as forgotAction } from "../../app/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "../../app/routes/reset-password";
import { action as codeAction } from "../../app/routes/reset-code";
import { action as staffCodeAction, loader as staffCodeLoader } from "../../app/routes/staff.reset-codes";
import { action as accountAction } from "../../app/routes/account";
import { EMAIL_LINK_TTL_MS, resetWithEmailToken, startEmailReset } from "../../app/models/password-reset.server";
import { findAccountForLogin } from "../../app/models/account.server";
import { getDb } from "../../app/utils/db.server";
import { verifyPassword } from "../../app/utils/password.server";
import { countSessions, createSession } from "../../app/models/session.server";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

const NEW = "nueva-clave-2026";
const ctx = () => ({ clientIp: crypto.randomUUID() });

async function passwordIs(identifier: { kind: "email" | "phone"; value: string }, password: string) {
  const account = await findAccountForLogin(await getDb(), identifier);
  return verifyPassword(account!.password_hash, password);
}

describe("reset by e-mail", () => {
  it("answers the same for known and unknown e-mails and queues one link for the known one", async () => {
    const member = await makeAccount({ locale: "en" });
    const db = await getDb();
    for (const email of [member.email!, "nadie@minka.test"]) {
      const result = unwrap<{ sent: boolean }>(
        await forgotAction({
          request: formRequest("/forgot-password", { identifier: email }),
          params: {},
          context: ctx(),
        }),
      );
      expect(result).toEqual({ status: 200, data: { sent: true } });
    }
    const mails = await db.selectFrom("email_outbox").selectAll().where("kind", "=", "password_reset").execute();
    expect(mails.map((m) => m.to_address)).toEqual([member.email]);
    expect(mails[0].subject).toBe("Minka: create a new password"); // in the person's language
    expect(mails[0].text_body).toMatch(/\/reset-password\?token=[a-z2-7]{32}/);
    const stored = await db.selectFrom("password_reset").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(mails[0].text_body.match(/token=([a-z2-7]+)/)![1]);
  });

  it("uses a link once, ends every session and logs in on this device", async () => {
    const member = await makeAccount();
    await createSession(await getDb(), member.accountId);
    const token = (await startEmailReset(await getDb(), member.email!))!;
    expect(
      unwrap<{ usable: boolean }>(
        await resetLoader({ request: getRequest(`/reset-password?token=${token}`), params: {}, context: {} }),
      ).data.usable,
    ).toBe(true);
    const short = unwrap(
      await resetAction({
        request: formRequest("/reset-password", { token, password: "corta" }),
        params: {},
        context: {},
      }),
    );
    expect(short.status).toBe(400);
    const done = (await resetAction({
      request: formRequest("/reset-password", { token, password: NEW }),
      params: {},
      context: {},
    })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Set-Cookie")).toContain("minka_session=");
    expect(await countSessions(await getDb(), member.accountId)).toBe(1);
    expect(await passwordIs({ kind: "email", value: member.email! }, NEW)).toBe(true);
    const again = unwrap(
      await resetAction({
        request: formRequest("/reset-password", { token, password: "otra-clave-2026" }),
        params: {},
        context: {},
      }),
    );
    expect(again.status).toBe(400);
    expect(await passwordIs({ kind: "email", value: member.email! }, NEW)).toBe(true);
  });

  it("refuses an expired or forged link", async () => {
    const member = await makeAccount();
    const issued = new Date("2026-01-01T10:00:00Z");
    const token = (await startEmailReset(await getDb(), member.email!, issued))!;
    expect(
      await resetWithEmailToken(await getDb(), token, NEW, new Date(issued.getTime() + EMAIL_LINK_TTL_MS + 1)),
    ).toBeNull();
    expect(await resetWithEmailToken(await getDb(), "a".repeat(32), NEW)).toBeNull();
    expect(await passwordIs({ kind: "email", value: member.email! }, DEMO_PASSWORD)).toBe(true);
  });

  it("rate-limits requests per account", async () => {
    const member = await makeAccount();
    let last;
    for (let i = 0; i < 6; i++) {
      last = unwrap(
        await forgotAction({
          request: formRequest("/forgot-password", { identifier: member.email! }),
          params: {},
          context: ctx(),
        }),
      );
    }
    expect(last!.status).toBe(429);
  });
});

describe("reset with a code from staff", () => {
  it("lets a facilitator issue a code for a member without e-mail, once, audited", async () => {
    const phone = "+51987222333";
    const member = await makeAccount({ phone });
    const facilitator = await makeAccount({ role: "facilitator" });
    const cookie = await sessionCookie(facilitator.accountId);
    const issued = unwrap<{ issued: { code: string } }>(
      await staffCodeAction({
        request: formRequest("/staff/reset-codes", { identifier: "987 222 333" }, cookie),
        params: {},
        context: {},
      }),
    );
    const code = issued.data.issued.code;
    expect(code).toMatch(/^\d{8}$/);
    const audit = await (await getDb())
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "account.reset_code_issued")
      .execute();
    expect(audit).toMatchObject([{ actor_account_id: facilitator.accountId, subject_id: member.accountId }]);

    const wrong = unwrap(
      await codeAction({
        request: formRequest("/reset-code", { identifier: phone, code: "00000000", password: NEW }),
        params: {},
        context: ctx(),
      }),
    );
    expect(wrong.status).toBe(400);
    const ok = (await codeAction({
      request: formRequest("/reset-code", { identifier: "987222333", code, password: NEW }),
      params: {},
      context: ctx(),
    })) as Response;
    expect(ok.status).toBe(302);
    expect(await passwordIs({ kind: "phone", value: phone }, NEW)).toBe(true);
    const reused = unwrap(
      await codeAction({
        request: formRequest("/reset-code", { identifier: phone, code, password: "otra-clave-2026" }),
        params: {},
        context: ctx(),
      }),
    );
    expect(reused.status).toBe(400);
  });

  it("retires a code after five wrong tries", async () => {
    const phone = "+51987444555";
    await makeAccount({ phone });
    const admin = await makeAccount({ role: "admin" });
    const cookie = await sessionCookie(admin.accountId);
    const { code } = unwrap<{ issued: { code: string } }>(
      await staffCodeAction({
        request: formRequest("/staff/reset-codes", { identifier: phone }, cookie),
        params: {},
        context: {},
      }),
    ).data.issued;
    for (let i = 0; i < 5; i++) {
      await codeAction({
        request: formRequest("/reset-code", { identifier: phone, code: "11111111", password: NEW }),
        params: {},
        context: ctx(),
      });
    }
    const late = unwrap(
      await codeAction({
        request: formRequest("/reset-code", { identifier: phone, code, password: NEW }),
        params: {},
        context: ctx(),
      }),
    );
    expect(late.status).toBe(400);
    expect(await passwordIs({ kind: "phone", value: phone }, DEMO_PASSWORD)).toBe(true);
  });

  it("never lets staff take over a peer's or a superior's account", async () => {
    const facilitator = await makeAccount({ role: "facilitator" });
    const otherFacilitator = await makeAccount({ role: "facilitator" });
    const manager = await makeAccount({ role: "manager" });
    const cookie = await sessionCookie(facilitator.accountId);
    for (const target of [otherFacilitator, manager, facilitator]) {
      const result = unwrap(
        await staffCodeAction({
          request: formRequest("/staff/reset-codes", { identifier: target.email! }, cookie),
          params: {},
          context: {},
        }),
      );
      expect(result.status).toBe(403);
    }
    const member = await makeAccount();
    const memberCookie = await sessionCookie(member.accountId);
    for (const run of [
      () => staffCodeLoader({ request: getRequest("/staff/reset-codes", memberCookie), params: {}, context: {} }),
      () =>
        staffCodeAction({
          request: formRequest("/staff/reset-codes", { identifier: member.email! }, memberCookie),
          params: {},
          context: {},
        }),
    ]) {
      expect(((await settle(run as () => Promise<unknown>)) as Response).status).toBe(403);
    }
    const anonymous = await settle(() =>
      staffCodeLoader({ request: getRequest("/staff/reset-codes"), params: {}, context: {} }),
    );
    expect((anonymous as Response).status).toBe(302);
  });
});

describe("changing the password in Mi cuenta", () => {
  it("needs the current password, then ends the other sessions", async () => {
    const member = await makeAccount();
    const other = await createSession(await getDb(), member.accountId);
    const cookie = await sessionCookie(member.accountId);
    const wrong = unwrap(
      await accountAction({
        request: formRequest("/account", { intent: "change-password", current: "nope", password: NEW }, cookie),
        params: {},
        context: {},
      }),
    );
    expect(wrong.status).toBe(400);
    expect(await countSessions(await getDb(), member.accountId)).toBe(2);
    const done = (await accountAction({
      request: formRequest("/account", { intent: "change-password", current: DEMO_PASSWORD, password: NEW }, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(done.headers.get("Location")).toBe("/account?password=changed");
    expect(done.headers.get("Set-Cookie")).toContain("minka_session=");
    expect(await countSessions(await getDb(), member.accountId)).toBe(1);
    const { validateSessionToken } = await import("../../app/models/session.server");
    expect(await validateSessionToken(await getDb(), other.token)).toBeNull();
    expect(await passwordIs({ kind: "email", value: member.email! }, NEW)).toBe(true);
  });
});
