import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { writeTransaction, type DB } from "../utils/db.server";
import { hashPassword } from "../utils/password.server";
import { recordAudit } from "./audit.server";
import { insertSetPasswordLink } from "./password-reset.server";
import { createPerson, findPersonByContact } from "./person.server";

export interface NewAdmin {
  /** Already normalised (normalizeEmail). */
  email: string;
  fullName: string;
  /** Null: nobody knows the password until the set-password link is used. */
  password: string | null;
  /** Create even though an admin exists; make an existing account with this e-mail an admin. */
  force: boolean;
}

export type NewAdminResult =
  | { ok: true; accountId: number; promotedFrom: string | null; setPasswordToken: string | null }
  | { ok: false; reason: "admin_exists" | "account_exists" };

/**
 * `npm run admin:create`: the first admin of an install (nothing else creates one in production).
 * Refused when an admin exists, or when the e-mail already has a login, unless forced; the check
 * and the write share one write transaction, so two runs at once cannot both pass it. Audited.
 */
export async function createAdmin(db: DB, input: NewAdmin, now = new Date()): Promise<NewAdminResult> {
  // Without a password the hash is of a random secret nobody has: the account is closed until the link is used.
  const secret = input.password ?? encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  const passwordHash = await hashPassword(secret);
  return writeTransaction(db, async (tx) => {
    const admin = await tx.selectFrom("account").select("id").where("role", "=", "admin").executeTakeFirst();
    if (admin && !input.force) return { ok: false, reason: "admin_exists" } as const;
    const existing = await tx
      .selectFrom("account")
      .select(["id", "role"])
      .where("email", "=", input.email)
      .executeTakeFirst();
    if (existing && !input.force) return { ok: false, reason: "account_exists" } as const;

    let accountId: number;
    if (existing) {
      accountId = existing.id;
      await tx
        .updateTable("account")
        .set({ role: "admin", password_hash: passwordHash, updated_at: now.toISOString() })
        .where("id", "=", accountId)
        .execute();
      // A new password, or none until the link is used: nobody keeps a session opened with the old one.
      await tx.deleteFrom("session").where("account_id", "=", accountId).execute();
    } else {
      // A person already on the ledger with this e-mail (e.g. met at a workshop) gets the login; else a new person.
      const known = await findPersonByContact(tx, { email: input.email });
      const reusable =
        known &&
        !known.erased_at &&
        !(await tx.selectFrom("account").select("id").where("person_id", "=", known.id).executeTakeFirst());
      const personId = reusable
        ? known.id
        : await createPerson(tx, { fullName: input.fullName, email: input.email, consent: null });
      const row = await tx
        .insertInto("account")
        .values({
          person_id: personId,
          email: input.email,
          password_hash: passwordHash,
          role: "admin",
          updated_at: now.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      accountId = row.id;
    }
    await recordAudit(tx, {
      actorAccountId: null,
      action: "account.admin_created",
      subjectType: "account",
      subjectId: accountId,
      details: {
        via: "npm run admin:create",
        forced: input.force,
        promotedFrom: existing?.role ?? null,
        passwordBy: input.password ? "terminal" : "link",
      },
    });
    const setPasswordToken = input.password ? null : await insertSetPasswordLink(tx, accountId, now);
    return { ok: true, accountId, promotedFrom: existing?.role ?? null, setPasswordToken } as const;
  });
}
