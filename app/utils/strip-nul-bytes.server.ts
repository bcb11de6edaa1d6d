import { Transform } from "node:stream";

/**
 * React 18.3's server renderer encodes text into 2048-byte views; when a multi-byte character
 * (á, ñ, «…) does not fit at the end of one, it sends the whole view, unused zero bytes included
 * (react-dom-server.node writeStringChunk; React 19 sends only the written part). Spanish pages
 * then carry a U+0000 here and there: browsers drop it, the Nu checker reports "Saw U+0000".
 * A raw zero byte is never valid HTML (our scripts' data escapes it as \u0000), so removing every
 * one restores what React meant to send.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      callback(null, length ? kept.subarray(0, length) : undefined);
    },
  });
}
