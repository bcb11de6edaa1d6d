import { readCookie } from "../i18n/negotiate";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Cookies are Secure (with the __Host- prefix) over HTTPS and on any
 * production host; plain on loopback so `npm start` works at http://localhost.
 */
export function isSecureRequest(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === "https:") return true;
  return process.env.NODE_ENV === "production" && !LOOPBACK.has(url.hostname);
}

/** Over HTTPS, then plain; the server also reads them (no caching of anything a session sees). */
export const SESSION_COOKIE_NAMES = ["__Host-minka_session", "minka_session"] as const;

export function sessionCookieName(request: Request): string {
  return isSecureRequest(request) ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1];
}

export function getCookie(request: Request, name: string): string | undefined {
  return readCookie(request.headers.get("Cookie"), name);
}

export function serializeCookie(
  request: Request,
  name: string,
  value: string,
  options: { maxAgeSeconds?: number; httpOnly?: boolean } = {},
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (isSecureRequest(request)) parts.push("Secure");
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  return parts.join("; ");
}
