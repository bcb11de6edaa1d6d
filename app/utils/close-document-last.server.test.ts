import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { closeDocumentLast } from "./close-document-last.server";

async function through(chunks: string[]): Promise<{ text: string; seen: string[] }> {
  const transform = closeDocumentLast();
  const seen: string[] = [];
  let text = "";
  transform.on("data", (chunk: Buffer) => {
    seen.push(chunk.toString());
    text += chunk.toString();
  });
  const done = new Promise((resolve) => transform.on("end", resolve));
  Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(transform);
  await done;
  return { text, seen };
}

const SHELL = '<!DOCTYPE html><html lang="es"><head></head><body><main>Hola</main><script>import("/e.js")</script>';
const STREAMED = [
  '<!--$?--><template id="B:0"></template><!--/$-->',
  '<div hidden id="S:0"><script>x()</script></div>',
];

describe("closeDocumentLast", () => {
  it("moves the document's closing tags after what React streams once the shell is sent", async () => {
    const { text } = await through([SHELL + "</body></html>" + STREAMED[0], STREAMED[1]]);
    expect(text).toBe(SHELL + STREAMED.join("") + "</body></html>");
  });

  it("finds the closing tags when a chunk boundary cuts them", async () => {
    const { text } = await through([SHELL + "</bo", "dy></ht", "ml>" + STREAMED[0], STREAMED[1]]);
    expect(text).toBe(SHELL + STREAMED.join("") + "</body></html>");
  });

  it("sends the shell at once: only a possible start of the closing tags waits for the next chunk", async () => {
    const { seen } = await through([SHELL + "</body></html>", STREAMED[0]]);
    expect(seen[0]).toBe(SHELL);
    const cut = await through([SHELL + "</bo", "dy></html>"]);
    expect(cut.seen[0]).toBe(SHELL);
  });

  it("leaves a document without streamed parts as it was", async () => {
    expect((await through([SHELL + "</body></html>"])).text).toBe(SHELL + "</body></html>");
  });

  it("leaves text that only resembles the closing tags", async () => {
    const text = "<p>&lt;/body&gt;</p></bod";
    expect((await through([text])).text).toBe(text);
  });
});
