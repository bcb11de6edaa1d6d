/** `npm run backup`: a verified, timestamped copy of the SQLite database (BACKUP_DIR, default data/backups). */
import path from "node:path";
import { backupDatabase, sqliteFileFromUrl } from "../db/backup";
import { DEFAULT_DATABASE_URL } from "../app/utils/db.server";

const database = sqliteFileFromUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
const directory = path.resolve(process.env.BACKUP_DIR || path.join(path.dirname(database), "backups"));
try {
  const file = await backupDatabase(database, directory);
  console.log(`Backup written and verified (integrity_check: ok): ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
