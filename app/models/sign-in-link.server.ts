import { issueOneTimeToken, lookupHash } from "../auth/one-time-token.server";
import { SIGN_IN_LINK_TTL_MS, isSignInLinkUsable } from "../domain/access-card.server";
import { translatorFor } from "../i18n/translator.server";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { enqueueEmail } from "./email-outbox.server";
import { createSession } from "./session.server";
import { appUrl } from "./workshop-mail.server";

/**
 * "Enviarme un enlace para entrar" (docs/decisions/031): a single-use link, valid 15 minutes, for
 * member accounts with an e-mail. Only the SHA-256 of its 160-bit token is stored.
 */

export function signInLinkUrl(token: string): string {
  return `${appUrl()}/login/link/${token}`;
}

/**
 * E-mails a link to the member account with this address, if there is one. Staff accounts and
 * unknown addresses get nothing, and the caller answers the same either way. Returns the token only
 * so tests can follow the link; callers must not show it.
 */
export async function sendSignInLink(db: DB, email: string, now = new Date()): Promise<string | null> {
  const account = await db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id", "account.role", "person.full_name", "person.preferred_language", "person.erased_at"])
    .where("account.email", "=", email)
    .executeTakeFirst();
  if (!account || account.role !== "member" || account.erased_at) return null;
  const issued = issueOneTimeToken("signInLink", SIGN_IN_LINK_TTL_MS, now);
  const t = translatorFor(account.preferred_language);
  await writeTransaction(db, async (tx) => {
    await tx
      .insertInto("sign_in_link")
      .values({
        account_id: account.id,
        token_hash: issued.hash,
        created_at: issued.createdAt,
        expires_at: issued.expiresAt,
      })
      .execute();
    await enqueueEmail(tx, {
      to: email,
      subject: t("access.linkMail.subject"),
      text: [
        t("access.linkMail.greeting", { name: account.full_name.split(" ")[0] }),
        "",
        t("access.linkMail.intro"),
        signInLinkUrl(issued.token),
        "",
        t("access.linkMail.expires"),
        t("access.linkMail.ignore"),
      ].join("\n"),
      kind: "sign_in_link",
    });
  });
  return issued.token;
}

async function usableLink(db: DB, token: string, now: Date) {
  const hash = lookupHash("signInLink", token);
  if (!hash) return undefined;
  const link = await db
    .selectFrom("sign_in_link")
    .innerJoin("account", "account.id", "sign_in_link.account_id")
    .innerJoin("person", "person.id", "account.person_id")
    .select([
      "sign_in_link.id",
      "sign_in_link.expires_at",
      "sign_in_link.used_at",
      "account.id as accountId",
      "account.role",
      "person.full_name as fullName",
      "person.erased_at",
    ])
    .where("sign_in_link.token_hash", "=", hash)
    .executeTakeFirst();
  if (!link || link.erased_at || link.role !== "member" || !isSignInLinkUsable(link, now)) return undefined;
  return link;
}

/** Whose link it is, if it can still be used; changes nothing (mail scanners open links too). */
export async function findSignInLink(db: DB, token: string, now = new Date()) {
  const link = await usableLink(db, token, now);
  return link ? { accountId: link.accountId, firstName: link.fullName.split(" ")[0] } : null;
}

/** Uses the link once: a new session, or null for an unknown, used, expired or staff link. */
export async function signInWithLink(
  db: DB,
  token: string,
  now = new Date(),
): Promise<{ sessionToken: string; accountId: number } | null> {
  return writeTransaction(db, async (tx) => {
    const link = await usableLink(tx, token, now);
    if (!link) return null;
    // Single use, and a used link retires the others still open for the account.
    await tx
      .updateTable("sign_in_link")
      .set({ used_at: now.toISOString() })
      .where("account_id", "=", link.accountId)
      .where("used_at", "is", null)
      .execute();
    const { token: sessionToken } = await createSession(tx, link.accountId, now);
    await recordAudit(tx, {
      actorAccountId: link.accountId,
      action: "account.sign_in_link_used",
      subjectType: "account",
      subjectId: link.accountId,
    });
    return { sessionToken, accountId: link.accountId };
  });
}
