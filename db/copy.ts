/**
 * Copies a SQLite database into an empty PostgreSQL one: every table, with its ids, then the
 * sequences moved past them (`npm run db:copy`, README "Scale out"). All or nothing: the rows go
 * in one transaction, so a failure leaves the target as empty as it was.
 */
import { sql, type Kysely } from "kysely";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations/index";

/**
 * Kysely's own tables (the target has its own, from migrating it), SQLite's internals and full-text
 * index, the reach data version (a one-row counter each migration seeds; unused on PostgreSQL) and
 * the reach facts with their dirty marks (kept by SQLite triggers, never read on PostgreSQL; decision 025).
 */
const NOT_COPIED =
  /^(kysely_migration|kysely_migration_lock|sqlite_.*|course_search.*|reach_data_version|reach_dirty_.*|reach_fy_.*)$/;

export class CopyRefused extends Error {}

async function sqliteTables(source: Kysely<any>): Promise<{ name: string; columns: string[]; parents: string[] }[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(source);
  const tables = [];
  for (const { name } of rows) {
    if (NOT_COPIED.test(name)) continue;
    const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(source);
    const parents = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(source);
    tables.push({ name, columns: columns.rows.map((c) => c.name), parents: parents.rows.map((p) => p.table) });
  }
  return tables;
}

/** Parents before children, so every foreign key points at a row already copied. */
export function inDependencyOrder<T extends { name: string; parents: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: T[] = [];
  const visit = (table: T, path: Set<string>) => {
    if (done.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const parent of table.parents) {
      const p = byName.get(parent);
      if (p && p !== table) visit(p, path);
    }
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, new Set());
  return ordered;
}

async function postgresTables(target: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(target);
  return rows.map((r) => r.table_name).filter((name) => !NOT_COPIED.test(name));
}

export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Refuses a target that holds any row, and a source that is not migrated to the latest version. */
async function checkCopyAllowed(source: Kysely<any>, target: Kysely<any>): Promise<void> {
  for (const table of await postgresTables(target)) {
    if ((await countRows(target, table)) > 0)
      throw new CopyRefused(`The target is not empty (table ${table} has rows): copy only into an empty database.`);
  }
  const applied = new Set(
    (await source.selectFrom("kysely_migration").select("name").execute()).map((r) => r.name as string),
  );
  const missing = Object.keys(migrations).filter((name) => !applied.has(name));
  if (missing.length)
    throw new CopyRefused(
      `The SQLite database lacks migrations (${missing.join(", ")}): run npm run db:migrate on it first.`,
    );
}

export interface CopySummary {
  tables: { name: string; rows: number }[];
}

export async function copySqliteToPostgres(source: Kysely<any>, target: Kysely<any>): Promise<CopySummary> {
  await checkCopyAllowed(source, target);
  await migrateToLatest(target);
  const targetTables = new Set(await postgresTables(target));
  const tables = inDependencyOrder((await sqliteTables(source)).filter((t) => targetTables.has(t.name)));
  const summary: CopySummary = { tables: [] };
  await target.transaction().execute(async (tx) => {
    for (const table of tables) {
      const { rows: targetColumns } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table.name}`.execute(tx);
      const columns = table.columns.filter((c) => targetColumns.some((t) => t.column_name === c));
      // PostgreSQL takes at most 65,535 parameters per statement.
      const batch = Math.max(1, Math.floor(30_000 / columns.length));
      let copied = 0;
      const order = columns.includes("id") ? "id" : columns[0];
      for (let offset = 0; ; offset += batch) {
        const rows = await source
          .selectFrom(table.name)
          .select(columns)
          .orderBy(order)
          .limit(batch)
          .offset(offset)
          .execute();
        if (!rows.length) break;
        await tx.insertInto(table.name).values(rows).execute();
        copied += rows.length;
      }
      const sequence = columns.includes("id")
        ? (await sql<{ seq: string | null }>`select pg_get_serial_sequence(${table.name}, 'id') as seq`.execute(tx))
            .rows[0]?.seq
        : null;
      if (sequence) {
        // New ids continue after the copied ones.
        await sql`select setval(${sequence}, coalesce(max(id), 1), max(id) is not null) from ${sql.table(table.name)}`.execute(
          tx,
        );
      }
      summary.tables.push({ name: table.name, rows: copied });
    }
  });
  return summary;
}
