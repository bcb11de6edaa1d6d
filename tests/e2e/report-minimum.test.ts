import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The reach report page, over HTTP against the production build (JavaScript plays no part): each
 * workshop's own attendance minimum is a column of the workshop table, the definitions say each
 * workshop has its own, and the top figures split "registered, did not attend" into "below the
 * minimum" and "never came", the same numbers as the workshop table's totals.
 */
let server: TestServer;
let cookie = "";
const PERIOD = "fy-2023";
const MINIMUM = "Mínimo para asistir (min)";

beforeAll(async () => {
  server = await startTestServer();
  // One workshop of the period gets its own minimum, so a page showing one number for all is caught.
  const [workshop] = server.query<{ id: number }>(
    `select w.id from workshop w join workshop_session s on s.workshop_id = w.id
     where s.local_date between '2022-10-01' and '2023-09-30' order by w.id limit 1`,
  );
  const db = new SQLite(server.databaseFile);
  db.pragma("busy_timeout = 10000");
  db.prepare("update workshop set attendance_min_minutes = 45 where id = ?").run(workshop.id);
  db.close();
  cookie = await logIn(server, "gestora@minka.test");
}, 120_000);
afterAll(() => server.stop());

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .trim();
const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => text(m[1]));

/** The workshop table as the page renders it: column titles, rows and the totals row. */
function workshopTable(page: string) {
  const table = /<table data-table="workshops">([\s\S]*?)<\/table>/.exec(page)?.[1];
  expect(table, "the workshop table").toBeDefined();
  const section = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(table!)?.[1] ?? "";
  const rows = (html: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]));
  return { columns: rows(section("thead"))[0], rows: rows(section("tbody")), total: rows(section("tfoot"))[0] };
}

const figure = (page: string, name: string) =>
  new RegExp(`data-figure="${name}"><dt>[^<]+</dt><dd>([^<]*)</dd>`).exec(page)?.[1];

async function reportPage(): Promise<string> {
  const response = await fetch(`${server.url}/reports?period=${PERIOD}`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the reach report page", () => {
  it("splits “registered, did not attend” in the top figures as the workshop table's totals do", async () => {
    const page = await reportPage();
    const { columns, total } = workshopTable(page);
    const belowMinimum = columns.indexOf("Menos del mínimo");
    const neverCame = columns.indexOf("Nunca llegaron");
    expect(figure(page, "below-minimum")).toBe(total[belowMinimum]);
    expect(figure(page, "never-came")).toBe(total[neverCame]);
    const noShows = Number(figure(page, "no-shows")!.replace(/\D/g, ""));
    expect(Number(total[belowMinimum].replace(/\D/g, "")) + Number(total[neverCame].replace(/\D/g, ""))).toBe(noShows);
  });

  it("shows each workshop's own minimum, in the page and its CSV, and says each workshop has its own", async () => {
    const page = await reportPage();
    const { columns, rows } = workshopTable(page);
    const minimum = columns.indexOf(MINIMUM);
    expect(minimum, `a "${MINIMUM}" column`).toBeGreaterThan(0);
    const stored = new Map(
      server
        .query<{ title: string; minutes: number }>("select title, attendance_min_minutes as minutes from workshop")
        .map((w) => [w.title, String(w.minutes)]),
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row[minimum], row[0]).toBe(stored.get(row[0]));
    expect(new Set(rows.map((row) => row[minimum]))).toEqual(new Set(["45", "30"]));

    // The definitions no longer give one number for everyone.
    const definitions = text(/aria-labelledby="definitions-title"[\s\S]*?<\/section>/.exec(page)![0]);
    expect(definitions).toContain("Cada taller tiene su propio mínimo");
    expect(definitions).toContain(MINIMUM);

    // The export has the same column and values.
    const csv = await (
      await fetch(`${server.url}/reports/export?format=csv&period=${PERIOD}`, { headers: { Cookie: cookie } })
    ).text();
    // A comma inside quotes belongs to the cell.
    const lines = csv.split("\r\n").map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const header = lines.findIndex((line) => line.includes(MINIMUM));
    expect(header).toBeGreaterThan(0);
    const column = lines[header].indexOf(MINIMUM);
    expect(lines.slice(header + 1, header + 1 + rows.length).map((line) => line[column])).toEqual(
      rows.map((row) => row[minimum]),
    );
  }, 60_000);
});
