import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Production as deployed: a TLS proxy in front (README "Security") passes the public Host
 * and says the request came over HTTPS. The same server on loopback, without those
 * headers, is what `npm start` serves at http://localhost.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: "1", APP_URL: "https://minka.example" } });
});
afterAll(() => server.stop());

const HOST = "minka.example";
const THROUGH_PROXY = { Host: HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7" };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch, which would not send a Host header of our choosing. */
function send(method: "GET" | "POST", path: string, headers: Record<string, string>, body = ""): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method, path, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const login = (headers: Record<string, string>) =>
  send(
    "POST",
    "/login",
    { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ identifier: "socia@minka.test", password: "minka-demo-2026" }).toString(),
  );

/** Each attribute of a Set-Cookie header, lower-cased names, for exact assertions. */
function cookieParts(header: string) {
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  const [name] = pair.split("=");
  return { name, attributes: attributes.map((a) => a.split("=")[0].toLowerCase()).sort(), raw: attributes };
}

describe("behind a TLS proxy (TRUST_PROXY=1, X-Forwarded-Proto: https)", () => {
  it("sends HSTS on every page type and on static files", async () => {
    for (const path of ["/", "/login", "/courses", "/workshops", "/no-such-page", "/favicon.svg"]) {
      const answer = await send("GET", path, THROUGH_PROXY);
      expect([path, answer.headers["strict-transport-security"]]).toEqual([
        path,
        "max-age=31536000; includeSubDomains",
      ]);
    }
  });

  it("logs in from the public origin and sets a __Host- session cookie: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax", async () => {
    const answer = await login({ ...THROUGH_PROXY, Origin: `https://${HOST}` });
    expect(answer.status).toBe(302);
    const session = (answer.headers["set-cookie"] ?? [])
      .map(cookieParts)
      .find((c) => c.name.endsWith("minka_session"))!;
    expect(session.name).toBe("__Host-minka_session");
    expect(session.attributes).toEqual(["httponly", "max-age", "path", "samesite", "secure"]);
    expect(session.raw).toContain("Path=/");
    expect(session.raw).toContain("SameSite=Lax");

    const cookie = answer.headers["set-cookie"]!.find((c) => c.startsWith("__Host-"))!.split(";")[0];
    const account = await send("GET", "/account", { ...THROUGH_PROXY, Cookie: cookie });
    expect(account.status).toBe(200);
    expect(account.body).toContain("Rosa Quispe Mamani");
  });

  it("refuses a POST whose Origin is another site, or the public host over plain HTTP", async () => {
    for (const origin of ["https://evil.example", `http://${HOST}`]) {
      expect([origin, (await login({ ...THROUGH_PROXY, Origin: origin })).status]).toEqual([origin, 403]);
    }
  });

  it("counts requests per client address as the proxy saw it, not as the client claims", async () => {
    // The proxy appends the real address; what the client put before it is not to be trusted.
    const ask = (i: number) =>
      send(
        "POST",
        "/forgot-password",
        {
          ...THROUGH_PROXY,
          "X-Forwarded-For": `10.9.${i}.1, 198.51.100.4`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        new URLSearchParams({ identifier: `nadie${i}@example.org` }).toString(),
      );
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await ask(i)).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another client behind the same proxy is not affected.
    const other = await send(
      "POST",
      "/forgot-password",
      { ...THROUGH_PROXY, "X-Forwarded-For": "198.51.100.5", "Content-Type": "application/x-www-form-urlencoded" },
      new URLSearchParams({ identifier: "otra@example.org" }).toString(),
    );
    expect(other.status).toBe(200);
  });
});

describe("plain HTTP on loopback (npm start, development, tests)", () => {
  it("sends no HSTS and sets a session cookie without the prefix or Secure", async () => {
    const { host } = new URL(server.url);
    const page = await send("GET", "/", { Host: host });
    expect(page.status).toBe(200);
    expect(page.headers["strict-transport-security"]).toBeUndefined();
    const answer = await login({ Host: host, Origin: `http://${host}` });
    expect(answer.status).toBe(302);
    const session = (answer.headers["set-cookie"] ?? [])
      .map(cookieParts)
      .find((c) => c.name.endsWith("minka_session"))!;
    expect(session.name).toBe("minka_session");
    expect(session.attributes).toEqual(["httponly", "max-age", "path", "samesite"]);
  });
});
