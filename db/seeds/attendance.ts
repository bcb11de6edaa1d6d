import { makeCostsWorkshop } from "../factories/attendance";
import type { DB } from "../../app/utils/db.server";

/**
 * A past online workshop run by the demo facilitator, with the people of the Zoom fixture
 * registered (tests/fixtures/attendance/zoom-meeting-participants.csv imports onto it).
 */
export async function seedAttendance(db: DB): Promise<void> {
  const facilitator = await db
    .selectFrom("account")
    .select("id")
    .where("email", "=", "facilitadora@minka.test")
    .executeTakeFirstOrThrow();
  await makeCostsWorkshop({ facilitatorIds: [facilitator.id] });
}
