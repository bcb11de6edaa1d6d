import { redirect } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { hasRole } from "../domain/roles";
import { getCookie, serializeCookie, sessionCookieName } from "../utils/cookies.server";
import { ABSOLUTE_LIFETIME_MS, createSession, validateSessionToken, type SessionUser } from "../models/session.server";
import { getDb } from "../utils/db.server";
import { REQUEST_ID_HEADER } from "../utils/request-id";

// Routes import it with the guards; it lives apart, without a database, for its property test.
export { safeRedirectPath } from "../utils/safe-redirect";

// Root and route loaders run for the same request: validate the cookie once.
const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>();
// Remix gives each loader its own Request object; the server's request number joins them.
// Only for GET: after an action (a POST, which may log out or change the language) the
// loaders' own GET requests validate again.
const MAX_REMEMBERED = 500;
const userByRequestId = new Map<string, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  const id = request.method === "GET" ? request.headers.get(REQUEST_ID_HEADER) : null;
  let user = id ? userByRequestId.get(id) : userByRequest.get(request);
  if (!user) {
    const token = getCookie(request, sessionCookieName(request));
    user = token ? getDb().then((db) => validateSessionToken(db, token)) : Promise.resolve(null);
    if (id) {
      if (userByRequestId.size >= MAX_REMEMBERED) userByRequestId.delete(userByRequestId.keys().next().value!);
      userByRequestId.set(id, user);
    } else userByRequest.set(request, user);
  }
  return user;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

/** The one guard: anonymous people go to the login page, the wrong role gets a 403. */
export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasRole(user.role, role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function startSession(request: Request, accountId: number): Promise<string> {
  const { token } = await createSession(await getDb(), accountId);
  return sessionSetCookie(request, token);
}

/** The Set-Cookie header of a session a model already created (an access card, a sign-in link). */
export function sessionSetCookie(request: Request, token: string): string {
  return serializeCookie(request, sessionCookieName(request), token, { maxAgeSeconds: ABSOLUTE_LIFETIME_MS / 1000 });
}

export function clearSessionCookie(request: Request): string {
  return serializeCookie(request, sessionCookieName(request), "", { maxAgeSeconds: 0 });
}
