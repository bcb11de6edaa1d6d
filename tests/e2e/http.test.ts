import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });

describe("the production server over HTTP", () => {
  it("serves the Spanish home page with security headers", async () => {
    const response = await fetch(server.url + "/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Aprenda con su cooperativa");
    const csp = response.headers.get("Content-Security-Policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Every script on the page carries this response's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });

  it("answers in English to an English browser", async () => {
    const html = await (await fetch(server.url + "/", { headers: { "Accept-Language": "en-US,en;q=0.9" } })).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Learn with your cooperative");
  });

  it("logs in with a form POST and returns an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await post("/login", form({ identifier: "socia@minka.test", password: "minka-demo-2026" }));
    expect(response.status).toBe(302);
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^minka_session=[a-z2-7]{32}\.[a-z2-7]{32};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const session = cookie.split(";")[0];
    const account = await fetch(server.url + "/account", { headers: { Cookie: session }, redirect: "manual" });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("Rosa Quispe Mamani");
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const wrong = await post("/login", form({ identifier: "socia@minka.test", password: "nope-nope" }));
    const unknown = await post("/login", form({ identifier: "nadie@minka.test", password: "nope-nope" }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = "El correo, el celular o la contraseña no son correctos.";
    expect(await wrong.text()).toContain(message);
    expect(await unknown.text()).toContain(message);
  });

  it("counts a tampered session cookie as logged out", async () => {
    const response = await fetch(server.url + "/account", {
      headers: { Cookie: `minka_session=${"a".repeat(32)}.${"b".repeat(32)}` },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });

  it("refuses a cross-site POST", async () => {
    const response = await post("/login", form({ identifier: "socia@minka.test", password: "minka-demo-2026" }), {
      Origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const sameSite = await post("/login", form({ identifier: "socia@minka.test", password: "minka-demo-2026" }), {
      Origin: server.url,
    });
    expect(sameSite.status).toBe(302);
  });

  it("refuses a very large body with a 413 that a client still sending can read", async () => {
    // The server answers as soon as it sees the length; the client is still writing then.
    // Before, the server closed the connection under it and fetch failed with EPIPE or a reset.
    for (const size of [2, 4, 8, 2, 4, 8, 2, 4, 8, 8]) {
      const response = await post("/signup", "fullName=" + "a".repeat(size * 1024 * 1024));
      expect(response.status).toBe(413);
      expect(response.headers.get("Connection")).toBe("close");
      expect(await response.text()).toBe("El envío es demasiado grande");
    }
  });

  it("shows a localized 404 page", async () => {
    const response = await fetch(server.url + "/no-such-page");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No encontramos esta página");
  });

  it("rate-limits repeated failed logins for one account with a clear message", async () => {
    const ip = { "X-Test": "rate" };
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) {
      last = await post("/login", form({ identifier: "gestora@minka.test", password: `wrong-${i}` }), ip);
    }
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain("Hubo demasiados intentos");
    // Even the right password waits until the window passes.
    const right = await post("/login", form({ identifier: "gestora@minka.test", password: "minka-demo-2026" }));
    expect(right.status).toBe(429);
  });
});
