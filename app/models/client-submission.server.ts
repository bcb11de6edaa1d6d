import type { ClientSubmissionKind } from "../../db/schema";
import type { DB } from "../utils/db.server";

/** How long an accepted client id is remembered: longer than the browser keeps a pending item (30 days). */
export const CLIENT_ID_KEPT_DAYS = 90;

export interface ClientKey {
  accountId: number;
  clientId: string;
  kind: ClientSubmissionKind;
  lessonId: number;
}

export type Claim<T> =
  | { state: "new"; id: number }
  | { state: "again"; answer: T }
  /** The id was accepted for another lesson or form of this account: a client bug, refused plainly. */
  | { state: "mismatch" };

/**
 * Claims a client id for an account, inside the caller's write transaction (docs/decisions/037).
 * The unique (account, client id) constraint decides: the first claim inserts; a later one finds
 * the row and gets the first answer back. On PostgreSQL two claims at once make the second
 * transaction fail to serialize, and `writeTransaction` runs it again: it then finds the row.
 * The key includes the account, so an id another account used is new here: nothing leaks.
 */
export async function claimClientId<T>(tx: DB, key: ClientKey, now: string): Promise<Claim<T>> {
  const inserted = await tx
    .insertInto("client_submission")
    .values({
      account_id: key.accountId,
      client_id: key.clientId,
      kind: key.kind,
      lesson_id: key.lessonId,
      answer: null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["account_id", "client_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) {
    const cutoff = new Date(Date.parse(now) - CLIENT_ID_KEPT_DAYS * 86_400_000).toISOString();
    await tx
      .deleteFrom("client_submission")
      .where("account_id", "=", key.accountId)
      .where("created_at", "<", cutoff)
      .execute();
    return { state: "new", id: inserted.id };
  }
  const earlier = await tx
    .selectFrom("client_submission")
    .select(["kind", "lesson_id as lessonId", "answer"])
    .where("account_id", "=", key.accountId)
    .where("client_id", "=", key.clientId)
    .executeTakeFirstOrThrow();
  if (earlier.kind !== key.kind || earlier.lessonId !== key.lessonId || earlier.answer === null)
    return { state: "mismatch" };
  return { state: "again", answer: JSON.parse(earlier.answer) as T };
}

/** Keeps what the first submission answered, to repeat it. */
export async function keepAnswer(tx: DB, claimId: number, answer: unknown): Promise<void> {
  await tx
    .updateTable("client_submission")
    .set({ answer: JSON.stringify(answer) })
    .where("id", "=", claimId)
    .execute();
}

/** A refused submission is not accepted: its id stays free, so the same item may be sent again. */
export async function releaseClaim(tx: DB, claimId: number): Promise<void> {
  await tx.deleteFrom("client_submission").where("id", "=", claimId).execute();
}
