import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every page is whole without JavaScript, so on a slow connection its stylesheets and images
 * must not wait behind the scripts that only enhance it: the page asks for each of its modules
 * at low priority, in <head>, before Remix's own preloads (which the browser then finds already
 * under way and does not fetch again).
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

function modulePreloads(html: string) {
  return [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*>/g)].map((match) => ({
    href: /href="([^"]+)"/.exec(match[0])![1],
    low: /fetchpriority="low"/.test(match[0]),
    inHead: match.index! < html.indexOf("</head>"),
  }));
}

describe("script priority", () => {
  for (const path of ["/", "/courses", "/workshops"]) {
    it(`${path} announces all its modules at low priority before any other preload`, async () => {
      const response = await fetch(server.url + path, { headers: { "Accept-Language": "es-PE" } });
      expect(response.status).toBe(200);
      const preloads = modulePreloads(await response.text());
      const others = preloads.filter((p) => !p.low);
      expect(others.length).toBeGreaterThan(3); // Remix's own: the entry, React, the route
      const low = preloads.filter((p) => p.low);
      expect(low.every((p) => p.inHead)).toBe(true);
      expect(preloads.findIndex((p) => !p.low)).toBe(low.length);
      expect(new Set(low.map((p) => p.href))).toEqual(new Set(others.map((p) => p.href)));
    });
  }
});
