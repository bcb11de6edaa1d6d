import type { NextFunction, Request, Response } from "express";
import { refuse } from "./refuse";

export const FORM_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 25 * 1024 * 1024;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The routes with a file field, also as single-fetch `.data` requests; only there may staff send more than a form. */
const UPLOAD_ROUTES = [
  /^\/staff\/workshops\/[^/]+\/sessions\/[^/]+\/import(?:\.data)?\/?$/,
  /^\/staff\/enrolments\/import(?:\.data)?\/?$/,
  /^\/staff\/people\/import(?:\.data)?\/?$/,
];

export function isUploadRoute(path: string): boolean {
  return UPLOAD_ROUTES.some((route) => route.test(path));
}

export type BodyProblem = "tooLarge" | "notForm";

declare module "express-serve-static-core" {
  interface Request {
    rawBody?: Buffer;
  }
}

export interface BodyRules {
  /** The short, localized text of a refusal. */
  message(req: Request, problem: BodyProblem): string;
  /** Whether the request comes with a valid session of staff (facilitator or above). */
  isStaff(req: Request): Promise<boolean>;
}

/**
 * Reads the body of every non-GET request into memory, up to a limit decided before a
 * byte of it is read, and refuses what no route could use:
 * - not a form (JSON, text, or a body without a content type): 415; an empty body
 *   without a content type is an empty form (e.g. a bare `POST /logout`); multipart
 *   that does not parse: 400;
 * - over 1 MB: 413, except multipart on an upload route from staff, up to 25 MB.
 *   The upload routes check their own, smaller, per-file limits.
 */
export function limitedBody(rules: BodyRules) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    checkBody(req, res, next, rules).catch(next);
  };
}

async function checkBody(req: Request, res: Response, next: NextFunction, rules: BodyRules) {
  const contentType = req.headers["content-type"] ?? "";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type && !FORM_TYPES.has(type)) return refuse(req, res, 415, rules.message(req, "notForm"));
  const multipart = type === "multipart/form-data";
  if (multipart && !/;\s*boundary=/i.test(contentType)) return refuse(req, res, 400, rules.message(req, "notForm"));

  const upload = multipart && isUploadRoute(req.path) && (await rules.isStaff(req));
  const limit = upload ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
  if (Number(req.headers["content-length"] ?? 0) > limit) return refuse(req, res, 413, rules.message(req, "tooLarge"));
  const read = await readUpTo(req, limit);
  if (read === "gone") return;
  if (read === "tooLarge") return refuse(req, res, 413, rules.message(req, "tooLarge"));
  if (!type && read.length > 0) return refuse(req, res, 415, rules.message(req, "notForm"));
  if (multipart && !(await parsesAsForm(read, contentType)))
    return refuse(req, res, 400, rules.message(req, "notForm"));
  req.rawBody = read;
  next();
}

/** A broken multipart body would make the route's formData() throw, a 500. Parsing costs milliseconds for 1 MB (a few hundred for a 25 MB staff upload). */
async function parsesAsForm(body: Buffer, contentType: string): Promise<boolean> {
  try {
    await new globalThis.Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

/** The body, or "tooLarge" as soon as it passes the limit (the rest is left unread), or "gone" if the client left. */
function readUpTo(req: Request, limit: number): Promise<Buffer | "tooLarge" | "gone"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | "tooLarge" | "gone") => {
      req.off("data", onData).off("end", onEnd).off("error", onGone).off("close", onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      settle("tooLarge");
    };
    const onEnd = () => settle(Buffer.concat(chunks));
    const onGone = () => settle("gone");
    req.on("data", onData).on("end", onEnd).on("error", onGone).on("close", onGone);
  });
}
