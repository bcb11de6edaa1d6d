import type { DB } from "../utils/db.server";

/**
 * Which of these people are already on the workshop: registered in any state, or with attendance
 * at one of its sessions. Staff who manage the workshop already see them, so a form may name them
 * by id; anyone else must be offered by the server first (docs: design "Identity rules").
 */
export async function peopleOnWorkshop(db: DB, workshopId: number, personIds: readonly number[]): Promise<Set<number>> {
  const ids = [...new Set(personIds)].filter((id) => Number.isSafeInteger(id));
  if (ids.length === 0) return new Set();
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const registered = await db
      .selectFrom("registration")
      .select("person_id")
      .where("workshop_id", "=", workshopId)
      .where("person_id", "in", slice)
      .execute();
    const attended = await db
      .selectFrom("attendance")
      .innerJoin("workshop_session", "workshop_session.id", "attendance.session_id")
      .select("attendance.person_id")
      .where("workshop_session.workshop_id", "=", workshopId)
      .where("attendance.person_id", "in", slice)
      .execute();
    for (const row of [...registered, ...attended]) found.add(row.person_id);
  }
  return found;
}
