import { describe, expect, it } from "vitest";
import { action } from "../../app/routes/signup";
import { getDb } from "../../app/utils/db.server";
import { makeAccount } from "../../db/factories";
import { formRequest, settle, unwrap } from "../support/requests";
import type { FormFailure } from "../../app/forms/failure";

const good = {
  fullName: "Juana Mamani Ccori",
  identifier: "juana@example.pe",
  password: "chacra-2026",
  country: "PE",
  consent: "on",
};

async function signup(fields: Record<string, string>, ip = crypto.randomUUID()) {
  return settle(() => action({ request: formRequest("/signup", fields), params: {}, context: { clientIp: ip } }));
}

async function counts() {
  const db = await getDb();
  const persons = await db
    .selectFrom("person")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const accounts = await db
    .selectFrom("account")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { persons: Number(persons.n), accounts: Number(accounts.n) };
}

describe("sign-up action", () => {
  it("creates a person with recorded consent and an account, and logs in", async () => {
    const result = await signup({ ...good, identifier: "987 111 222" });
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(
      /^minka_session=[a-z2-7]{32}\.[a-z2-7]{32}; Path=\/; SameSite=Lax; HttpOnly/,
    );
    const row = await (await getDb())
      .selectFrom("account")
      .innerJoin("person", "person.id", "account.person_id")
      .selectAll("person")
      .select(["account.phone as login_phone", "account.role"])
      .where("account.phone", "=", "+51987111222")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      full_name: "Juana Mamani Ccori",
      login_phone: "+51987111222",
      phone: "+51987111222",
      country: "PE",
      role: "member",
      consent_method: "self",
      consent_notice_version: expect.any(String),
    });
    expect(Date.parse(row.consent_given_at!)).toBeGreaterThan(Date.now() - 60_000);
  });

  const cases: Array<[string, Record<string, string>, string, string]> = [
    ["an empty form", {}, "fullName", "auth.signup.errors.fullNameRequired"],
    ["a malformed e-mail", { ...good, identifier: "juana@" }, "identifier", "auth.signup.errors.identifierInvalid"],
    ["a short password", { ...good, password: "corta" }, "password", "auth.signup.errors.passwordTooShort"],
    ["no consent", { ...good, consent: "" }, "consent", "auth.signup.errors.consentRequired"],
    [
      "a 10,000-character name",
      { ...good, fullName: "A".repeat(10_000) },
      "fullName",
      "auth.signup.errors.fullNameTooLong",
    ],
    ["an unknown country", { ...good, country: "XX" }, "country", "auth.signup.errors.countryRequired"],
  ];
  for (const [name, fields, field, key] of cases) {
    it(`re-renders with a field error for ${name}, keeps the other values and writes nothing`, async () => {
      const before = await counts();
      const { status, data } = unwrap<FormFailure>(await signup(fields));
      expect(status).toBe(400);
      expect(data.errors[field]?.key).toBe(key);
      expect(data.values).not.toHaveProperty("password");
      for (const kept of ["fullName", "identifier", "country"] as const) {
        if (fields[kept] !== undefined) expect(data.values[kept]).toBe(fields[kept].slice(0, 2000));
      }
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses an e-mail or phone already used, without writing", async () => {
    await makeAccount({ email: "ya@minka.test" });
    await makeAccount({ phone: "+51987000111" });
    const before = await counts();
    for (const identifier of ["YA@minka.test", "987 000 111"]) {
      const { status, data } = unwrap<FormFailure>(await signup({ ...good, identifier }));
      expect(status).toBe(409);
      expect(data.errors.identifier?.key).toBe("auth.signup.errors.identifierTaken");
      expect(data.values.fullName).toBe(good.fullName);
    }
    expect(await counts()).toEqual(before);
  });
});
