import type { Role } from "../../db/schema";
import { hasRole } from "../domain/roles";
import { findPersonRecord, isOnWorkshopOf, type PersonRecord } from "../models/person-record.server";
import { getDb } from "../utils/db.server";
import { requireRole } from "./user.server";
import { idParam } from "./workshop.server";

/**
 * The guard of the staff person page: facilitator role or above (anonymous → login, member → 403);
 * managers and admins see everyone; a facilitator only the people registered on, or attending, a
 * workshop they facilitate. Anyone else is a 404, like an unknown id, so the page never tells a
 * facilitator whether a person exists.
 */
export async function requirePersonStaff(request: Request, params: { personId?: string }) {
  const user = await requireRole(request, "facilitator");
  const personId = idParam(params.personId);
  const db = await getDb();
  const person = await findPersonRecord(db, personId);
  if (!person) throw new Response("Not found", { status: 404 });
  if (!hasRole(user.role, "manager") && !(await isOnWorkshopOf(db, user.accountId, personId))) {
    throw new Response("Not found", { status: 404 });
  }
  return { user, db, person };
}

const RANK: Record<Role, number> = { member: 0, facilitator: 1, manager: 2, admin: 3 };

/**
 * Whether this staff member may correct the person's facts: never once erased; for someone with a
 * login, only when that account's role is below theirs (an admin: anyone), as for reset codes.
 */
export function mayEditPerson(user: { role: Role }, person: Pick<PersonRecord, "erased_at" | "accountRole">): boolean {
  if (person.erased_at) return false;
  if (!person.accountRole || user.role === "admin") return true;
  return RANK[user.role] > RANK[person.accountRole];
}
