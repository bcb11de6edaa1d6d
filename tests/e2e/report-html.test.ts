import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The report's body (figures, tables, definitions) is rendered once per report and language and
 * reused (docs/decisions/024): each viewer and language must still get their own, and a page
 * loaded without a document (client navigation) must still get it.
 */
let server: TestServer;
const cookies: Record<string, string> = {};
const FY = "/reports?period=fy-2023";

beforeAll(async () => {
  server = await startTestServer();
  cookies.manager = await logIn(server, "gestora@minka.test");
  cookies.facilitator = await logIn(server, "facilitadora@minka.test");
});
afterAll(async () => {
  await server.stop();
});

async function get(path: string, role: string) {
  const response = await fetch(server.url + path, { headers: { Cookie: cookies[role] } });
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The report's body as the page shows it (from its headline to the end of its definitions). */
const bodyOf = (html: string) => html.slice(html.indexOf('id="headline-title"'), html.indexOf("</main>"));
const uniquePeople = (html: string) => /data-figure="unique">.*?<dd>([^<]+)<\/dd>/s.exec(html)?.[1];

describe("the report's body", () => {
  it("is the same on every request for the same report and language, and its own per language and viewer", async () => {
    const first = bodyOf(await get(FY, "manager"));
    expect(uniquePeople(first)).toBe("910");
    expect(first).toContain("Personas únicas alcanzadas");
    expect(bodyOf(await get(FY, "manager"))).toBe(first);

    // The account's language decides: switch it, as the header's language buttons do.
    const switched = await fetch(server.url + "/language", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookies.manager, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "en", redirectTo: "/reports" }),
    });
    expect(switched.status).toBe(302);
    const english = bodyOf(await get(FY, "manager"));
    expect(english).toContain("Unique individuals reached");
    expect(english).not.toContain("Personas únicas alcanzadas");
    // Only managers see the likely duplicates; a facilitator sees their own workshops' figures.
    expect(first).toContain('data-figure="duplicates"');
    const facilitator = bodyOf(await get(FY, "facilitator"));
    expect(facilitator).not.toContain('data-figure="duplicates"');
    expect(uniquePeople(facilitator)).not.toBe("910");
  });

  it("comes in the data of a client navigation, where there is no page to read it from", async () => {
    const data = await get("/reports.data?period=fy-2023", "manager");
    expect(data).toContain('id=\\"headline-title\\"');
    expect(data).toContain("reach-table");
  });
});
