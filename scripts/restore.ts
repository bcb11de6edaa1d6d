/** `npm run restore <file>`: replaces the database with a verified backup, only while the server is stopped. */
import path from "node:path";
import { restoreDatabase, sqliteFileFromUrl } from "../db/backup";
import { DEFAULT_DATABASE_URL } from "../app/utils/db.server";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore <backup-file>");
  process.exit(2);
}
const database = sqliteFileFromUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  restoreDatabase(path.resolve(file), database);
  console.log(`Restored ${database} from ${file}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
