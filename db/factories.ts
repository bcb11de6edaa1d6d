/**
 * Builders for test data and demo data: the seed and the tests use the same ones,
 * so what a test proves holds for what a new user sees.
 */
import type { Locale, Role } from "./schema";
import { createAccount } from "../app/models/account.server";
import { getDb } from "../app/utils/db.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const DEMO_PASSWORD = "minka-demo-2026";

export interface AccountSpec {
  fullName?: string;
  email?: string;
  phone?: string;
  password?: string;
  role?: Role;
  country?: string;
  locale?: Locale;
}

export async function makeAccount(spec: AccountSpec = {}) {
  const email = spec.email ?? (spec.phone ? undefined : `persona-${unique()}@minka.test`);
  const identifier = email
    ? ({ kind: "email", value: email } as const)
    : ({ kind: "phone", value: spec.phone! } as const);
  const ids = await createAccount(await getDb(), {
    fullName: spec.fullName ?? "Persona de Prueba",
    identifier,
    password: spec.password ?? DEMO_PASSWORD,
    country: spec.country ?? "PE",
    locale: spec.locale ?? "es",
    role: spec.role ?? "member",
  });
  return { ...ids, email, phone: spec.phone, password: spec.password ?? DEMO_PASSWORD };
}

export const DEMO_ACCOUNTS = [
  { email: "socia@minka.test", fullName: "Rosa Quispe Mamani", role: "member" },
  { email: "facilitadora@minka.test", fullName: "Carmen Huamán Torres", role: "facilitator" },
  { email: "gestora@minka.test", fullName: "Lucía Fernández Rojas", role: "manager" },
  { email: "admin@minka.test", fullName: "Jorge Condori Apaza", role: "admin" },
] as const satisfies readonly AccountSpec[];
