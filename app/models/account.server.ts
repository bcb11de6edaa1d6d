import type { Locale, Role } from "../../db/schema";
import type { LoginIdentifier } from "../domain/contact";
import { writeTransaction, type DB } from "../utils/db.server";
import { hashPassword } from "../utils/password.server";
import { recordAudit } from "./audit.server";
import { createPerson } from "./person.server";

export async function findAccountForLogin(db: DB, identifier: LoginIdentifier) {
  return db
    .selectFrom("account")
    .select(["id", "password_hash"])
    .where(identifier.kind, "=", identifier.value)
    .executeTakeFirst();
}

export async function isIdentifierTaken(db: DB, identifier: LoginIdentifier): Promise<boolean> {
  return (await findAccountForLogin(db, identifier)) !== undefined;
}

export interface NewMemberAccount {
  fullName: string;
  identifier: LoginIdentifier;
  password: string;
  country: string;
  region?: string | null;
  locale: Locale;
  role?: Role;
}

/** Creates the person and the login together; consent is given by the person themself. */
export async function createAccount(db: DB, input: NewMemberAccount): Promise<{ accountId: number; personId: number }> {
  const passwordHash = await hashPassword(input.password);
  const now = new Date().toISOString();
  return writeTransaction(db, async (tx) => {
    const personId = await createPerson(tx, {
      fullName: input.fullName,
      email: input.identifier.kind === "email" ? input.identifier.value : null,
      phone: input.identifier.kind === "phone" ? input.identifier.value : null,
      country: input.country,
      region: input.region ?? null,
      locale: input.locale,
      consent: { method: "self" },
    });
    const account = await tx
      .insertInto("account")
      .values({
        person_id: personId,
        [input.identifier.kind]: input.identifier.value,
        password_hash: passwordHash,
        role: input.role ?? "member",
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { accountId: account.id, personId };
  });
}

export async function listAccounts(db: DB) {
  return db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id", "account.email", "account.phone", "account.role", "account.created_at", "person.full_name"])
    .orderBy("person.full_name")
    .execute();
}

export async function getAccountName(db: DB, accountId: number) {
  return db
    .selectFrom("account")
    .innerJoin("person", "person.id", "account.person_id")
    .select(["account.id", "person.full_name"])
    .where("account.id", "=", accountId)
    .executeTakeFirst();
}

export async function changeRole(db: DB, accountId: number, role: Role, actorAccountId: number): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const before = await tx.selectFrom("account").select("role").where("id", "=", accountId).executeTakeFirstOrThrow();
    await tx
      .updateTable("account")
      .set({ role, updated_at: new Date().toISOString() })
      .where("id", "=", accountId)
      .execute();
    await recordAudit(tx, {
      actorAccountId,
      action: "account.role_changed",
      subjectType: "account",
      subjectId: accountId,
      details: { from: before.role, to: role },
    });
  });
}

/** Whether this person can log in (and so download their own data in "Mi cuenta"). */
export async function personHasAccount(db: DB, personId: number): Promise<boolean> {
  return (
    (await db.selectFrom("account").select("id").where("person_id", "=", personId).executeTakeFirst()) !== undefined
  );
}
