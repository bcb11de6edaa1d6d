/**
 * `npm run bench:cluster`: what several server processes gain on this machine. The same
 * prepared app and database are served with 1 worker, then with WEB_CONCURRENCY workers
 * (default: one per core), and autocannon loads the same pages; the ratio to 1 worker is
 * measured in the same run because the machine is shared and noisy.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { OUT_DIR, startAppServer } from "./app-server";

const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 10;
const DATABASE = path.join(OUT_DIR, "bench.db");
const PAGES = [
  { name: "floor (/status)", path: "/status" },
  { name: "home", path: "/" },
  { name: "workshops", path: "/workshops" },
];

/** Serves the prepared app with `workers` processes (scripts/workers.ts) and resolves once all listen. */
async function serveWith(workers: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/workers.ts"], {
    env: { ...process.env, WEB_CONCURRENCY: String(workers), PORT: "0", HOST: "127.0.0.1", DATABASE_URL: DATABASE },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = workers > 1 ? /workers listening on http:\/\/localhost:(\d+)/ : /listening on http:\/\/localhost:(\d+)/;
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function measure(url: string): Promise<{ requestsPerSecond: number; errors: number; non2xx: number }> {
  // Every worker's first requests load code and warm the JIT: several in turn (round-robin reaches each worker).
  for (let i = 0; i < 8; i++) await (await fetch(url)).arrayBuffer();
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    requestsPerSecond: Number((result.requests.total / result.duration).toFixed(1)),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

if (!fs.existsSync(DATABASE)) {
  // `npm start` prepares the bench database once (migrate, seed, content, build).
  const prepared = await startAppServer(DATABASE);
  prepared.stop();
}
const many = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());
const rows: Array<Record<string, string | number>> = [];
const results: Record<number, Record<string, number>> = {};
for (const workers of [1, many]) {
  const server = await serveWith(workers);
  try {
    for (const page of PAGES) {
      const r = await measure(server.url + page.path);
      if (r.non2xx) throw new Error(`${page.path} answered non-2xx ${r.non2xx} times with ${workers} workers`);
      (results[workers] ??= {})[page.name] = r.requestsPerSecond;
      rows.push({ workers, page: page.name, "req/s": r.requestsPerSecond, errors: r.errors });
    }
  } finally {
    await server.stop();
  }
}
console.log(
  `\nCluster (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per page, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)})`,
);
console.table(rows);
const ratios = PAGES.map((page) => ({
  page: page.name,
  ratio: Number((results[many][page.name] / results[1][page.name]).toFixed(2)),
}));
for (const { page, ratio } of ratios) console.log(`${page}: ${many} workers = ${ratio}× 1 worker`);
fs.mkdirSync(OUT_DIR, { recursive: true });
fs.writeFileSync(
  path.join(OUT_DIR, "cluster.json"),
  JSON.stringify({ workers: many, rows, ratios, measuredAt: new Date().toISOString() }, null, 2),
);
