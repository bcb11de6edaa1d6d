/**
 * `npm run bench:upload`: does parsing a big upload slow everyone else down? Starts the
 * production server (as bench:server does), measures /status with autocannon while idle, then
 * again while a facilitator uploads attendance reports one after the other: a 5 MB report
 * (more rows than allowed: refused after reading just past the limit) and a 20,000-row one
 * (read whole and kept for review). Prints each p99 as a ratio to the idle p99, the upload
 * times, and the in-process parse time of the 20,000-row report, against the goals.
 * A script, not a test: timings on a shared machine are noisy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { parseAttendanceReport } from "../../app/domain/attendance-import/index";
import { mergeParticipants } from "../../app/domain/attendance-import/merge";
import { decodeUpload } from "../../app/utils/csv.server";
import { demoSessionCookie, OUT_DIR, startAppServer } from "./app-server";

const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 10;
const PARSE_RUNS = 5;
const GOALS = { p99DuringParseToIdle: 3, parse20kRowsMs: 1000 };

const ZOOM_HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest";
const zoomRow = (i: number) =>
  `Persona ${i} Quispe,p${i}@coop.pe,11/19/2026 10:${String(i % 60).padStart(2, "0")}:${String(i % 59).padStart(2, "0")} AM,11/19/2026 11:30:00 AM,${30 + (i % 60)},No`;
/** A Zoom participants report of `rows` rows (or as many as fit in `maxBytes`), each padded to about `rowBytes`. */
function zoomReport(rows: number, rowBytes: number, maxBytes = Infinity): Uint8Array<ArrayBuffer> {
  const lines = [ZOOM_HEADER];
  let bytes = ZOOM_HEADER.length;
  for (let i = 0; i < rows; i++) {
    const row = zoomRow(i);
    const line = row.replace(",", " ".repeat(Math.max(0, rowBytes - row.length - 2)) + ",");
    if (bytes + line.length + 2 > maxBytes) break;
    lines.push(line);
    bytes += line.length + 2;
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}

interface Latency {
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const median = (values: number[]) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : NaN;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

async function statusLatency(url: string): Promise<Latency> {
  const times: number[] = [];
  const instance = autocannon({ url: url + "/status", connections: CONNECTIONS, duration: DURATION_S });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
  };
}

/** Uploads `bytes` again and again until `until` settles; returns each upload's round trip (ms) and status. */
async function uploadRepeatedly(
  url: string,
  importPath: string,
  cookie: string,
  bytes: Uint8Array<ArrayBuffer>,
  until: Promise<unknown>,
) {
  let done = false;
  void until.then(() => (done = true));
  const uploads: Array<{ ms: number; status: number }> = [];
  while (!done) {
    const form = new FormData();
    form.set("file", new Blob([bytes], { type: "text/csv" }), "participants.csv");
    const started = performance.now();
    const response = await fetch(url + importPath, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: form,
    });
    await response.arrayBuffer();
    uploads.push({ ms: Math.round(performance.now() - started), status: response.status });
  }
  return uploads;
}

/** The session of a workshop the demo facilitator runs, from the bench database. */
function facilitatedSession(databaseFile: string): string {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `select w.id as workshop, s.id as session from workshop w
         join workshop_facilitator f on f.workshop_id = w.id
         join account a on a.id = f.account_id
         join workshop_session s on s.workshop_id = w.id
         where a.email = 'facilitadora@minka.test' order by s.starts_at limit 1`,
      )
      .get() as { workshop: number; session: number } | undefined;
    if (!row) throw new Error("The bench database has no session facilitated by facilitadora@minka.test");
    return `/staff/workshops/${row.workshop}/sessions/${row.session}/import`;
  } finally {
    db.close();
  }
}

/** Wall-clock and CPU time (user + system) of reading and merging the report; on a shared machine the CPU time says more. */
async function parseTime(bytes: Uint8Array): Promise<{ medianMs: number; medianCpuMs: number; rows: number }> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let rows = 0;
  for (let run = 0; run < PARSE_RUNS; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = await parseAttendanceReport(decodeUpload(bytes), {
      timeZone: "America/Lima",
      sessionDate: "2026-11-19",
    });
    if (!outcome.ok) throw new Error(`The 20,000-row report did not parse: ${outcome.error.code}`);
    await mergeParticipants(outcome.report.rows, outcome.report.format);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    rows = outcome.report.rows.length;
  }
  return { medianMs: Math.round(median(times)), medianCpuMs: Math.round(median(cpuTimes)), rows };
}

export async function benchUpload() {
  // Just under the 5 MB cap, about 50,000 rows: refused after reading 20,100 of them.
  const fiveMb = zoomReport(100_000, 100, 4_990_000);
  const twentyK = zoomReport(20_000, 120);
  const parse = await parseTime(twentyK);
  const databaseFile = path.join(OUT_DIR, "bench.db");
  const server = await startAppServer(databaseFile);
  try {
    const cookie = await demoSessionCookie(server.url, "facilitadora@minka.test");
    const importPath = facilitatedSession(databaseFile);
    // Warm up the page and the JIT, then measure.
    await autocannon({ url: server.url + "/status", connections: CONNECTIONS, duration: 1 });
    const idle = await statusLatency(server.url);
    const during = [];
    for (const [name, bytes] of [
      ["5 MB report (over the row limit)", fiveMb],
      ["20,000-row report", twentyK],
    ] as const) {
      const measuring = statusLatency(server.url);
      const uploads = await uploadRepeatedly(server.url, importPath, cookie, bytes, measuring);
      const latency = await measuring;
      during.push({
        name,
        bytes: bytes.length,
        ...latency,
        ratioToIdle: Number((latency.p99 / idle.p99).toFixed(2)),
        uploads: uploads.length,
        uploadMedianMs: median(uploads.map((u) => u.ms)),
        uploadStatuses: [...new Set(uploads.map((u) => u.status))],
      });
    }
    return { idle, during, parse };
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { idle, during, parse } = await benchUpload();
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  console.log(
    `\n/status while attendance reports are uploaded one after another (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, 127.0.0.1)`,
  );
  console.table([
    {
      while: "idle",
      "req/s": Math.round(idle.requests / DURATION_S),
      "p50 ms": idle.p50,
      "p99 ms": idle.p99,
      "× idle p99": 1,
      uploads: "",
      "upload median ms": "",
      "upload status": "",
    },
    ...during.map((d) => ({
      while: `${d.name}, ${(d.bytes / 1e6).toFixed(1)} MB`,
      "req/s": Math.round(d.requests / DURATION_S),
      "p50 ms": d.p50,
      "p99 ms": d.p99,
      "× idle p99": d.ratioToIdle,
      uploads: d.uploads,
      "upload median ms": d.uploadMedianMs,
      "upload status": d.uploadStatuses.join(" "),
    })),
  ]);
  for (const d of during) {
    console.log(
      `${mark(d.ratioToIdle < GOALS.p99DuringParseToIdle)} /status p99 during the ${d.name}: ${d.p99} ms, ${d.ratioToIdle}× idle (${idle.p99} ms) (goal < ${GOALS.p99DuringParseToIdle}×)`,
    );
  }
  console.log(
    `${mark(parse.medianMs < GOALS.parse20kRowsMs)} Parsing and merging a ${parse.rows}-row report in process: ${parse.medianMs} ms wall clock, median of ${PARSE_RUNS} (goal < ${GOALS.parse20kRowsMs} ms)`,
  );
  console.log(
    `${mark(parse.medianCpuMs < GOALS.parse20kRowsMs)}   of which CPU time ${parse.medianCpuMs} ms (what the wall clock would be on an idle machine)`,
  );
  console.log(
    `Load average while measuring: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} on ${os.cpus().length} cores`,
  );
  fs.writeFileSync(
    path.join(OUT_DIR, "upload.json"),
    JSON.stringify(
      { goals: GOALS, idle, during, parse, loadAverage: os.loadavg(), measuredAt: new Date().toISOString() },
      null,
      2,
    ),
  );
  console.log(`Written: ${path.join(OUT_DIR, "upload.json")}`);
  // Missed goals are figures to report; broken pages or uploads are failures.
  const broken =
    [idle, ...during].some((d) => d.non2xx > 0) || during.some((d) => d.uploadStatuses.some((s) => s >= 500));
  if (broken) {
    console.error("/status answered non-2xx, or an upload answered 5xx");
    process.exitCode = 1;
  }
}
