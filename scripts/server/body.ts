import type { NextFunction, Request, Response } from "express";

export const FORM_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 25 * 1024 * 1024;

declare module "express-serve-static-core" {
  interface Request {
    rawBody?: Buffer;
  }
}

/**
 * Reads the request body into memory up to a limit and answers 413 beyond it,
 * before anything parses it. Uploads (multipart) get a larger limit; the
 * routes that take files check their own, smaller, per-file limits.
 */
export function limitedBody(onTooLarge: (req: Request, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = (req.headers["content-type"] ?? "").startsWith("multipart/form-data") ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      res.setHeader("Connection", "close");
      onTooLarge(req, res);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        res.setHeader("Connection", "close");
        onTooLarge(req, res);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (refused) return;
      req.rawBody = Buffer.concat(chunks);
      next();
    });
    req.on("error", next);
  };
}
