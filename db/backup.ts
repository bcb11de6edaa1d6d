import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/** The SQLite file behind DATABASE_URL (backups are a SQLite matter; PostgreSQL has pg_dump). */
export function sqliteFileFromUrl(url: string): string {
  if (/^postgres(ql)?:\/\//.test(url))
    throw new Error("DATABASE_URL points to PostgreSQL: use pg_dump / pg_restore instead.");
  return path.resolve(url.replace(/^(sqlite|file):(\/\/)?/, ""));
}

export function integrityCheck(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

/** The server writes its pid here while it runs, so a restore can refuse. */
export const pidFileFor = (databaseFile: string) => `${databaseFile}.server-pid`;

export function runningServerPid(databaseFile: string): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFileFor(databaseFile), "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * A consistent copy taken with SQLite's online backup API (safe while the server
 * writes), named by time, then checked with PRAGMA integrity_check.
 */
export async function backupDatabase(databaseFile: string, directory: string, now = new Date()): Promise<string> {
  fs.mkdirSync(directory, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const target = path.join(directory, `minka-${stamp}.db`);
  const source = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const result = integrityCheck(target);
  if (result !== "ok") {
    fs.rmSync(target, { force: true });
    throw new Error(`The backup failed its integrity check: ${result}`);
  }
  return target;
}

/** Replaces the database with a verified backup; refuses while a server uses it. */
export function restoreDatabase(backupFile: string, databaseFile: string): void {
  const pid = runningServerPid(databaseFile);
  if (pid) throw new Error(`The server is running (pid ${pid}). Stop it before restoring.`);
  const result = integrityCheck(backupFile);
  if (result !== "ok") throw new Error(`${backupFile} failed its integrity check: ${result}`);
  const temporary = `${databaseFile}.restoring`;
  fs.copyFileSync(backupFile, temporary);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
  fs.renameSync(temporary, databaseFile);
}
