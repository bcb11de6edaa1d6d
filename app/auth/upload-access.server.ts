import { hasRole } from "../domain/roles";
import { getUser } from "./user.server";

/**
 * Whether this request's session is staff's (facilitator or above): only they may send
 * a body larger than a form, and only to an upload route. The server asks before it
 * reads the body (scripts/server/body.ts), through the build like startOutboxSender.
 */
export async function mayUploadFiles(request: Request): Promise<boolean> {
  const user = await getUser(request);
  return user !== null && hasRole(user.role, "facilitator");
}
