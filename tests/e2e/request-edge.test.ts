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
let importPath: string;

beforeAll(async () => {
  server = await startTestServer();
  const db = new SQLite(server.databaseFile, { readonly: true });
  course = (db.prepare("select slug from course where published = 1 order by slug limit 1").get() as { slug: string })
    .slug;
  const own = db
    .prepare(
      "select w.id, s.id as session from workshop w join workshop_facilitator f on f.workshop_id = w.id join account a on a.id = f.account_id join workshop_session s on s.workshop_id = w.id where a.email = 'facilitadora@minka.test' order by w.id, s.id limit 1",
    )
    .get() as { id: number; session: number };
  importPath = `/staff/workshops/${own.id}/sessions/${own.session}/import`;
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

function countSessions(): number {
  const db = new SQLite(server.databaseFile, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from session").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A multipart body of about `size` bytes: the given fields, then one large file. */
function multipart(fields: Record<string, string>, size: number) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const line = "Nombre,Correo,Minutos\nAna Pérez,ana@example.org,45\n";
  form.append("file", new Blob([line.repeat(Math.ceil(size / line.length))], { type: "text/csv" }), "asistencia.csv");
  return form;
}

describe("redirects stay on the site", () => {
  const attacks = [
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "/.//evil.example",
  ];

  function expectHome(response: Response, what: string, home = "/") {
    expect(response.status, what).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location, what).toBe(home);
    expect(new URL(location, server.url).origin, what).toBe(server.url);
  }

  it("after logging in (GET with a session, and the login form)", async () => {
    const cookie = await logIn("socia@minka.test");
    for (const target of attacks) {
      const get = await fetch(`${server.url}/login?redirectTo=${encodeURIComponent(target)}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      expectHome(get, `GET /login?redirectTo=${JSON.stringify(target)}`);
      const post = await postForm("/login", { identifier: "socia@minka.test", password: PASSWORD, redirectTo: target });
      expectHome(post, `POST /login redirectTo=${JSON.stringify(target)}`);
    }
    // The raw query string of the issue, encoded tab and newline included.
    for (const raw of ["/%09/evil.example", "/%0a/evil.example", "%2F%09%2Fevil.example"]) {
      const get = await fetch(`${server.url}/login?redirectTo=${raw}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      expectHome(get, `GET /login?redirectTo=${raw}`);
    }
    const own = await postForm("/login", {
      identifier: "socia@minka.test",
      password: PASSWORD,
      redirectTo: "/me/learning?x=1",
    });
    expect(own.headers.get("Location")).toBe("/me/learning?x=1");
  });

  it("after changing the language and leaving a course", async () => {
    const cookie = await logIn("socia@minka.test");
    for (const target of attacks) {
      expectHome(
        await postForm("/language", { lang: "en", redirectTo: target }),
        `/language ${JSON.stringify(target)}`,
      );
      const left = await postForm("/learning/leave", { course, redirectTo: target }, cookie);
      expectHome(left, `/learning/leave ${JSON.stringify(target)}`, `/courses/${course}`);
    }
    expect((await postForm("/language", { lang: "es", redirectTo: "/courses" })).headers.get("Location")).toBe(
      "/courses",
    );
  });
});

describe("body limits, decided before any route reads the body", () => {
  const MB = 1024 * 1024;

  it("refuses an anonymous 2 MB multipart login with 413, and logs nobody in", async () => {
    const before = countSessions();
    const response = await fetch(server.url + "/login", {
      method: "POST",
      redirect: "manual",
      body: multipart({ identifier: "socia@minka.test", password: PASSWORD }, 2 * MB),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("El envío es demasiado grande");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(countSessions()).toBe(before);
  });

  it("counts a body sent without a length (chunked) the same way", async () => {
    const encoded = new Response(multipart({ identifier: "socia@minka.test", password: PASSWORD }, 2 * MB));
    const type = encoded.headers.get("Content-Type")!;
    const body = await encoded.arrayBuffer();
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < body.byteLength; at += 64 * 1024)
          controller.enqueue(new Uint8Array(body.slice(at, at + 64 * 1024)));
        controller.close();
      },
    });
    const response = await fetch(server.url + "/login", {
      method: "POST",
      redirect: "manual",
      body: chunks,
      headers: { "Content-Type": type },
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("allows a larger upload only on an upload route, and only to staff", async () => {
    const file = () => multipart({}, 2 * MB);
    const anonymous = await fetch(server.url + importPath, { method: "POST", redirect: "manual", body: file() });
    expect(anonymous.status).toBe(413);
    const member = await fetch(server.url + importPath, {
      method: "POST",
      redirect: "manual",
      body: file(),
      headers: { Cookie: await logIn("socia@minka.test") },
    });
    expect(member.status).toBe(413);

    const facilitator = await logIn("facilitadora@minka.test");
    const upload = await fetch(server.url + importPath, {
      method: "POST",
      redirect: "manual",
      body: file(),
      headers: { Cookie: facilitator },
    });
    // It reached the route, which answers with a page (whatever it makes of the file), not the server's plain 413.
    expect(upload.status).toBeLessThan(500);
    expect(upload.headers.get("Content-Type")).toMatch(/^text\/html/);
    const notMultipart = await fetch(server.url + importPath, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ csv: "a".repeat(2 * MB) }),
      headers: { Cookie: facilitator },
    });
    expect(notMultipart.status).toBe(413);
    const elsewhere = await fetch(server.url + "/staff/workshops/new", {
      method: "POST",
      redirect: "manual",
      body: file(),
      headers: { Cookie: facilitator },
    });
    expect(elsewhere.status).toBe(413);
  });
});

describe("bodies that are not forms", () => {
  it("answers 415 (400 for a broken multipart body) with a short localized message, never 500", async () => {
    const login = { identifier: "socia@minka.test", password: PASSWORD };
    for (const [type, body] of [
      ["application/json", JSON.stringify(login)],
      ["text/plain", "identifier=socia@minka.test&password=" + PASSWORD],
      [null, "identifier=socia@minka.test&password=" + PASSWORD],
    ] as const) {
      const response = await fetch(server.url + "/login", {
        method: "POST",
        redirect: "manual",
        // A byte array: fetch adds no Content-Type of its own.
        body: new TextEncoder().encode(body),
        headers: type ? { "Content-Type": type } : {},
      });
      expect(response.status, String(type)).toBe(415);
      expect(await response.text()).toBe("Este envío no es un formulario.");
      expect(response.headers.get("Set-Cookie")).toBeNull();
    }
    const english = await fetch(server.url + "/login", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json", "Accept-Language": "en" },
    });
    expect(await english.text()).toBe("This request is not a form.");
    const noBoundary = await fetch(server.url + "/login", {
      method: "POST",
      body: new TextEncoder().encode("identifier=x"),
      headers: { "Content-Type": "multipart/form-data" },
    });
    expect(noBoundary.status).toBe(400);
    const broken = await fetch(server.url + "/login", {
      method: "POST",
      body: new TextEncoder().encode("--x\r\nnot a part\r\n--x--"),
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toBe("Este envío no es un formulario.");
  });

  it("logs out on a POST /logout with an empty body and no content type", async () => {
    const cookie = await logIn("socia@minka.test");
    const response = await fetch(server.url + "/logout", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/^minka_session=;.*Max-Age=0/);
    const account = await fetch(server.url + "/account", { redirect: "manual", headers: { Cookie: cookie } });
    expect(account.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });
});

describe("state-changing requests from another site", () => {
  const login = () => new URLSearchParams({ identifier: "socia@minka.test", password: PASSWORD });

  it("refuses them by Sec-Fetch-Site or Referer when Origin is missing", async () => {
    const crossSite: Record<string, string>[] = [
      { Referer: "https://evil.example/page" },
      { Referer: `${server.url.replace("127.0.0.1", "localhost")}/login` },
      { Referer: "not a url" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of crossSite) {
      const response = await fetch(server.url + "/login", {
        method: "POST",
        redirect: "manual",
        body: login(),
        headers,
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get("Set-Cookie"), JSON.stringify(headers)).toBeNull();
      expect(await response.text()).toBe("No aceptamos este envío porque viene de otro sitio.");
    }
  });

  it("lets through the site's own pages, and clients that send neither (curl)", async () => {
    const sameSite: Record<string, string>[] = [
      {},
      { "Sec-Fetch-Site": "same-origin" },
      { Referer: `${server.url}/login?redirectTo=%2F` },
      { "Sec-Fetch-Site": "none" },
    ];
    for (const headers of sameSite) {
      const response = await fetch(server.url + "/login", {
        method: "POST",
        redirect: "manual",
        body: login(),
        headers,
      });
      expect(response.status, JSON.stringify(headers)).toBe(302);
    }
  });
});
