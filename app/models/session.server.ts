import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Locale, Role } from "../../db/schema";
import type { DB } from "../utils/db.server";

/*
 * Sessions the way the Lucia guide describes them (docs/decisions/001):
 * the token is "<id>.<secret>", both parts 160 random bits; the database keeps
 * the id and only the SHA-256 of the secret, compared in constant time.
 */

export const INACTIVITY_TIMEOUT_MS = 14 * 24 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 60 * 24 * 60 * 60 * 1000;
// Writing last_verified_at on every request would turn every read into a write.
const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionUser {
  sessionId: string;
  accountId: number;
  personId: number;
  role: Role;
  fullName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  /** "Letra grande" chosen on this account. */
  largeText: boolean;
}

function randomPart(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function createSession(
  db: DB,
  accountId: number,
  now = new Date(),
  /** The access card it is started with: revoking the card ends the session. */
  accessCardId: number | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const id = randomPart();
  const secret = randomPart();
  const at = now.toISOString();
  await db
    .insertInto("session")
    .values({
      id,
      secret_hash: encodeHexLowerCase(hashSecret(secret)),
      account_id: accountId,
      created_at: at,
      last_verified_at: at,
      access_card_id: accessCardId,
    })
    .execute();
  return { token: `${id}.${secret}`, expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS) };
}

export function isSessionExpired(session: { created_at: string; last_verified_at: string }, now: Date): boolean {
  const t = now.getTime();
  return (
    t - Date.parse(session.last_verified_at) >= INACTIVITY_TIMEOUT_MS ||
    t - Date.parse(session.created_at) >= ABSOLUTE_LIFETIME_MS
  );
}

/** The user behind a token, or null for a missing, malformed, forged or expired one. */
export async function validateSessionToken(db: DB, token: string, now = new Date()): Promise<SessionUser | null> {
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[a-z2-7]{32}$/.test(parts[0]) || !/^[a-z2-7]{32}$/.test(parts[1])) return null;
  const [id, secret] = parts;
  const row = await db
    .selectFrom("session")
    .innerJoin("account", "account.id", "session.account_id")
    .innerJoin("person", "person.id", "account.person_id")
    .select([
      "session.id as sessionId",
      "session.secret_hash",
      "session.created_at",
      "session.last_verified_at",
      "account.id as accountId",
      "account.role",
      "account.email",
      "account.phone",
      "person.id as personId",
      "person.full_name as fullName",
      "person.preferred_language as locale",
      "account.large_text",
    ])
    .where("session.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const expected = new TextEncoder().encode(row.secret_hash);
  const actual = new TextEncoder().encode(encodeHexLowerCase(hashSecret(secret)));
  if (!constantTimeEqual(expected, actual)) return null;
  if (isSessionExpired(row, now)) {
    await db.deleteFrom("session").where("id", "=", id).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_verified_at) >= ACTIVITY_CHECK_INTERVAL_MS) {
    await db.updateTable("session").set({ last_verified_at: now.toISOString() }).where("id", "=", id).execute();
  }
  const { secret_hash: _hash, created_at: _created, last_verified_at: _verified, large_text, ...user } = row;
  return { ...user, largeText: large_text === 1 };
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

export async function invalidateAllSessions(db: DB, accountId: number): Promise<void> {
  await db.deleteFrom("session").where("account_id", "=", accountId).execute();
}

export async function countSessions(db: DB, accountId: number): Promise<number> {
  const row = await db
    .selectFrom("session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("account_id", "=", accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
