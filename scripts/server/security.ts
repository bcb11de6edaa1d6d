import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { refuse } from "./refuse";

/** Headers on every response; the CSP allows only scripts carrying this response's nonce. */
export function securityHeaders(options: { dev: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      // style attributes only (e.g. a progress bar's width); never <style> or scripts.
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "media-src 'self' https:",
      "font-src 'self'",
      `connect-src 'self'${options.dev ? " ws:" : ""}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; ");
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    if (!options.dev && req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/**
 * Express's "trust proxy" from TRUST_PROXY. A number is how many proxies stand in front
 * (the README says TRUST_PROXY=1); "true" means one, never "trust every hop": then the client's
 * own X-Forwarded-For would become its address and it could slip past the per-IP rate limits.
 * Anything else is Express's list of trusted proxy addresses (e.g. "loopback, 10.0.0.0/8").
 */
export function trustProxySetting(value: string | undefined): number | string | undefined {
  const setting = value?.trim();
  if (!setting || setting === "0" || setting === "false") return undefined;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting === "true" ? 1 : setting;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests sent from another site (CSRF), on top of
 * SameSite=Lax cookies.
 */
export function sameOriginOnly(message: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const expected = process.env.ORIGIN ?? `${req.protocol}://${req.headers.host}`;
    if (!sentFromThisSite(req.headers, expected)) return refuse(req, res, 403, message(req));
    next();
  };
}

/**
 * Whether a request comes from a page of `origin`, by what the browser says: Origin
 * first; without it (some browsers on some requests), Sec-Fetch-Site, then Referer.
 * "same-site" is another host of the same site, not this origin. A request with none
 * of them (curl, scripts) passes: it carries no ambient credentials from another site.
 */
export function sentFromThisSite(
  headers: { origin?: string; referer?: string; "sec-fetch-site"?: string | string[] },
  origin: string,
): boolean {
  const fetchSite = headers["sec-fetch-site"];
  if (fetchSite === "cross-site" || fetchSite === "same-site") return false;
  if (headers.origin) return headers.origin === origin;
  if (headers.referer) return originOf(headers.referer) === origin;
  return true;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
