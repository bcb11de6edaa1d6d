import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache.server";

function database() {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (id integer primary key, name text)");
  sqlite.exec("insert into t (name) values ('a'), ('b'), ('c')");
  return sqlite;
}

describe("withStatementCache", () => {
  it("prepares a SQL text once and gives the same statement back", () => {
    const cached = withStatementCache(database());
    const first = cached.prepare("select name from t where id = ?");
    expect(cached.prepare("select name from t where id = ?")).toBe(first);
    expect(first.all([2])).toEqual([{ name: "b" }]);
  });

  it("gives a fresh statement while the cached one is still iterating", () => {
    const cached = withStatementCache(database());
    const sql = "select name from t order by id";
    const streaming = cached.prepare(sql) as unknown as SQLite.Statement;
    const rows = streaming.iterate();
    rows.next();
    const other = cached.prepare(sql);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    rows.return?.();
  });

  it("keeps at most `limit` statements, dropping the least recently used", () => {
    const cached = withStatementCache(database(), 2);
    const a = cached.prepare("select 1");
    const b = cached.prepare("select 2");
    cached.prepare("select 1");
    cached.prepare("select 3");
    expect(cached.prepare("select 1")).toBe(a);
    expect(cached.prepare("select 2")).not.toBe(b);
  });

  it("still sees a column added after the statement was cached", () => {
    const sqlite = database();
    const cached = withStatementCache(sqlite);
    expect(cached.prepare("select * from t where id = 1").all([])).toEqual([{ id: 1, name: "a" }]);
    sqlite.exec("alter table t add column topic text default 'x'");
    expect(cached.prepare("select * from t where id = 1").all([])).toEqual([{ id: 1, name: "a", topic: "x" }]);
  });
});
