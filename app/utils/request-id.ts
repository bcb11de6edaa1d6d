/**
 * The server (scripts/server/remix-handler.ts) marks each incoming request with its own
 * number under this header, overwriting any value the client sent. Remix hands each loader
 * its own copy of the request, so this number, not the object, tells that two loaders
 * serve the same HTTP request (e.g. to validate the session cookie once).
 */
export const REQUEST_ID_HEADER = "x-minka-request-id";

let last = 0;
// A process-wide counter: unique for the life of the process, and cheaper than random bytes.
export const nextRequestId = (): string => String(++last);
