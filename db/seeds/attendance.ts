import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { makeCostsWorkshop } from "../factories/attendance";

/**
 * A past online workshop run by the demo facilitator, with the people of the Zoom fixture
 * registered (tests/fixtures/attendance/zoom-meeting-participants.csv imports onto it).
 */
export async function seedAttendance(db: Kysely<Database>): Promise<void> {
  const facilitator = await db.selectFrom("account").select("id").where("email", "=", "facilitadora@minka.test").executeTakeFirstOrThrow();
  await makeCostsWorkshop({ facilitatorIds: [facilitator.id] });
}
