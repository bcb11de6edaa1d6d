import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { pipeline } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { DocumentHtmlContext } from "./components/document-html";
import { closeDocumentLast } from "./utils/close-document-last.server";
import { stripNulBytes } from "./utils/strip-nul-bytes.server";
import { NonceContext } from "./utils/nonce";

// The server starts the e-mail sender through the build, so it shares the build's one database connection.
export { startOutboxSender } from "./mail/mailer.server";
// Likewise the server asks, before reading an upload, whether the session is staff's.
export { mayUploadFiles } from "./auth/upload-access.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // Bots and no-JS clients get the whole document at once; browsers get the shell early.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <DocumentHtmlContext.Provider value={loadContext.documentHtml ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </DocumentHtmlContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // A valid document: no stray zero bytes, and the streamed parts (Remix's data scripts)
          // before </body></html>, not after. A client that goes away ends the render (pipeline).
          const rendered = stripNulBytes();
          const body = closeDocumentLast();
          pipeline(rendered, body, () => {});
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(rendered);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Expected outcomes (aborted requests, 4xx responses) are not server errors and are not logged. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (error instanceof Response && error.status < 500) return;
  console.error(error);
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    clientIp?: string;
    /** Set by the server on document requests only: HTML sent in the page and not again in the data (sendOnce). */
    documentHtml?: Map<string, string>;
  }
}
