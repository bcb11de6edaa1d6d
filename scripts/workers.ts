/**
 * Serving with several processes on one machine (`WEB_CONCURRENCY`, Node's `cluster`): the
 * primary forks the workers, which share the listening port (the primary hands out connections
 * round-robin), and starts a new one when one dies. Everything the workers must share lives in
 * the database (README "Scale out", docs/decisions/018).
 */
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** WEB_CONCURRENCY: a whole number of processes (1 to 64), or "auto" for one per CPU core; 1 when unset. */
export function workerCount(value: string | undefined, cores = os.availableParallelism()): number {
  const text = (value ?? "").trim().toLowerCase();
  if (!text) return 1;
  if (text === "auto") return Math.max(1, cores);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, or "auto" (got "${value}").`);
  return n;
}

/** Serves in this process (one worker) or forks `count` workers that each run scripts/server.ts. */
export async function serve(count: number): Promise<void> {
  if (count <= 1) {
    const { startServer } = await import("./server");
    await startServer();
    return;
  }
  // The workers load the server under the same loader (tsx) as this process.
  cluster.setupPrimary({ exec: path.resolve(import.meta.dirname, "worker.ts"), execArgv: process.execArgv });
  let stopping = false;
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    if (++listening === count) console.log(`Minka: ${count} workers listening on http://localhost:${address.port}`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another in 1 s.`);
    setTimeout(() => cluster.fork(), 1000);
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill("SIGTERM");
    });
  }
  for (let i = 0; i < count; i++) cluster.fork();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Serve an already built app and prepared database: what `npm start` does after its preparation.
  process.env.NODE_ENV = "production";
  await serve(workerCount(process.env.WEB_CONCURRENCY));
}
