/**
 * `npm start`: migrate, seed an empty database, build course content, build
 * the app when the sources are newer than the build, then serve it with
 * WEB_CONCURRENCY processes (scripts/workers.ts; 1 by default).
 */
// First: it settles the mode before any import below loads React.
import { preparesDemoData } from "./start-mode";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { seedLearning } from "../db/seeds/learning";
import { seedReachCourseStory } from "../db/seeds/reach-story";
import { closeDb, getDb, withStartupLock } from "../app/utils/db.server";
import { buildContentAndReport } from "./courses-build";
import { buildOfflineScripts, OFFLINE_OUTPUTS } from "./build-offline";
import { serve, workerCount } from "./workers";

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

const workers = workerCount(process.env.WEB_CONCURRENCY);
const db = await getDb();
// Several processes or machines may start at once on one PostgreSQL database: one prepares it, the others wait.
await withStartupLock(db, async () => {
  await migrateToLatest(db);
  if (preparesDemoData) {
    const { seeded } = await seedDemo(db);
    if (seeded) console.log("Seeded demo data (see README for the demo accounts).");
  }

  // Course content: compile what changed (cached) and publish valid courses before serving.
  await buildContentAndReport();
  // Demo progress needs the courses just built; it does nothing once done.
  if (preparesDemoData) {
    await seedLearning(db);
    await seedReachCourseStory(db);
  }
});

const built = newestMtime("build/index.js");
const sources = Math.max(...["app", "remix.config.js", "package-lock.json"].map(newestMtime));
if (built < sources) {
  console.log("Building…");
  execFileSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    stdio: "inherit",
  });
}
// The service worker carries the client build's file names: rebuilt with it.
const offlineBuilt = Math.min(...OFFLINE_OUTPUTS.map(newestMtime));
if (offlineBuilt < Math.max(newestMtime("public/build"), newestMtime("app/offline"))) await buildOfflineScripts();

// With workers, this primary only forks and watches them: each worker opens its own connection.
if (workers > 1) await closeDb();
await serve(workers);
