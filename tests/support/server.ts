import { spawn } from "node:child_process";
import SQLite from "better-sqlite3";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT, SEEDED_DB, TEST_TMP } from "./paths";

export interface TestServer {
  url: string;
  databaseFile: string;
  /** Stops the server and deletes its database; throws if it wrote anything to stderr (an unexpected error). */
  stop(): Promise<void>;
  /** Kills the process with SIGKILL, as a crash or power cut would; the database file stays. */
  kill(): Promise<void>;
  stderr(): string;
  /** Reads the server's database directly (read-only), to check what the pages claim or that nothing was written. */
  query<T>(sql: string, ...args: unknown[]): T[];
}

/**
 * Starts the production build on a free port, on its own copy of a database
 * (or, with `reuseDatabase`, on that very file, e.g. after a crash). `script: "scripts/start.ts"`
 * runs `npm start` instead of the bare server (migrations, seeding rules, content build first).
 */
export async function startTestServer(
  options: { database?: string; reuseDatabase?: string; env?: Record<string, string>; script?: string } = {},
): Promise<TestServer> {
  const databaseFile = options.reuseDatabase ?? path.join(TEST_TMP, `server-${crypto.randomUUID()}.db`);
  if (!options.reuseDatabase) fs.copyFileSync(options.database ?? SEEDED_DB, databaseFile);
  const child = spawn(process.execPath, ["--import", "tsx", options.script ?? "scripts/server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseFile,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    // npm start migrates and builds content first: on a busy 2-core machine that takes a while.
    const timer = setTimeout(
      () => reject(new Error(`Server did not start:\n${stdout}\n${stderr}`)),
      options.script ? 180_000 : 30_000,
    );
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    databaseFile,
    stderr: () => stderr,
    query<T>(sqlText: string, ...args: unknown[]): T[] {
      const db = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sqlText).all(...args) as T[];
      } finally {
        db.close();
      }
    },
    async kill() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
      if (stderr.trim()) throw new Error(`The server wrote to stderr:\n${stderr}`);
    },
  };
}
