import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { stripNulBytes } from "./strip-nul-bytes.server";

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const transform = stripNulBytes();
  transform.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => transform.on("end", resolve));
  Readable.from(chunks).pipe(transform);
  await done;
  return Buffer.concat(out);
}

describe("stripNulBytes", () => {
  it("drops the zero bytes React 18 leaves where a multi-byte character did not fit its 2048-byte view", async () => {
    // What React wrote for "Gráfico" across a view boundary: "Gr", one unused (zero) byte, then "áfico".
    const view = Buffer.alloc(2048, "a".charCodeAt(0));
    view.write("Gr", 2045);
    view[2047] = 0;
    const out = await through([view, Buffer.from("áfico")]);
    expect(out.includes(0)).toBe(false);
    expect(out.toString("utf8").endsWith("aaaGráfico")).toBe(true);
    expect(out.length).toBe(2047 + Buffer.byteLength("áfico"));
  });

  it("passes other chunks through untouched", async () => {
    const text = Buffer.from("<p>Año, niña, corazón</p>");
    expect((await through([text])).equals(text)).toBe(true);
  });
});
