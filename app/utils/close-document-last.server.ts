import { Transform } from "node:stream";

const CLOSING = Buffer.from("</body></html>");

/** How many bytes at the end of `buffer` could be the start of the closing tags. */
function partialClosingAtEnd(buffer: Buffer): number {
  for (let length = Math.min(CLOSING.length - 1, buffer.length); length > 0; length--)
    if (buffer.subarray(buffer.length - length).equals(CLOSING.subarray(0, length))) return length;
  return 0;
}

/**
 * React 18 ends the shell with `</body></html>` and streams what Suspense resolves later — Remix's
 * single-fetch data scripts among them — after it, where HTML allows nothing (the Nu checker stops
 * at "Stray start tag"). Browsers put such content back into the body; this moves the closing tags
 * to the very end instead (as React 19 does), so the document is valid and the DOM the same.
 * Everything else passes at once; only bytes that may begin the closing tags wait for the next chunk.
 */
export function closeDocumentLast(): Transform {
  let closed = false;
  let pending = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (closed) return callback(null, chunk);
      const buffer = Buffer.concat([pending, chunk]);
      const at = buffer.indexOf(CLOSING);
      if (at !== -1) {
        closed = true;
        pending = Buffer.alloc(0);
        const rest = Buffer.concat([buffer.subarray(0, at), buffer.subarray(at + CLOSING.length)]);
        return callback(null, rest.length ? rest : undefined);
      }
      const keep = partialClosingAtEnd(buffer);
      pending = buffer.subarray(buffer.length - keep);
      const ready = buffer.subarray(0, buffer.length - keep);
      callback(null, ready.length ? ready : undefined);
    },
    flush(callback) {
      callback(null, closed ? Buffer.concat([pending, CLOSING]) : pending.length ? pending : undefined);
    },
  });
}
