/**
 * Six anonymous 25 MB multipart POSTs to /login at once, against the production server
 * (`npx tsx scripts/bench/body-flood.ts`). Before the per-route limits the server read and
 * kept every one of them (memory 305 → 584 MB, /status 7.7 s); now it answers 413 from
 * the headers and drops what it reads. Prints the server's memory and /status meanwhile.
 */
import fs from "node:fs";
import { startAppServer } from "./app-server";

const FLOODS = 6;
// Just under the old 25 MB multipart limit, which any anonymous POST got.
const SIZE = 25 * 1024 * 1024 - 64 * 1024;

const server = await startAppServer();
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;

async function timeStatus(): Promise<number> {
  const start = performance.now();
  await (await fetch(server.url + "/status")).text();
  return performance.now() - start;
}

try {
  for (let i = 0; i < 20; i++) await timeStatus();
  const form = new FormData();
  form.append("identifier", "socia@minka.test");
  form.append("file", new Blob([new Uint8Array(SIZE)]), "big.bin");
  const encoded = new Response(form);
  const type = encoded.headers.get("Content-Type")!;
  const body = new Uint8Array(await encoded.arrayBuffer());

  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
  let running = FLOODS;
  const outcomes = await Promise.all([
    ...Array.from({ length: FLOODS }, () =>
      fetch(server.url + "/login", { method: "POST", body, headers: { "Content-Type": type } })
        .then(
          async (response) => (await response.text(), String(response.status)),
          (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
        )
        .finally(() => running--),
    ),
    (async () => {
      const latencies: number[] = [];
      while (running > 0) latencies.push(await timeStatus());
      return latencies;
    })(),
  ]);
  clearInterval(sampler);
  const latencies = outcomes.pop() as number[];
  console.log(
    `answers to the ${FLOODS} floods: ${(outcomes as string[]).join(", ")} (a connection cut after 10 MB shows as EPIPE/ECONNRESET)`,
  );
  console.log(`server memory: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak`);
  console.log(`/status meanwhile: ${latencies.length} requests, slowest ${Math.max(...latencies).toFixed(0)} ms`);
} finally {
  server.stop();
}
