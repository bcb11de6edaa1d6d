import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * What the server does with odd requests before any route sees them (scripts/server.ts):
 * where redirects may go, how large a body may be and for whom, which bodies are forms,
 * and where a state-changing request may come from.
 */
let server: TestServer;
let course: string;

beforeAll(async () => {
  server = await startTestServer();
  const db = new SQLite(server.databaseFile, { readonly: true });
  course = (db.prepare("select slug from course where published = 1 order by slug limit 1").get() as { slug: string }).slug;
  db.close();
}, 120_000);
afterAll(() => server.stop());

const PASSWORD = "minka-demo-2026";

async function logIn(email: string): Promise<string> {
  const response = await fetch(server.url + "/login", {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier: email, password: PASSWORD }),
  });
  expect(response.status).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

function postForm(path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });
}

describe("redirects stay on the site", () => {
  const attacks = ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/.//evil.example"];

  function expectHome(response: Response, what: string, home = "/") {
    expect(response.status, what).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location, what).toBe(home);
    expect(new URL(location, server.url).origin, what).toBe(server.url);
  }

  it("after logging in (GET with a session, and the login form)", async () => {
    const cookie = await logIn("socia@minka.test");
    for (const target of attacks) {
      const get = await fetch(`${server.url}/login?redirectTo=${encodeURIComponent(target)}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expectHome(get, `GET /login?redirectTo=${JSON.stringify(target)}`);
      const post = await postForm("/login", { identifier: "socia@minka.test", password: PASSWORD, redirectTo: target });
      expectHome(post, `POST /login redirectTo=${JSON.stringify(target)}`);
    }
    // The raw query string of the issue, encoded tab and newline included.
    for (const raw of ["/%09/evil.example", "/%0a/evil.example", "%2F%09%2Fevil.example"]) {
      const get = await fetch(`${server.url}/login?redirectTo=${raw}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expectHome(get, `GET /login?redirectTo=${raw}`);
    }
    const own = await postForm("/login", { identifier: "socia@minka.test", password: PASSWORD, redirectTo: "/me/learning?x=1" });
    expect(own.headers.get("Location")).toBe("/me/learning?x=1");
  });

  it("after changing the language and leaving a course", async () => {
    const cookie = await logIn("socia@minka.test");
    for (const target of attacks) {
      expectHome(await postForm("/language", { lang: "en", redirectTo: target }), `/language ${JSON.stringify(target)}`);
      const left = await postForm("/learning/leave", { course, redirectTo: target }, cookie);
      expectHome(left, `/learning/leave ${JSON.stringify(target)}`, `/courses/${course}`);
    }
    expect((await postForm("/language", { lang: "es", redirectTo: "/courses" })).headers.get("Location")).toBe("/courses");
  });
});
