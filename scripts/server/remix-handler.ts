import type { NextFunction, Request, Response } from "express";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import { readCookie } from "../../app/i18n/negotiate";
import { SESSION_COOKIE_NAMES } from "../../app/utils/cookies.server";
import { countingQueries, withQueryCount } from "../../app/utils/query-count.server";
import { nextRequestId, REQUEST_ID_HEADER } from "../../app/utils/request-id";

/**
 * What Remix answers to someone with a session (pages, redirects, CSV and XLSX exports)
 * may show their data, and so may a response that starts or ends a session: neither a
 * shared proxy nor the browser's cache may keep it. Anonymous public pages stay cacheable.
 */
function dependsOnSession(req: Request, response: globalThis.Response): boolean {
  const cookies = req.headers.cookie ?? null;
  return (
    SESSION_COOKIE_NAMES.some((name) => readCookie(cookies, name) !== undefined) || response.headers.has("Set-Cookie")
  );
}

/** The URL the client asked for, as the app sees it (protocol and host through "trust proxy"). */
export function requestUrl(req: Request): URL {
  return new URL(req.originalUrl, `${req.protocol}://${req.headers.host ?? "localhost"}`);
}

// Remix derives its route tree and static handler when a handler is created: once per build, never per request.
const handlers = new WeakMap<ServerBuild, ReturnType<typeof createRequestHandler>>();

function handlerFor(build: ServerBuild, mode: string) {
  let handle = handlers.get(build);
  if (!handle) handlers.set(build, (handle = createRequestHandler(build, mode)));
  return handle;
}

/**
 * A small Express→Fetch bridge, like @remix-run/express's, but it hands Remix
 * the body already read (and size- and type-checked) by `limitedBody`.
 */
export function remixHandler(getBuild: () => Promise<ServerBuild>, mode: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const handle = handlerFor(await getBuild(), mode);
      // Abort loaders and actions only if the client leaves before the response is written: aborting
      // after every finished response ran every abort listener of the request for nothing.
      let controller: AbortController | null = new AbortController();
      const signal = controller.signal;
      res.on("finish", () => (controller = null));
      res.on("close", () => controller?.abort());
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      // Set after the client's headers: a client cannot choose it.
      headers.set(REQUEST_ID_HEADER, nextRequestId());
      const url = requestUrl(req);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      // limitedBody lets through only forms, and an empty body without a type: that is an empty form.
      if (hasBody && !headers.has("Content-Type")) headers.set("Content-Type", "application/x-www-form-urlencoded");
      const request = new Request(url, {
        method: req.method,
        headers,
        signal,
        body: hasBody && req.rawBody ? new Uint8Array(req.rawBody) : undefined,
      });
      // Single-fetch data requests end in ".data"; anything else renders a document.
      const isDocument = !url.pathname.endsWith(".data");
      const context = {
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip,
        documentHtml: isDocument ? new Map<string, string>() : undefined,
      };
      let response: globalThis.Response;
      if (countingQueries()) {
        const counted = await withQueryCount(() => handle(request, context));
        response = counted.result;
        // Some responses (e.g. redirects) have immutable headers: copy them.
        response = new globalThis.Response(response.body, response);
        response.headers.set("X-Query-Count", String(counted.queries));
      } else {
        response = await handle(request, context);
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) {
        if (name !== "set-cookie") res.append(name, value);
      }
      for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      if (dependsOnSession(req, response)) res.setHeader("Cache-Control", "private, no-store");
      if (response.body && req.method !== "HEAD") await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
