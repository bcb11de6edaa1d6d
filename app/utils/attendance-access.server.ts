import { findSessionOfWorkshop } from "../models/attendance.server";
import { canManageWorkshop, findWorkshop } from "../models/workshop.server";
import { requireRole } from "./auth.server";
import { getDb } from "./db.server";

function idFrom(param: string | undefined): number {
  if (!param || !/^\d{1,9}$/.test(param)) throw new Response("Not found", { status: 404 });
  return Number(param);
}

/**
 * The guard of every attendance page: facilitator role or above (anonymous → login, member → 403),
 * the workshop exists (404), and the user facilitates it or is a manager/admin (403).
 */
export async function requireWorkshopAttendanceStaff(request: Request, params: { id?: string }) {
  const user = await requireRole(request, "facilitator");
  const workshopId = idFrom(params.id);
  const db = await getDb();
  const workshop = await findWorkshop(db, workshopId);
  if (!workshop) throw new Response("Not found", { status: 404 });
  if (!(await canManageWorkshop(db, user, workshopId))) throw new Response("Forbidden", { status: 403 });
  return { user, db, workshop };
}

/** As above, for one session of the workshop (404 when the session belongs to another workshop). */
export async function requireSessionAttendanceStaff(request: Request, params: { id?: string; sessionId?: string }) {
  const access = await requireWorkshopAttendanceStaff(request, params);
  const session = await findSessionOfWorkshop(access.db, access.workshop.id, idFrom(params.sessionId));
  if (!session) throw new Response("Not found", { status: 404 });
  return { ...access, session };
}
