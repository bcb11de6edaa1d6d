import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

let server: TestServer;
let managerCookie: string;

beforeAll(async () => {
  server = await startTestServer();
  managerCookie = await logIn(server, "gestora@minka.test");
}, 120_000);
afterAll(() => server.stop());

async function titleOf(path: string, language: "es" | "en", cookie?: string): Promise<string> {
  const response = await fetch(server.url + path, {
    headers: { "Accept-Language": language, ...(cookie ? { Cookie: cookie } : {}) },
  });
  expect(response.status, path).toBe(200);
  return /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? "";
}

describe("page titles", () => {
  it("are in the reader's language, from the translations", async () => {
    const pages: Array<[string, string, string]> = [
      ["/", "Minka · Escuela de Negocios Cooperativos", "Minka · Coop Business School"],
      ["/workshops", "Talleres · Minka", "Workshops · Minka"],
      ["/login", "Ingresar · Minka", "Log in · Minka"],
    ];
    for (const [path, es, en] of pages) {
      expect(await titleOf(path, "es"), path).toBe(es);
      expect(await titleOf(path, "en"), path).toBe(en);
    }
    // A staff page, whose texts are sent only to staff (the account's language, Spanish, wins over the browser's).
    expect(await titleOf("/reports", "en", managerCookie)).toBe("Informe de alcance · Minka");
  });
});
