import "fake-indexeddb/auto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addPendingSubmission,
  flushPendingSubmissions,
  forgetGradedQuizzes,
  listGradedQuizzes,
  listPendingSubmissions,
  onPendingChange,
  type PendingSubmission,
} from "./pending-submissions";

/**
 * A real HTTP server answers as Minka's routes do for each address: the queue's own logic is
 * tested here; the same path against the built server is tests/e2e/offline-submissions.test.ts.
 */
const received: Array<{ url: string; body: string; contentType: string | undefined }> = [];
let server: http.Server;
let origin: string;
let downPort: number;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      if (request.method === "POST") received.push({ url: path, body, contentType: request.headers["content-type"] });
      const redirect = (to: string) => response.writeHead(302, { Location: to }).end();
      if (request.method === "GET") return response.writeHead(200, { "Content-Type": "text/html" }).end("<p>page</p>");
      if (path === "/learning/complete") return redirect(new URLSearchParams(body).get("redirectTo") ?? "/");
      if (path === "/courses/c/quiz") return redirect(`/courses/c/quiz?graded=1&q0=1#quiz`);
      if (path === "/signed-out") return redirect("/login?redirectTo=%2Fcourses%2Fc%2Fl");
      if (path === "/other-account") return response.writeHead(409).end();
      if (path === "/gone") return response.writeHead(410).end();
      if (path === "/broken") return response.writeHead(500).end();
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: a network error, as offline.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  downPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(async () => {
  received.length = 0;
  // Empty the queue between tests: everything left is refused by a 404.
  for (const item of await listPendingSubmissions()) {
    await addPendingSubmission({ ...item, url: "/nowhere", account: 7 });
  }
  await flushPendingSubmissions({ origin });
  await forgetGradedQuizzes("c/quiz");
  received.length = 0;
});

let created = Date.parse("2026-12-02T10:00:00Z");
function item(overrides: Partial<PendingSubmission> = {}): PendingSubmission {
  const clientId = crypto.randomUUID();
  return {
    clientId,
    kind: "completion",
    url: "/learning/complete",
    fields: [
      ["course", "c"],
      ["lesson", "l"],
      ["method", "manual"],
      ["redirectTo", "/courses/c/l"],
      ["clientId", clientId],
      ["account", "7"],
    ],
    lesson: "c/l",
    account: 7,
    createdAt: new Date(created++).toISOString(),
    ...overrides,
  };
}

describe("the queue of pending submissions", () => {
  it("keeps items per lesson, oldest first, and says so to listeners", async () => {
    let changes = 0;
    const stop = onPendingChange(() => changes++);
    const first = item();
    const second = item();
    const other = item({ lesson: "c/other" });
    await addPendingSubmission(second);
    await addPendingSubmission(first);
    await addPendingSubmission(other);
    expect((await listPendingSubmissions("c/l")).map((i) => i.clientId)).toEqual([first.clientId, second.clientId]);
    expect(await listPendingSubmissions()).toHaveLength(3);
    await expect.poll(() => changes).toBe(3);
    stop();
  });

  it("posts each item as its form would, drops it once accepted, and remembers a quiz's grading", async () => {
    const completion = item();
    const quizId = crypto.randomUUID();
    const quiz = item({
      clientId: quizId,
      kind: "quiz",
      url: "/courses/c/quiz",
      lesson: "c/quiz",
      fields: [
        ["intent", "quiz"],
        ["q0", "1"],
        ["clientId", quizId],
        ["account", "7"],
      ],
    });
    await addPendingSubmission(completion);
    await addPendingSubmission(quiz);
    const report = await flushPendingSubmissions({ origin });
    expect(report.sent.map((i) => i.clientId)).toEqual([completion.clientId, quiz.clientId]);
    expect(report).toMatchObject({ dropped: 0, kept: 0 });
    expect(received).toEqual([
      {
        url: "/learning/complete",
        body: new URLSearchParams(completion.fields).toString(),
        contentType: "application/x-www-form-urlencoded;charset=UTF-8",
      },
      {
        url: "/courses/c/quiz",
        body: new URLSearchParams(quiz.fields).toString(),
        contentType: "application/x-www-form-urlencoded;charset=UTF-8",
      },
    ]);
    expect(await listPendingSubmissions()).toEqual([]);
    expect(await listGradedQuizzes("c/quiz")).toEqual([
      expect.objectContaining({ clientId: quizId, account: 7, resultUrl: "/courses/c/quiz?graded=1&q0=1" }),
    ]);
    await forgetGradedQuizzes("c/quiz");
    expect(await listGradedQuizzes("c/quiz")).toEqual([]);
  });

  it("keeps items on a network error, a 5xx, a signed-out session or another account; drops a 4xx", async () => {
    const offline = item();
    await addPendingSubmission(offline);
    expect(await flushPendingSubmissions({ origin: `http://127.0.0.1:${downPort}` })).toMatchObject({
      sent: [],
      kept: 1,
    });

    const kept = [item({ url: "/broken" }), item({ url: "/signed-out" }), item({ url: "/other-account" })];
    for (const k of kept) await addPendingSubmission(k);
    const gone = item({ url: "/gone" });
    await addPendingSubmission(gone);
    const report = await flushPendingSubmissions({ origin });
    expect(report.sent.map((i) => i.clientId)).toEqual([offline.clientId]);
    expect(report).toMatchObject({ dropped: 1, kept: 3 });
    expect((await listPendingSubmissions()).map((i) => i.clientId)).toEqual(kept.map((k) => k.clientId));
  });

  it("stops at the first network error and keeps the rest for later", async () => {
    const items = [item(), item(), item()];
    for (const i of items) await addPendingSubmission(i);
    expect(await flushPendingSubmissions({ origin: `http://127.0.0.1:${downPort}` })).toMatchObject({ kept: 3 });
    expect(await listPendingSubmissions()).toHaveLength(3);
  });

  it("drops an item kept for another account after 30 days", async () => {
    const old = item({ url: "/other-account", createdAt: "2026-10-01T00:00:00.000Z" });
    const recent = item({ url: "/other-account", createdAt: "2026-11-25T00:00:00.000Z" });
    await addPendingSubmission(old);
    await addPendingSubmission(recent);
    const report = await flushPendingSubmissions({ origin, now: () => new Date("2026-12-02T12:00:00Z") });
    expect(report).toMatchObject({ dropped: 1, kept: 1 });
    expect((await listPendingSubmissions()).map((i) => i.clientId)).toEqual([recent.clientId]);
  });

  it("runs one flush at a time: a second call while one runs shares it", async () => {
    await addPendingSubmission(item());
    const [a, b] = [flushPendingSubmissions({ origin }), flushPendingSubmissions({ origin })];
    expect(a).toBe(b);
    await a;
    expect(received).toHaveLength(1);
  });
});
