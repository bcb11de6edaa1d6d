import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { getDb } from "../../app/utils/db.server";
import {
  ABSOLUTE_LIFETIME_MS,
  INACTIVITY_TIMEOUT_MS,
  countSessions,
  createSession,
  invalidateAllSessions,
  invalidateSession,
  validateSessionToken,
} from "../../app/models/session.server";

describe("sessions (Lucia guide over Kysely)", () => {
  it("stores only the id and the SHA-256 of the secret", async () => {
    const { accountId } = await makeAccount();
    const { token } = await createSession(await getDb(), accountId);
    const [id, secret] = token.split(".");
    expect(id).toMatch(/^[a-z2-7]{32}$/);
    expect(secret).toMatch(/^[a-z2-7]{32}$/); // 160 bits
    const row = await (await getDb()).selectFrom("session").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    const user = await validateSessionToken(await getDb(), token);
    expect(user).toMatchObject({ accountId, role: "member", fullName: "Persona de Prueba" });
  });

  it("treats a tampered, unknown or malformed token as logged out", async () => {
    const { accountId } = await makeAccount();
    const { token } = await createSession(await getDb(), accountId);
    const [id, secret] = token.split(".");
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(await validateSessionToken(await getDb(), `${id}.${flipped}`)).toBeNull();
    expect(await validateSessionToken(await getDb(), `${"a".repeat(32)}.${secret}`)).toBeNull();
    expect(await validateSessionToken(await getDb(), "garbage")).toBeNull();
    expect(await validateSessionToken(await getDb(), `${token}.extra`)).toBeNull();
  });

  it("expires after inactivity and after the absolute lifetime, deleting the row", async () => {
    const { accountId } = await makeAccount();
    const start = new Date("2026-03-01T12:00:00Z");
    const idle = await createSession(await getDb(), accountId, start);
    expect(
      await validateSessionToken(await getDb(), idle.token, new Date(start.getTime() + INACTIVITY_TIMEOUT_MS - 60_000)),
    ).not.toBeNull();
    // That use moved last_verified_at forward, so the session is alive a little longer…
    expect(
      await validateSessionToken(await getDb(), idle.token, new Date(start.getTime() + INACTIVITY_TIMEOUT_MS + 60_000)),
    ).not.toBeNull();
    // …but not past the absolute lifetime, however active.
    expect(
      await validateSessionToken(await getDb(), idle.token, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS)),
    ).toBeNull();
    expect(await countSessions(await getDb(), accountId)).toBe(0);

    const forgotten = await createSession(await getDb(), accountId, start);
    expect(
      await validateSessionToken(await getDb(), forgotten.token, new Date(start.getTime() + INACTIVITY_TIMEOUT_MS)),
    ).toBeNull();
  });

  it("logs out one device, or every device", async () => {
    const { accountId } = await makeAccount();
    const a = await createSession(await getDb(), accountId);
    const b = await createSession(await getDb(), accountId);
    expect(a.token).not.toBe(b.token);
    await invalidateSession(await getDb(), a.token.split(".")[0]);
    expect(await validateSessionToken(await getDb(), a.token)).toBeNull();
    expect(await validateSessionToken(await getDb(), b.token)).not.toBeNull();
    await createSession(await getDb(), accountId);
    await invalidateAllSessions(await getDb(), accountId);
    expect(await countSessions(await getDb(), accountId)).toBe(0);
  });
});
