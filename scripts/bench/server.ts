/**
 * Server throughput and latency with autocannon against the production build on
 * 127.0.0.1. Every page is a ratio to the true floor: the same build's /status
 * behind bare @remix-run/express (scripts/bench/bare-server.ts), nothing else.
 * The machine is shared and its load swings within seconds, so the pages are
 * measured in rounds, each between two measurements of the floor, and each
 * ratio is the median over rounds of page ÷ that round's floor.
 * Each page is also served by the bare server right before Minka serves it: "× bare, same page"
 * is what Minka's own stack (security headers, compression, CSRF and body checks, sessions,
 * caches) costs or saves on that page, apart from the page's own work.
 */
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { demoSessionCookie, findDemoPages, OUT_DIR, startAppServer, startBareServer } from "./app-server";

const DURATION_S = Number(process.env.BENCH_SECONDS || 3);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 3));
/** The large ledger of `npm run bench:reach` (kept there by `npm run bench`): the report page is also measured on it. */
const LARGE_DB = path.resolve(process.env.BENCH_REACH_DB || path.join(OUT_DIR, "reach.db"));
const CONNECTIONS = 10;
const GOALS = { p95AtFixedRateMs: 50 };

export interface RouteResult {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts included (a loaded machine may have some). */
  errors: number;
  /** Responses other than 2xx: a page that broke under load, a real failure. */
  non2xx: number;
  ratioToFloor?: number;
  /**
   * CPU time the server spent per request. On a machine shared with others, throughput follows
   * the CPU share the server gets; CPU per request hardly does, so its ratio is the steadier figure.
   */
  cpuMsPerRequest?: number;
  /** The floor's CPU per request ÷ this page's. */
  cpuRatioToFloor?: number;
  /** Per round: page ÷ the floor measured around it. */
  roundRatios?: number[];
  /** Median over rounds of Minka's req/s ÷ the bare server's on the same page, measured just before. */
  ratioToSamePageOnBare?: number;
  /** The bare server's CPU per request on the same page. */
  bareCpuMsPerRequest?: number;
}

interface Sample {
  /** CPU time (user + system) the serving process spent, in ms. */
  cpuMs: number;
  requests: number;
  seconds: number;
  times: number[];
  errors: number;
  non2xx: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** CPU time of a process so far, in ms (Linux: utime + stime in clock ticks of 10 ms). */
function cpuMsOf(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function sample(
  url: string,
  options: {
    duration: number;
    overallRate?: number;
    headers?: Record<string, string>;
    connections?: number;
    pid?: number;
  },
): Promise<Sample> {
  const times: number[] = [];
  const cpuBefore = cpuMsOf(options.pid);
  const instance = autocannon({
    url,
    connections: options.connections ?? CONNECTIONS,
    duration: options.duration,
    overallRate: options.overallRate,
    headers: options.headers,
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await instance;
  return {
    cpuMs: cpuMsOf(options.pid) - cpuBefore,
    requests: result.requests.total,
    seconds: result.duration,
    times,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

function summarize(samples: Sample[]): Omit<RouteResult, "name" | "path"> {
  const times = samples.flatMap((s) => s.times).sort((a, b) => a - b);
  const perSecond = samples.reduce((sum, s) => sum + s.requests, 0) / samples.reduce((sum, s) => sum + s.seconds, 0);
  return {
    // From the total, not the per-second average: a slow page completes less than one request a second.
    requestsPerSecond: Number(perSecond.toFixed(perSecond < 10 ? 2 : 0)),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    cpuMsPerRequest: Number(
      (samples.reduce((sum, s) => sum + s.cpuMs, 0) / samples.reduce((sum, s) => sum + s.requests, 0)).toFixed(2),
    ),
  };
}

async function load(
  url: string,
  options: { duration: number; overallRate?: number; headers?: Record<string, string>; connections?: number },
): Promise<Omit<RouteResult, "name" | "path">> {
  return summarize([await sample(url, options)]);
}

/** Goals of issue #18, as ratios to the bare server's /status (`floorName`) measured in the same run. */
const RATIO_GOALS: Record<string, number> = {
  "Minka /status": 0.95,
  catalog: 0.8,
  "lesson (MDX + video), anonymous": 0.8,
  "lesson with quiz, member": 0.8,
  "report (FY 2023, manager)": 0.5,
};
const FLOOR_NAME = "bare floor (/status)";

export async function benchServer(): Promise<{
  routes: RouteResult[];
  fixedRate: RouteResult;
  /** The floor's req/s at the start and end of every round, to show the machine's drift. */
  floorRounds: number[];
}> {
  const server = await startAppServer();
  // Started after Minka's server: `npm start` has built the app by then, so both serve the same build.
  const bare = await startBareServer(server.databaseFile);
  try {
    const { lessonPath, workshopPath } = await findDemoPages(server.url);
    const manager = await demoSessionCookie(server.url, "gestora@minka.test");
    const member = await demoSessionCookie(server.url, "socia@minka.test");
    const quizPath = await findQuizLesson(server.url, member);
    type Route = { name: string; path: string; base?: string; headers?: Record<string, string> };
    const floor: Route = { name: FLOOR_NAME, path: "/status", base: bare.url };
    const pages: Route[] = [
      { name: "Minka /status", path: "/status" },
      { name: "home", path: "/" },
      { name: "catalog", path: "/courses" },
      { name: "lesson (MDX + video), anonymous", path: lessonPath ?? "/courses" },
      { name: "lesson with quiz, member", path: quizPath ?? "/courses", headers: { Cookie: member } },
      { name: "workshop", path: workshopPath ?? "/workshops" },
      { name: "report (FY 2023, manager)", path: "/reports?period=fy-2023", headers: { Cookie: manager } },
    ];
    const urlOf = (route: Route) => (route.base ?? server.url) + route.path;
    // Warm up caches and the JIT of both servers.
    for (const route of [floor, ...pages])
      await autocannon({ url: urlOf(route), connections: CONNECTIONS, duration: 1, headers: route.headers });
    const floorSamples: Sample[] = [];
    const pageSamples = pages.map(() => [] as Sample[]);
    const bareSamples = pages.map(() => [] as Sample[]);
    const roundRatios = pages.map(() => [] as number[]);
    const samePageRatios = pages.map(() => [] as number[]);
    const rate = (s: Sample) => s.requests / s.seconds;
    for (let round = 0; round < ROUNDS; round++) {
      const before = await sample(urlOf(floor), { duration: DURATION_S, pid: bare.pid });
      const measured: Sample[] = [];
      for (const [i, page] of pages.entries()) {
        const options = { duration: DURATION_S, headers: page.headers };
        const onBare = await sample(bare.url + page.path, { ...options, pid: bare.pid });
        const onMinka = await sample(urlOf(page), { ...options, pid: server.pid });
        bareSamples[i].push(onBare);
        // A sample without a single answer (an overloaded machine) gives no ratio.
        if (onBare.requests && onMinka.requests) samePageRatios[i].push(rate(onMinka) / rate(onBare));
        measured.push(onMinka);
      }
      const after = await sample(urlOf(floor), { duration: DURATION_S, pid: bare.pid });
      floorSamples.push(before, after);
      measured.forEach((m, i) => {
        pageSamples[i].push(m);
        roundRatios[i].push(rate(m) / ((rate(before) + rate(after)) / 2));
      });
      console.error(`round ${round + 1}/${ROUNDS}: floor ${rate(before).toFixed(0)} → ${rate(after).toFixed(0)} req/s`);
    }
    const results: RouteResult[] = [
      { name: FLOOR_NAME, path: floor.path, ...summarize(floorSamples), ratioToFloor: 1 },
      ...pages.map((page, i) => ({
        name: page.name,
        path: page.path,
        ...summarize(pageSamples[i]),
        ratioToFloor: Number(median(roundRatios[i]).toFixed(3)),
        roundRatios: roundRatios[i].map((r) => Number(r.toFixed(3))),
        ratioToSamePageOnBare: Number(median(samePageRatios[i]).toFixed(3)),
        bareCpuMsPerRequest: summarize(bareSamples[i]).cpuMsPerRequest,
      })),
    ];
    for (const result of results)
      result.cpuRatioToFloor = Number((results[0].cpuMsPerRequest! / result.cpuMsPerRequest!).toFixed(3));
    const fixed = await load(server.url + (lessonPath ?? "/courses"), { duration: DURATION_S, overallRate: 200 });
    if (fs.existsSync(LARGE_DB)) {
      const large = await reportOnLargeLedger();
      results.push({
        ...large,
        ratioToFloor: Number((large.requestsPerSecond / results[0].requestsPerSecond).toFixed(3)),
      });
    }
    return {
      routes: results,
      fixedRate: { name: "lesson at 200 req/s", path: lessonPath ?? "", ...fixed },
      floorRounds: floorSamples.map((s) => Number(rate(s).toFixed(0))),
    };
  } finally {
    bare.stop();
    server.stop();
  }
}

/** A lesson with a quiz in a course the demo member is enrolled in, found as she would: from "Mis cursos". */
async function findQuizLesson(url: string, cookie: string): Promise<string | undefined> {
  const get = async (path: string) => (await fetch(url + path, { headers: { Cookie: cookie } })).text();
  const links = (page: string, pattern: RegExp) => [...new Set([...page.matchAll(pattern)].map((match) => match[1]))];
  const courses = links(await get("/me/learning"), /href="(\/courses\/[a-z0-9-]+)"/g);
  for (const course of [...courses, ...links(await get("/courses"), /href="(\/courses\/[a-z0-9-]+)"/g)]) {
    for (const lesson of links(await get(course), /href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/g)) {
      if ((await get(lesson)).includes('id="quiz"')) return lesson;
    }
  }
  return undefined;
}

/** The report page over 100,000 persons and 1,000,000 attendance rows: seconds per request, so one connection at a time. */
async function reportOnLargeLedger(): Promise<RouteResult> {
  const server = await startAppServer(LARGE_DB);
  try {
    const cookie = await demoSessionCookie(server.url, "gestora@minka.test");
    const route = { name: "report (FY 2025, large ledger)", path: "/reports?period=fy-2025" };
    const headers = { Cookie: cookie };
    const first = await fetch(server.url + route.path, { headers });
    if (!first.ok) throw new Error(`${route.path} answered ${first.status}`);
    await first.text();
    return {
      ...route,
      ...(await load(server.url + route.path, { duration: Math.max(DURATION_S, 10), headers, connections: 1 })),
    };
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const loadAverage = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const { routes, fixedRate, floorRounds } = await benchServer();
  console.log(
    `\nServer (autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s per page, 127.0.0.1; load average before ${loadAverage}, after ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")})`,
  );
  console.log(
    `Floor: the same build's /status behind bare @remix-run/express, req/s before and after each of ${ROUNDS} rounds: ${floorRounds.join(", ")}. "× floor" is the median over rounds of page ÷ that round's floor; "× bare, same page" the median of Minka ÷ the bare server on that page, measured just before it.`,
  );
  console.table(
    routes.map((r) => ({
      page: r.name,
      "req/s": r.requestsPerSecond,
      "× floor": r.ratioToFloor,
      "p50 ms": r.p50,
      "p95 ms": r.p95,
      "p99 ms": r.p99,
      "CPU ms/req": r.cpuMsPerRequest,
      "× floor (CPU)": r.cpuRatioToFloor,
      "× bare, same page": r.ratioToSamePageOnBare ?? "",
      "bare CPU ms/req": r.bareCpuMsPerRequest ?? "",
      errors: r.errors,
      "non-2xx": r.non2xx,
      rounds: r.roundRatios?.join(" ") ?? "",
    })),
  );
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  for (const [name, goal] of Object.entries(RATIO_GOALS)) {
    const route = routes.find((r) => r.name === name);
    console.log(
      `${mark((route?.ratioToFloor ?? 0) >= goal)} ${name}: ${route?.ratioToFloor}× the floor in req/s (${route?.cpuRatioToFloor}× in CPU per request), p50 ${route?.p50} ms, p99 ${route?.p99} ms (goal ≥ ${goal}×)`,
    );
  }
  console.log(
    `${mark(fixedRate.p95 < GOALS.p95AtFixedRateMs)} Lesson at a fixed 200 req/s: p50 ${fixedRate.p50} ms, p95 ${fixedRate.p95} ms, p99 ${fixedRate.p99} ms (goal p95 < ${GOALS.p95AtFixedRateMs} ms)`,
  );
  fs.writeFileSync(
    path.join(OUT_DIR, "server.json"),
    JSON.stringify(
      {
        goals: { ...GOALS, ratios: RATIO_GOALS },
        floorRounds,
        routes,
        fixedRate,
        loadAverage,
        measuredAt: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
  console.log(`Written: ${path.join(OUT_DIR, "server.json")}`);
  // Missed goals are figures to report, not failures; broken pages are.
  const broken = [...routes, fixedRate].filter((r) => r.non2xx > 0);
  if (broken.length) {
    console.error(`Non-2xx responses on: ${broken.map((r) => `${r.name} (${r.non2xx})`).join(", ")}`);
    process.exitCode = 1;
  }
}
