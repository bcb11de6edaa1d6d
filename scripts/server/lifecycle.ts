import fs from "node:fs";
import type { Server } from "node:http";
import { pidFileFor, sqliteFileFromUrl } from "../../db/backup";
import { DEFAULT_DATABASE_URL, isPostgresUrl } from "../../app/utils/db.server";

/**
 * Marks the SQLite database as in use (so `npm run restore` refuses) and shuts
 * down cleanly on SIGTERM/SIGINT: stop accepting requests, then exit.
 */
export function manageLifecycle(server: Server): void {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const pidFile = isPostgresUrl(url) ? null : pidFileFor(sqliteFileFromUrl(url));
  if (pidFile) fs.writeFileSync(pidFile, String(process.pid));
  // Servers sharing one database (WEB_CONCURRENCY, scale-out) exit at the same moment: the file
  // may vanish between any two steps here, and a server must not fail its exit over it.
  const removePidFile = () => {
    if (!pidFile) return;
    try {
      if (fs.readFileSync(pidFile, "utf8") === String(process.pid)) fs.rmSync(pidFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  };
  process.once("exit", removePidFile);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
  }
}
