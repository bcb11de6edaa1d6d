import { canManageWorkshop, findWorkshop } from "../models/workshop.server";
import { requireRole } from "./auth.server";
import { getDb } from "./db.server";

/** A route's `:id` as a workshop id, or a 404. */
export function workshopIdFrom(param: string | undefined): number {
  if (!param || !/^\d{1,9}$/.test(param)) throw new Response("Not found", { status: 404 });
  return Number(param);
}

/**
 * The guard for staff pages of one workshop: facilitator role or above, the
 * workshop exists (404), and the user facilitates it or is a manager/admin (403).
 */
export async function requireWorkshopStaff(request: Request, param: string | undefined) {
  const user = await requireRole(request, "facilitator");
  const id = workshopIdFrom(param);
  const db = await getDb();
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw new Response("Not found", { status: 404 });
  if (!(await canManageWorkshop(db, user, id))) throw new Response("Forbidden", { status: 403 });
  return { user, db, workshop };
}
