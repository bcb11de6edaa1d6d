import path from "node:path";
import fs from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import type { Database } from "../../db/schema";
import { countingQueries, noteQuery } from "./query-count.server";
import { withStatementCache } from "./statement-cache.server";
import { MAX_TRANSACTION_ATTEMPTS, isRetryableConflict, retryDelayMs } from "./transaction-retry";

/**
 * The one type for a database handle: the instance from `getDb()` or a transaction
 * (Kysely's `Transaction` extends `Kysely`). Every model function takes it first.
 */
export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_URL = "./data/minka.db";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens SQLite with the settings every connection needs (see docs/decisions/002). */
export function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  // NORMAL is durable in WAL mode except for the last commits before a power
  // loss; the database itself is never corrupted. See README "Production".
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export async function createDatabase(url: string): Promise<DB> {
  const log = countingQueries() ? () => noteQuery() : undefined;
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
      log,
    });
  }
  const file = url.replace(/^(sqlite|file):(\/\/)?/, "");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(openSqlite(file)) }), log });
}

let instance: DB | undefined;
let opening: Promise<DB> | undefined;

/** The one Kysely instance of this process, opened on first use from DATABASE_URL. */
export function getDb(): Promise<DB> {
  if (instance) return Promise.resolve(instance);
  opening ??= createDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL).then((db) => (instance = db));
  return opening;
}

export async function closeDb(): Promise<void> {
  const db = instance;
  instance = undefined;
  opening = undefined;
  await db?.destroy();
}

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export interface WriteOptions {
  /**
   * PostgreSQL only: transactions with the same key run one after another. A session advisory
   * lock is taken before BEGIN, so each one's snapshot already holds the previous one's commit
   * and they do not abort each other (a hot spot such as one workshop's seats). SQLite needs
   * nothing: BEGIN IMMEDIATE already runs every writer one after another.
   */
  serializeOn?: string;
}

/**
 * Runs `fn` in a write transaction that takes the write lock up front
 * (BEGIN IMMEDIATE on SQLite), so that read-then-write rules such as
 * capacity checks cannot race with another connection or process.
 * On PostgreSQL it is SERIALIZABLE, and a serialization failure or deadlock
 * re-runs the whole of `fn` (bounded, jittered backoff; docs/decisions/018):
 * `fn` must have no effect outside the transaction (e-mail goes to the outbox).
 */
export async function writeTransaction<T>(db: DB, fn: (tx: DB) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  if (!isPostgres(db)) return db.connection().execute((conn) => inTransaction(conn, sql`begin immediate`, fn));
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.connection().execute(async (conn) => {
        if (!options.serializeOn) return inTransaction(conn, sql`begin isolation level serializable`, fn);
        await sql`select pg_advisory_lock(${ADVISORY_NAMESPACE.transaction}, hashtext(${options.serializeOn}))`.execute(
          conn,
        );
        try {
          return await inTransaction(conn, sql`begin isolation level serializable`, fn);
        } finally {
          await sql`select pg_advisory_unlock(${ADVISORY_NAMESPACE.transaction}, hashtext(${options.serializeOn}))`.execute(
            conn,
          );
        }
      });
    } catch (error) {
      if (!isRetryableConflict(error) || attempt >= MAX_TRANSACTION_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
    }
  }
}

/** PostgreSQL advisory-lock namespaces (the first key of the two-key form): one per use. */
export const ADVISORY_NAMESPACE = { transaction: 1_836_016_001, startup: 1_836_016_002 } as const;

/**
 * Runs `fn` while holding the start-up lock: on PostgreSQL a session advisory lock, so when
 * several processes or machines start at once, one migrates, seeds and publishes the content
 * and the others wait, then find nothing left to do. On SQLite nothing is needed: the workers
 * of one `npm start` are forked after the primary has done it (scripts/start.ts).
 */
export async function withStartupLock<T>(db: DB, fn: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return fn();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${ADVISORY_NAMESPACE.startup}, 0)`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${ADVISORY_NAMESPACE.startup}, 0)`.execute(conn);
    }
  });
}

/** BEGIN … COMMIT on one connection (`conn` is bound to it), ROLLBACK if `fn` throws. */
async function inTransaction<T>(conn: DB, begin: ReturnType<typeof sql>, fn: (tx: DB) => Promise<T>): Promise<T> {
  await begin.execute(conn);
  try {
    const result = await fn(conn);
    await sql`commit`.execute(conn);
    return result;
  } catch (error) {
    // The connection may be gone; the error worth reporting is the first one.
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw error;
  }
}

/** SQLite returns numbers and PostgreSQL strings for count(*): normalise at the edge. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  return value == null ? 0 : Number(value);
}
