/**
 * Server throughput and latency with autocannon against the production build on
 * 127.0.0.1, each page as a ratio to the framework floor (/status) measured in
 * the same run, because this machine is shared and noisy.
 */
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { demoSessionCookie, findDemoPages, OUT_DIR, startAppServer } from "./app-server";

const DURATION_S = Number(process.env.BENCH_SECONDS || 5);
/** The large ledger of `npm run bench:reach` (kept there by `npm run bench`): the report page is also measured on it. */
const LARGE_DB = path.resolve(process.env.BENCH_REACH_DB || path.join(OUT_DIR, "reach.db"));
const CONNECTIONS = 10;
const GOALS = { lessonToFloor: 0.8, p95AtFixedRateMs: 50 };

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
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

async function load(
  url: string,
  options: { duration: number; overallRate?: number; headers?: Record<string, string>; connections?: number },
): Promise<Omit<RouteResult, "name" | "path">> {
  const times: number[] = [];
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
  times.sort((a, b) => a - b);
  return {
    // From the total, not the per-second average: a slow page completes less than one request a second.
    requestsPerSecond: Number(
      (result.requests.total / result.duration).toFixed(result.requests.total / result.duration < 10 ? 2 : 0),
    ),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export async function benchServer(): Promise<{ routes: RouteResult[]; fixedRate: RouteResult }> {
  const server = await startAppServer();
  try {
    const { lessonPath, workshopPath } = await findDemoPages(server.url);
    const cookie = await demoSessionCookie(server.url, "gestora@minka.test");
    const routes: Array<{ name: string; path: string; headers?: Record<string, string> }> = [
      { name: "floor (/status)", path: "/status" },
      { name: "home", path: "/" },
      { name: "catalog", path: "/courses" },
      { name: "lesson (MDX + video)", path: lessonPath ?? "/courses" },
      { name: "workshop", path: workshopPath ?? "/workshops" },
      { name: "report (FY 2023, manager)", path: "/reports?period=fy-2023", headers: { Cookie: cookie } },
    ];
    const results: RouteResult[] = [];
    for (const route of routes) {
      const url = server.url + route.path;
      // Warm up caches and the JIT, then measure.
      await autocannon({ url, connections: CONNECTIONS, duration: 1, headers: route.headers });
      const measured = await load(url, { duration: DURATION_S, headers: route.headers });
      results.push({ name: route.name, path: route.path, ...measured });
    }
    const fixed = await load(server.url + (lessonPath ?? "/courses"), { duration: DURATION_S, overallRate: 200 });
    if (fs.existsSync(LARGE_DB)) results.push(await reportOnLargeLedger());
    const floor = results[0].requestsPerSecond;
    for (const result of results) result.ratioToFloor = Number((result.requestsPerSecond / floor).toFixed(3));
    return { routes: results, fixedRate: { name: "lesson at 200 req/s", path: lessonPath ?? "", ...fixed } };
  } finally {
    server.stop();
  }
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
  const { routes, fixedRate } = await benchServer();
  console.log(`\nServer (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per page, 127.0.0.1)`);
  console.table(
    routes.map((r) => ({
      page: r.name,
      "req/s": r.requestsPerSecond,
      "× floor": r.ratioToFloor,
      "p50 ms": r.p50,
      "p95 ms": r.p95,
      "p99 ms": r.p99,
      errors: r.errors,
      "non-2xx": r.non2xx,
    })),
  );
  const lesson = routes.find((r) => r.path === fixedRate.path);
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  console.log(
    `${mark((lesson?.ratioToFloor ?? 0) >= GOALS.lessonToFloor)} Lesson: ${lesson?.ratioToFloor}× the floor (goal ≥ ${GOALS.lessonToFloor}×)`,
  );
  console.log(
    `${mark(fixedRate.p95 < GOALS.p95AtFixedRateMs)} Lesson at a fixed 200 req/s: p50 ${fixedRate.p50} ms, p95 ${fixedRate.p95} ms, p99 ${fixedRate.p99} ms (goal p95 < ${GOALS.p95AtFixedRateMs} ms)`,
  );
  fs.writeFileSync(
    path.join(OUT_DIR, "server.json"),
    JSON.stringify({ goals: GOALS, routes, fixedRate, measuredAt: new Date().toISOString() }, null, 2),
  );
  console.log(`Written: ${path.join(OUT_DIR, "server.json")}`);
  // Missed goals are figures to report, not failures; broken pages are.
  const broken = [...routes, fixedRate].filter((r) => r.non2xx > 0);
  if (broken.length) {
    console.error(`Non-2xx responses on: ${broken.map((r) => `${r.name} (${r.non2xx})`).join(", ")}`);
    process.exitCode = 1;
  }
}
