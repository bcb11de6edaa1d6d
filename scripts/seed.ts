import { seedDemo } from "../db/seed";
import { closeDb, getDb } from "../app/utils/db.server";

const force = process.argv.includes("--force") || process.env.SEED_FORCE === "1";
if (process.env.NODE_ENV === "production" && !force) {
  console.error(
    "Refusing to seed demo accounts with NODE_ENV=production. Use `npm run db:seed -- --force` if you really mean it.",
  );
  process.exit(1);
}
const { seeded } = await seedDemo(await getDb());
console.log(seeded ? "Demo data added." : "Demo data already present; nothing changed.");
await closeDb();
