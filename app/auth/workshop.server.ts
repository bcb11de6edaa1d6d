import { findSessionOfWorkshop } from "../models/attendance.server";
import { canManageWorkshop, findWorkshop } from "../models/workshop.server";
import { getDb } from "../utils/db.server";
import { requireRole } from "./user.server";

/** A numeric route parameter (`:id`, `:sessionId`) as an id, or a 404. */
export function idParam(param: string | undefined): number {
  if (!param || !/^\d{1,9}$/.test(param)) throw new Response("Not found", { status: 404 });
  return Number(param);
}

/**
 * The guard of every staff page of one workshop: facilitator role or above (anonymous → login,
 * member → 403), the workshop exists (404), and the user facilitates it or is a manager/admin (403).
 */
export async function requireWorkshopStaff(request: Request, params: { id?: string }) {
  const user = await requireRole(request, "facilitator");
  const workshopId = idParam(params.id);
  const db = await getDb();
  const workshop = await findWorkshop(db, workshopId);
  if (!workshop) throw new Response("Not found", { status: 404 });
  if (!(await canManageWorkshop(db, user, workshopId))) throw new Response("Forbidden", { status: 403 });
  return { user, db, workshop };
}

/** As above, for one session of the workshop (404 when the session belongs to another workshop). */
export async function requireSessionStaff(request: Request, params: { id?: string; sessionId?: string }) {
  const access = await requireWorkshopStaff(request, params);
  const session = await findSessionOfWorkshop(access.db, access.workshop.id, idParam(params.sessionId));
  if (!session) throw new Response("Not found", { status: 404 });
  return { ...access, session };
}
