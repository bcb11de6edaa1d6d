import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Kysely's view of the database. Timestamps are ISO-8601 UTC strings and
 * booleans are 0/1 integers so that the same rows work on SQLite and PostgreSQL.
 */
export interface Database {
  person: PersonTable;
  account: AccountTable;
  session: SessionTable;
}

export const SEXES = ["female", "male", "other", "not_stated"] as const;
export type Sex = (typeof SEXES)[number];

export const ROLES = ["member", "facilitator", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export type ConsentMethod = "self" | "staff";

type Timestamp = string;
type CreatedAt = ColumnType<Timestamp, Timestamp | undefined, never>;

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  /** Lower-cased, trimmed. */
  email: string | null;
  /** E.164, e.g. +51987654321. */
  phone: string | null;
  sex: ColumnType<Sex, Sex | undefined, Sex>;
  birth_year: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  region: string | null;
  cooperative: string | null;
  preferred_language: ColumnType<Locale, Locale | undefined, Locale>;
  consent_given_at: Timestamp | null;
  consent_notice_version: string | null;
  consent_method: ConsentMethod | null;
  /** Account of the staff member who recorded a verbal consent. */
  consent_recorded_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AccountTable {
  id: Generated<number>;
  person_id: number;
  /** Login identifiers: at least one of them is set; both are unique. */
  email: string | null;
  phone: string | null;
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  /** Hex SHA-256 of the token's secret part; the secret itself is never stored. */
  secret_hash: string;
  account_id: number;
  created_at: Timestamp;
  last_verified_at: Timestamp;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Account = Selectable<AccountTable>;
export type Session = Selectable<SessionTable>;
