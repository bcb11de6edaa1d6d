import { DEMO_ACCOUNTS, makeAccount } from "./factories";
import { seedReachStory } from "./seeds/reach-story";
import { seedWorkshops } from "./seeds/workshops";
import { seedLearning } from "./seeds/learning";
import { seedAttendance } from "./seeds/attendance";
import type { DB } from "../app/utils/db.server";

/**
 * Fills an empty database with demo data. Running it again changes nothing.
 * Each area adds its own seed step (db/seeds/<area>.ts) below, in dependency order.
 */
export async function seedDemo(db: DB): Promise<{ seeded: boolean }> {
  const existing = await db
    .selectFrom("account")
    .select("id")
    .where("email", "=", DEMO_ACCOUNTS[0].email)
    .executeTakeFirst();
  if (existing) return { seeded: false };
  for (const account of DEMO_ACCOUNTS) await makeAccount(account);
  await seedWorkshops(db);
  await seedReachStory(db);
  await seedLearning(db);
  await seedAttendance(db);
  return { seeded: true };
}
