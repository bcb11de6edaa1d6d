import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
const browsers: TestBrowser[] = [];
let base = "";
let sessions: number[] = [];

/** Reads the server's database directly, to check what the pages claim. */
function query<T>(sqlText: string, ...args: unknown[]): T[] {
  const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sqlText).all(...args) as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  const [workshop] = query<{ id: number }>("select id from workshop where title = 'Costos de producción para su cooperativa'");
  base = `${server.url}/staff/workshops/${workshop.id}`;
  sessions = query<{ id: number }>("select id from workshop_session where workshop_id = ? order by starts_at", workshop.id).map((s) => s.id);
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server.stop();
});

async function logIn(javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
  const browser = await openBrowser({ javaScriptEnabled });
  browsers.push(browser);
  const { page } = browser;
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + "/login");
  await page.getByLabel("Correo electrónico o celular").fill("facilitadora@minka.test");
  await page.getByLabel("Contraseña").fill("minka-demo-2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await page.waitForURL(server.url + "/");
  return { page, problems: browser.problems };
}

const attendanceRows = (sessionId: number) =>
  query<{ person: string; status: string | null; minutes: number | null }>(
    "select p.full_name as person, a.status, a.minutes_online as minutes from attendance a join person p on p.id = a.person_id where a.session_id = ? order by p.full_name, p.id",
    sessionId,
  );

describe("attendance end to end", () => {
  it("with JavaScript, each mark saves as it is tapped", async () => {
    const { page, problems } = await logIn(true);
    await page.goto(`${base}/sessions/${sessions[1]}/roll-call`);
    const elena = page.getByRole("group", { name: "Elena Choque" });
    await elena.getByText("Tarde").click();
    await elena.getByText("Guardado").waitFor();
    expect(attendanceRows(sessions[1])).toEqual([{ person: "Elena Choque", status: "late", minutes: null }]);
    expect(problems).toEqual([]);
  });
});
