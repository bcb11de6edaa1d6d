import { redirect } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { hasRole } from "../domain/roles";
import { getCookie, serializeCookie, sessionCookieName } from "../utils/cookies.server";
import { ABSOLUTE_LIFETIME_MS, createSession, validateSessionToken, type SessionUser } from "../models/session.server";
import { getDb } from "../utils/db.server";

// Root and route loaders run for the same request: validate the cookie once.
const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  let user = userByRequest.get(request);
  if (!user) {
    const token = getCookie(request, sessionCookieName(request));
    user = token ? getDb().then((db) => validateSessionToken(db, token)) : Promise.resolve(null);
    userByRequest.set(request, user);
  }
  return user;
}

/** Only same-site paths, so a crafted link cannot send people elsewhere after logging in. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
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
  return serializeCookie(request, sessionCookieName(request), token, { maxAgeSeconds: ABSOLUTE_LIFETIME_MS / 1000 });
}

export function clearSessionCookie(request: Request): string {
  return serializeCookie(request, sessionCookieName(request), "", { maxAgeSeconds: 0 });
}
