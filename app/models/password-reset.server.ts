import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Role } from "../../db/schema";
import { issueOneTimeToken, lookupHash } from "../auth/one-time-token.server";
import type { LoginIdentifier } from "../domain/contact";
import { hasRole } from "../domain/roles";
import { composeEmail } from "../mail/compose";
import { translatorFor } from "../i18n/translator.server";
import { writeTransaction, type DB } from "../utils/db.server";
import { hashPassword } from "../utils/password.server";
import { recordAudit } from "./audit.server";
import { enqueueEmail } from "./email-outbox.server";
import { appUrl } from "./workshop-mail.server";

export const EMAIL_LINK_TTL_MS = 60 * 60 * 1000;
/** The first admin's set-password link (`npm run admin:create` without a terminal): a day to hand it over. */
export const SET_PASSWORD_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const STAFF_CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

const hash = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
// A staff code is short, so its hash is scoped to the account: equal codes of two accounts never collide.
const codeHash = (accountId: number, code: string) => hash(`${accountId}:${code}`);

/** Sets a new password and ends every session of the account (the caller starts a new one if it wants). */
async function setPassword(db: DB, accountId: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db
    .updateTable("account")
    .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
    .where("id", "=", accountId)
    .execute();
  await db.deleteFrom("session").where("account_id", "=", accountId).execute();
}

/**
 * Sends a single-use reset link to the account with this e-mail, if there is one.
 * Returns the token only so tests can follow the link; callers must not show it.
 */
export async function startEmailReset(db: DB, email: string, now = new Date()): Promise<string | null> {
  const account = await db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id", "person.full_name", "person.preferred_language"])
    .where("account.email", "=", email)
    .executeTakeFirst();
  if (!account) return null;
  const issued = issueOneTimeToken("passwordReset", EMAIL_LINK_TTL_MS, now);
  const t = translatorFor(account.preferred_language);
  await writeTransaction(db, async (tx) => {
    await tx
      .insertInto("password_reset")
      .values({
        account_id: account.id,
        secret_hash: issued.hash,
        kind: "email",
        created_at: issued.createdAt,
        expires_at: issued.expiresAt,
      })
      .execute();
    const link = setPasswordUrl(issued.token);
    const subject = t("reset.mail.subject");
    await enqueueEmail(tx, {
      to: email,
      subject,
      ...composeEmail({
        lang: account.preferred_language,
        title: subject,
        greeting: t("reset.mail.greeting", { name: account.full_name.split(" ")[0] }),
        body: [t("reset.mail.intro")],
        button: { label: t("mail.button.resetPassword"), url: link },
        after: [t("reset.mail.expires"), t("reset.mail.ignore")],
        signature: t("workshops.mail.signature"),
      }),
      kind: "password_reset",
    });
  });
  return issued.token;
}

/**
 * A single-use link to set the password, printed for an operator instead of e-mailed: the same
 * token and page as the reset link (/reset-password), valid 24 hours. Returns the token.
 */
export async function insertSetPasswordLink(db: DB, accountId: number, now = new Date()): Promise<string> {
  const issued = issueOneTimeToken("passwordReset", SET_PASSWORD_LINK_TTL_MS, now);
  await db
    .insertInto("password_reset")
    .values({
      account_id: accountId,
      secret_hash: issued.hash,
      kind: "email",
      created_at: issued.createdAt,
      expires_at: issued.expiresAt,
    })
    .execute();
  return issued.token;
}

export function setPasswordUrl(token: string): string {
  return `${appUrl()}/reset-password?token=${token}`;
}

async function usableEmailReset(db: DB, token: string, now: Date) {
  const secretHash = lookupHash("passwordReset", token);
  if (!secretHash) return undefined;
  return db
    .selectFrom("password_reset")
    .select(["id", "account_id"])
    .where("secret_hash", "=", secretHash)
    .where("kind", "=", "email")
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

export async function isEmailResetUsable(db: DB, token: string, now = new Date()): Promise<boolean> {
  return (await usableEmailReset(db, token, now)) !== undefined;
}

/** Uses a reset link once. Returns the account id, or null for an unknown, used or expired link. */
export async function resetWithEmailToken(
  db: DB,
  token: string,
  password: string,
  now = new Date(),
): Promise<number | null> {
  return writeTransaction(db, async (tx) => {
    const reset = await usableEmailReset(tx, token, now);
    if (!reset) return null;
    await tx
      .updateTable("password_reset")
      .set({ used_at: now.toISOString() })
      .where("account_id", "=", reset.account_id)
      .where("used_at", "is", null)
      .execute();
    await setPassword(tx, reset.account_id, password);
    return reset.account_id;
  });
}

export type StaffCodeResult =
  | { ok: true; code: string; fullName: string; expiresAt: string; ownerEmailed: boolean }
  | { ok: false; reason: "not_found" | "forbidden" | "has_email" };

/**
 * A staff member issues a one-time code for someone without e-mail, to read out
 * or write down. Only for accounts of a lower role (so nobody can take over a peer
 * or a superior), never for oneself. An account with an e-mail gets back in
 * through the e-mail link instead; only an admin may still issue a code for it
 * (the owner lost the mailbox), and then the owner is told by e-mail, so a code
 * can never take over an account silently.
 */
export async function issueStaffCode(
  db: DB,
  identifier: LoginIdentifier,
  issuer: { accountId: number; role: Role; fullName: string },
  now = new Date(),
): Promise<StaffCodeResult> {
  const target = await db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id", "account.role", "account.email", "person.full_name", "person.preferred_language"])
    .where(`account.${identifier.kind}`, "=", identifier.value)
    .executeTakeFirst();
  if (!target) return { ok: false, reason: "not_found" };
  const outranks = issuer.role === "admin" || (hasRole(issuer.role, target.role) && issuer.role !== target.role);
  if (target.id === issuer.accountId || !outranks) return { ok: false, reason: "forbidden" };
  if (target.email && issuer.role !== "admin") return { ok: false, reason: "has_email" };
  const code = String(crypto.getRandomValues(new Uint32Array(1))[0] % 100_000_000).padStart(8, "0");
  const expiresAt = new Date(now.getTime() + STAFF_CODE_TTL_MS).toISOString();
  const ownerEmail = target.email;
  await writeTransaction(db, async (tx) => {
    // One valid code at a time: issuing a new one retires the old.
    await tx
      .updateTable("password_reset")
      .set({ used_at: now.toISOString() })
      .where("account_id", "=", target.id)
      .where("kind", "=", "staff_code")
      .where("used_at", "is", null)
      .execute();
    await tx
      .insertInto("password_reset")
      .values({
        account_id: target.id,
        secret_hash: codeHash(target.id, code),
        kind: "staff_code",
        issued_by: issuer.accountId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    if (ownerEmail) {
      const t = translatorFor(target.preferred_language);
      const subject = t("reset.codeMail.subject");
      await enqueueEmail(tx, {
        to: ownerEmail,
        subject,
        ...composeEmail({
          lang: target.preferred_language,
          title: subject,
          greeting: t("reset.mail.greeting", { name: target.full_name.split(" ")[0] }),
          body: [
            t("reset.codeMail.intro", { staff: issuer.fullName }),
            t("reset.codeMail.ifYou"),
            t("reset.codeMail.ifNotYou"),
          ],
          button: { label: t("mail.button.forgotPassword"), url: `${appUrl()}/forgot-password` },
          signature: t("workshops.mail.signature"),
        }),
        kind: "password_reset_code",
      });
    }
    await recordAudit(tx, {
      actorAccountId: issuer.accountId,
      action: "account.reset_code_issued",
      subjectType: "account",
      subjectId: target.id,
      details: ownerEmail ? { ownerEmailed: true } : undefined,
    });
  });
  return { ok: true, code, fullName: target.full_name, expiresAt, ownerEmailed: ownerEmail !== null };
}

/** Uses a staff code once; five wrong tries retire it. Returns the account id or null. */
export async function resetWithStaffCode(
  db: DB,
  identifier: LoginIdentifier,
  code: string,
  password: string,
  now = new Date(),
): Promise<number | null> {
  return writeTransaction(db, async (tx) => {
    const reset = await tx
      .selectFrom("password_reset")
      .innerJoin("account", "account.id", "password_reset.account_id")
      .select(["password_reset.id", "password_reset.secret_hash", "password_reset.attempts", "account.id as accountId"])
      .where(`account.${identifier.kind}`, "=", identifier.value)
      .where("password_reset.kind", "=", "staff_code")
      .where("password_reset.used_at", "is", null)
      .where("password_reset.expires_at", ">", now.toISOString())
      .executeTakeFirst();
    if (!reset) return null;
    if (reset.secret_hash !== codeHash(reset.accountId, code.replace(/\D/g, ""))) {
      const attempts = reset.attempts + 1;
      await tx
        .updateTable("password_reset")
        .set({ attempts, used_at: attempts >= MAX_CODE_ATTEMPTS ? now.toISOString() : null })
        .where("id", "=", reset.id)
        .execute();
      return null;
    }
    await tx.updateTable("password_reset").set({ used_at: now.toISOString() }).where("id", "=", reset.id).execute();
    await setPassword(tx, reset.accountId, password);
    return reset.accountId;
  });
}

/** A logged-in person changes their password: every session ends, including on other devices. */
export async function changePassword(db: DB, accountId: number, password: string): Promise<void> {
  await writeTransaction(db, (tx) => setPassword(tx, accountId, password));
}
