import type { Request, Response } from "express";

/** Of a refused body, how much more is read (and thrown away), and for how long, before the connection is cut. */
export const DISCARD_LIMIT = 10 * 1024 * 1024;
const DISCARD_TIMEOUT_MS = 15_000;

/**
 * Answers a request with a short text before (or without) reading its body. The
 * client may still be sending: closing the connection then would make it fail
 * (EPIPE, reset) before it reads the answer. So the answer is sent at once, and the
 * rest of the body is read and dropped, up to DISCARD_LIMIT or DISCARD_TIMEOUT_MS;
 * then the response ends and the connection closes. Nothing of it is kept.
 */
export function refuse(req: Request, res: Response, status: number, text: string): void {
  const body = Buffer.from(text, "utf8");
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length };
  if (req.complete) {
    res.writeHead(status, headers).end(body);
    return;
  }
  res.writeHead(status, { ...headers, Connection: "close" }).write(body);
  let discarded = 0;
  const cut = () => {
    clearTimeout(timer);
    req.destroy();
  };
  const timer = setTimeout(cut, DISCARD_TIMEOUT_MS);
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) cut();
  });
  req.on("end", () => {
    clearTimeout(timer);
    res.end();
  });
  res.on("close", () => clearTimeout(timer));
  req.resume();
}
