import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Locale } from "../../db/schema";
import { isTokenShaped, newShortCode, newToken, normalizeShortCode } from "../domain/access-card.server";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { createSession, isSessionExpired } from "./session.server";

/**
 * Access cards (docs/decisions/031): a printed card of a member's account with a QR code (a 160-bit
 * token) and a short code. Only SHA-256 hashes are stored. A card never opens a staff account; it
 * works until staff or the member revoke it, and revoking it ends the sessions it opened.
 */

export const MAX_CARDS_PER_SHEET = 8;

const hash = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
const tokenHash = (token: string) => hash(`card:${token}`);
const codeHash = (code: string) => hash(`code:${code}`);

export interface IssuedCard {
  id: number;
  token: string;
  code: string;
}

export type IssueResult =
  | { ok: true; cards: IssuedCard[]; fullName: string; locale: Locale }
  | { ok: false; reason: "noAccount" | "staffAccount" | "erased" };

/** Staff issue `copies` new cards (each with its own token and code) for the member account of a person. */
export async function issueAccessCards(
  db: DB,
  input: { personId: number; issuerAccountId: number; copies: number },
  now = new Date(),
): Promise<IssueResult> {
  return writeTransaction(db, async (tx) => {
    const account = await tx
      .selectFrom("account")
      .innerJoin("person", "person.id", "account.person_id")
      .select(["account.id", "account.role", "person.full_name", "person.erased_at", "person.preferred_language"])
      .where("account.person_id", "=", input.personId)
      .executeTakeFirst();
    if (!account) return { ok: false, reason: "noAccount" } as const;
    if (account.erased_at) return { ok: false, reason: "erased" } as const;
    if (account.role !== "member") return { ok: false, reason: "staffAccount" } as const;
    const cards: IssuedCard[] = [];
    for (let i = 0; i < input.copies; i++) {
      const token = newToken();
      let code = newShortCode();
      // About 8.5 × 10^11 codes: a clash is unlikely, but the column is unique, so draw again.
      while (await tx.selectFrom("access_card").select("id").where("code_hash", "=", codeHash(code)).executeTakeFirst())
        code = newShortCode();
      const row = await tx
        .insertInto("access_card")
        .values({
          account_id: account.id,
          token_hash: tokenHash(token),
          code_hash: codeHash(code),
          issued_by: input.issuerAccountId,
          created_at: now.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      cards.push({ id: Number(row.id), token, code });
      await recordAudit(tx, {
        actorAccountId: input.issuerAccountId,
        action: "access_card.issued",
        subjectType: "account",
        subjectId: account.id,
        details: { card: Number(row.id) },
      });
    }
    return { ok: true, cards, fullName: account.full_name, locale: account.preferred_language };
  });
}

function activeCards(db: DB) {
  return db
    .selectFrom("access_card")
    .innerJoin("account", "account.id", "access_card.account_id")
    .innerJoin("person", "person.id", "account.person_id")
    .select([
      "access_card.id",
      "account.id as accountId",
      "account.role",
      "account.phone as accountPhone",
      "person.phone as personPhone",
      "person.full_name as fullName",
    ])
    .where("access_card.revoked_at", "is", null)
    .where("person.erased_at", "is", null);
}

export interface CardHolder {
  cardId: number;
  accountId: number;
  firstName: string;
  staff: boolean;
}

/** Whose card a scanned token is; null for a malformed, unknown or revoked one. Changes nothing. */
export async function findCardHolder(db: DB, token: string): Promise<CardHolder | null> {
  if (!isTokenShaped(token)) return null;
  const card = await activeCards(db).where("access_card.token_hash", "=", tokenHash(token)).executeTakeFirst();
  if (!card) return null;
  return {
    cardId: card.id,
    accountId: card.accountId,
    firstName: card.fullName.split(" ")[0],
    staff: card.role !== "member",
  };
}

export type CardSignIn =
  | { ok: true; sessionToken: string; accountId: number }
  | { ok: false; reason: "unknown" | "staff" };

async function startCardSession(tx: DB, card: { id: number; accountId: number }, method: "qr" | "code", now: Date) {
  const { token } = await createSession(tx, card.accountId, now, card.id);
  await tx.updateTable("access_card").set({ last_used_at: now.toISOString() }).where("id", "=", card.id).execute();
  await recordAudit(tx, {
    actorAccountId: card.accountId,
    action: "access_card.used",
    subjectType: "account",
    subjectId: card.accountId,
    details: { card: card.id, method },
  });
  return token;
}

/** Signs in with a scanned card: a new session tied to the card. Never for a staff account. */
export async function signInWithCard(db: DB, token: string, now = new Date()): Promise<CardSignIn> {
  if (!isTokenShaped(token)) return { ok: false, reason: "unknown" };
  return writeTransaction(db, async (tx) => {
    const card = await activeCards(tx).where("access_card.token_hash", "=", tokenHash(token)).executeTakeFirst();
    if (!card) return { ok: false, reason: "unknown" } as const;
    if (card.role !== "member") return { ok: false, reason: "staff" } as const;
    return { ok: true, sessionToken: await startCardSession(tx, card, "qr", now), accountId: card.accountId } as const;
  });
}

/**
 * The fallback without a camera: the card's short code plus the phone number on record (the
 * login's or the person's, already normalized by the caller). Any mismatch is the same null.
 */
export async function signInWithShortCode(
  db: DB,
  typedCode: string,
  phone: string,
  now = new Date(),
): Promise<{ sessionToken: string; accountId: number } | null> {
  const code = normalizeShortCode(typedCode);
  if (!code) return null;
  return writeTransaction(db, async (tx) => {
    const card = await activeCards(tx).where("access_card.code_hash", "=", codeHash(code)).executeTakeFirst();
    if (!card || card.role !== "member" || (card.accountPhone !== phone && card.personPhone !== phone)) return null;
    return { sessionToken: await startCardSession(tx, card, "code", now), accountId: card.accountId };
  });
}

/**
 * Revokes a card of this account (staff: of the person they may see; a member: their own) and ends
 * every session it opened. False for an unknown card, another account's, or one already revoked.
 */
export async function revokeAccessCard(
  db: DB,
  input: { cardId: number; accountId: number; actorAccountId: number },
  now = new Date(),
): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const result = await tx
      .updateTable("access_card")
      .set({ revoked_at: now.toISOString(), revoked_by: input.actorAccountId })
      .where("id", "=", input.cardId)
      .where("account_id", "=", input.accountId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    const ended = await tx.deleteFrom("session").where("access_card_id", "=", input.cardId).executeTakeFirst();
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "access_card.revoked",
      subjectType: "account",
      subjectId: input.accountId,
      details: {
        card: input.cardId,
        by: input.actorAccountId === input.accountId ? "self" : "staff",
        sessionsEnded: Number(ended.numDeletedRows),
      },
    });
    return true;
  });
}

export interface CardListing {
  id: number;
  createdAt: string;
  lastUsedAt: string | null;
  devices: { createdAt: string; lastSeenAt: string }[];
}

/** The active cards of an account, each with the sessions (devices) it opened. */
export async function listAccessCards(db: DB, accountId: number, now = new Date()): Promise<CardListing[]> {
  const cards = await db
    .selectFrom("access_card")
    .select(["id", "created_at", "last_used_at"])
    .where("account_id", "=", accountId)
    .where("revoked_at", "is", null)
    .orderBy("id")
    .execute();
  if (cards.length === 0) return [];
  const sessions = await db
    .selectFrom("session")
    .select(["access_card_id", "created_at", "last_verified_at"])
    .where("account_id", "=", accountId)
    .where(
      "access_card_id",
      "in",
      cards.map((c) => c.id),
    )
    .orderBy("created_at")
    .execute();
  const live = sessions.filter((s) => !isSessionExpired(s, now));
  return cards.map((card) => ({
    id: Number(card.id),
    createdAt: card.created_at,
    lastUsedAt: card.last_used_at,
    devices: live
      .filter((s) => Number(s.access_card_id) === Number(card.id))
      .map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_verified_at })),
  }));
}

/** The account behind a person, if it is a member's (the only kind a card is for). */
export async function memberAccountOf(db: DB, personId: number): Promise<number | null> {
  const row = await db
    .selectFrom("account")
    .select(["id", "role"])
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row && row.role === "member" ? row.id : null;
}
