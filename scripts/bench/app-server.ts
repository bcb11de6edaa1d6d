/**
 * What the benches share: the production build served by `npm start` on a
 * seeded bench database, and the demo pages every bench measures.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";

export const OUT_DIR = path.resolve(".tmp/bench");

export interface AppServer {
  url: string;
  /** The server's process (start.ts serves in-process), e.g. to read its memory. */
  pid: number;
  /** The SQLite file it serves. */
  databaseFile: string;
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
  const port = await listeningPort(child);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    databaseFile: database,
    stop: () => child.kill("SIGTERM"),
  };
}

/**
 * The floor of `bench:server` (scripts/bench/bare-server.ts): the same build behind bare
 * @remix-run/express, in its own process, on the same database (it only reads it).
 */
export async function startBareServer(database: string): Promise<AppServer> {
  const env = { ...process.env, NODE_ENV: "production" as const, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: database };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/bare-server.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await listeningPort(child);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    databaseFile: database,
    stop: () => child.kill("SIGTERM"),
  };
}

function listeningPort(child: ChildProcessByStdio<null, Readable, null>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}\n${out}`)));
  });
}

async function html(url: string): Promise<string> {
  return (await fetch(url)).text();
}

/**
 * The seeded pages the benches measure, found the way a visitor would (by
 * following links): the first lesson that plays a video (MDX + video, the
 * heaviest lesson kind), the first lesson without one, and the first upcoming workshop.
 */
export async function findDemoPages(url: string): Promise<{
  lessonPath: string | undefined;
  textLessonPath: string | undefined;
  workshopPath: string | undefined;
}> {
  const links = (page: string, pattern: RegExp) => [...page.matchAll(pattern)].map((match) => match[1]);
  let lessonPath: string | undefined;
  let textLessonPath: string | undefined;
  search: for (const course of links(await html(url + "/courses"), /href="(\/courses\/[a-z0-9-]+)"/g)) {
    for (const lesson of links(await html(url + course), /href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/g)) {
      if ((await html(url + lesson)).includes("<video")) {
        lessonPath = lesson;
        if (textLessonPath) break search;
      } else textLessonPath ??= lesson;
      if (lessonPath && textLessonPath) break search;
    }
  }
  lessonPath ??= textLessonPath;
  const workshopPath = /href="(\/workshops\/\d+)"/.exec(await html(url + "/workshops"))?.[1];
  return { lessonPath, textLessonPath, workshopPath };
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
