import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FileMigrationProvider, Migrator, type Kysely } from "kysely";

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const failed = results?.find((r) => r.status === "Error");
  if (failed) throw new Error(`Migration ${failed.migrationName} failed`);
  return (results ?? []).map((r) => r.migrationName);
}
