import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * Kysely's SQLite driver prepares every query it runs, and preparing (parsing and planning
 * the SQL) was the largest cost of a query in the server's CPU profile. The same few
 * hundred SQL texts repeat on every page, so keep their prepared statements: SQLite
 * re-prepares one by itself if the schema changes under it. The least recently used go
 * first once `limit` is reached (lists such as `in (?, ?, …)` vary in length).
 */
export function withStatementCache(database: SQLite.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        // One statement runs one query at a time: a query streamed (iterate) is still using it.
        return cached.busy ? database.prepare(sql) : cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
