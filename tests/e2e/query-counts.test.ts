import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/** Queries per request, counted by the server itself (MINKA_COUNT_QUERIES=1): no N+1 on lesson pages, a bounded count on the report. */
let server: TestServer;
let cookie = "";
beforeAll(async () => {
  server = await startTestServer({ env: { MINKA_COUNT_QUERIES: "1" } });
  cookie = await logIn(server, "gestora@minka.test");
});
afterAll(() => server.stop());

async function queries(path: string): Promise<number> {
  const response = await fetch(server.url + path, { headers: { Cookie: cookie } });
  expect(response.status, path).toBe(200);
  await response.text();
  return Number(response.headers.get("X-Query-Count"));
}

describe("queries per page", () => {
  it("serves a lesson page in a small, fixed number of queries, whatever the course length", async () => {
    const catalog = await (await fetch(server.url + "/courses")).text();
    const courses = [...new Set([...catalog.matchAll(/href="(\/courses\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
    const counts: number[] = [];
    for (const course of courses.slice(0, 3)) {
      const page = await (await fetch(server.url + course)).text();
      const lessons = [...new Set([...page.matchAll(/href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
      expect(lessons.length).toBeGreaterThan(2);
      counts.push(await queries(lessons[0]), await queries(lessons[lessons.length - 1]));
    }
    expect(Math.min(...counts)).toBeGreaterThan(0); // the counter is on
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    // The count does not grow with the number of lessons in the course.
    expect(new Set(counts).size).toBe(1);
  });

  it("serves an anonymous visitor a lesson with no query beyond reading the lesson itself", async () => {
    // getLessonPage reads the course, its lessons and the lesson's code; the learning state reuses them.
    const catalog = await (await fetch(server.url + "/courses")).text();
    const course = catalog.match(/href="(\/courses\/[a-z0-9-]+)"/)![1];
    const page = await (await fetch(server.url + course)).text();
    const lesson = page.match(/href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/)![1];
    const response = await fetch(server.url + lesson);
    expect(response.status).toBe(200);
    await response.text();
    expect(Number(response.headers.get("X-Query-Count"))).toBe(3);
  });

  it("computes the report in a fixed number of queries, however many workshops and people the period holds", async () => {
    // The first report also dates the seeded sessions once (refreshLocalDates), which moves the reach data
    // version; the second reads the filter options for that version. Neither is part of the steady count.
    await queries("/reports?period=fy-2022");
    await queries("/reports?period=fy-2022");
    // A fiscal year reads the facts kept per year (docs/decisions/025); other periods count from the ledger.
    const fiscalYears = [];
    for (const period of ["fy-2023", "fy-2024"]) fiscalYears.push(await queries(`/reports?period=${period}`));
    const fromLedger = [];
    for (const period of ["year-2023", "all"]) fromLedger.push(await queries(`/reports?period=${period}`));
    for (const counts of [fiscalYears, fromLedger]) {
      expect(Math.min(...counts)).toBeGreaterThan(0);
      expect(Math.max(...counts)).toBeLessThanOrEqual(40);
      // FY 2023 has 6 workshops and 910 people, FY 2024 and the whole project others: the same queries for each.
      expect(new Set(counts).size, String(counts)).toBe(1);
    }
  });

  it("serves the report again from unchanged data with a handful of queries", async () => {
    await queries("/reports?period=fy-2023");
    // The session, the data version and nothing else: filter options, local dates, the report and
    // the duplicates count are all still valid for that version.
    expect(await queries("/reports?period=fy-2023")).toBeLessThanOrEqual(6);
  });
});
