/**
 * What the benches share: the production build served by `npm start` on a
 * seeded bench database, and the demo pages every bench measures.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const OUT_DIR = path.resolve(".tmp/bench");

export interface AppServer {
  url: string;
  /** The server's process (start.ts serves in-process), e.g. to read its memory. */
  pid: number;
  stop: () => void;
}

/**
 * Starts `npm start` (migrate, seed, content build, build if stale, serve) on a free port, on the
 * bench database or another one (the demo accounts are added to it if missing).
 */
export async function startAppServer(database = path.join(OUT_DIR, "bench.db")): Promise<AppServer> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Without NODE_ENV, start.ts seeds the demo data (it refuses to in production).
  const { NODE_ENV: _mode, ...inherited } = process.env;
  const env = { ...inherited, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: database };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: env as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}\n${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

async function html(url: string): Promise<string> {
  return (await fetch(url)).text();
}

/**
 * The seeded pages the benches measure, found the way a visitor would (by
 * following links): the first lesson that plays a video (MDX + video, the
 * heaviest lesson kind) and the first upcoming workshop.
 */
export async function findDemoPages(
  url: string,
): Promise<{ lessonPath: string | undefined; workshopPath: string | undefined }> {
  const links = (page: string, pattern: RegExp) => [...page.matchAll(pattern)].map((match) => match[1]);
  let lessonPath: string | undefined;
  search: for (const course of links(await html(url + "/courses"), /href="(\/courses\/[a-z0-9-]+)"/g)) {
    for (const lesson of links(await html(url + course), /href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/g)) {
      lessonPath ??= lesson;
      if ((await html(url + lesson)).includes("<video")) {
        lessonPath = lesson;
        break search;
      }
    }
  }
  const workshopPath = /href="(\/workshops\/\d+)"/.exec(await html(url + "/workshops"))?.[1];
  return { lessonPath, workshopPath };
}

/** Logs in a demo account (password in README) and returns its session cookie as `name=value`. */
export async function demoSessionCookie(url: string, email: string): Promise<string> {
  const login = await fetch(url + "/login", {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier: email, password: "minka-demo-2026" }),
  });
  return login.headers.get("Set-Cookie")?.split(";")[0] ?? "";
}
