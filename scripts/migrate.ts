import { migrateToLatest } from "../db/migrate";
import { closeDb, getDb } from "../app/utils/db.server";

const applied = await migrateToLatest(await getDb());
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
await closeDb();
