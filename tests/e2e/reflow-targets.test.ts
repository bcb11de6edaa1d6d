import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type TestBrowser } from "../support/browser";
import { fixtureBytes } from "../support/attendance-fixtures";
import { auditLayout } from "../support/layout-audit";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/*
 * Issue #21, items 5 and 6: at 320 px wide (WCAG 1.4.10 reflow), with JavaScript off, no page
 * any role can reach scrolls sideways, and every control is at least 44×44 (docs/decisions/033).
 * The crawl follows same-origin links breadth-first from the home page (the role's menu is on
 * every page), a few pages per kind of address, and every lesson for the visitor and for the member with «Letra grande».
 */
const VIEWPORT = { width: 320, height: 640 };
const PAGES_PER_KIND = 2;
const MAX_PAGES = 90;

// Downloads, POST-only endpoints and the way out are not pages to look at.
const NOT_A_PAGE = /^\/(logout|language|text-size|status)\b|\/[^/?]*\.\w+(\?|$)|\/export$|\/data$|format=/;

/** Addresses that differ only by an id or a slug are one kind of page. */
function kindOf(pathname: string): string {
  return pathname
    .split("/")
    .map((segment, index, all) => {
      if (/\d/.test(segment)) return ":n";
      if (index > 1 && ["courses", "certificates"].includes(all[index - 1])) return ":slug";
      if (index === 3 && all[1] === "courses") return ":slug";
      return segment;
    })
    .join("/");
}

interface CrawlResult {
  visited: string[];
  problems: string[];
}

/*
 * «Letra grande» changes only three attributes of a page: html.text-large, and the switch's
 * aria-pressed and value (app/root.tsx, TextSizeSwitch; the guard test below holds the server to
 * that). So each page is measured as loaded, then with those attributes set in place, instead of
 * being loaded again with the preference on.
 */
const TO_LARGE_TEXT = `(() => {
  document.documentElement.classList.add("text-large");
  const button = document.querySelector('.text-size-switch button[name="size"]');
  button.setAttribute("aria-pressed", "true");
  button.setAttribute("value", "normal");
})()`;

async function crawl(
  page: Page,
  origin: string,
  everyLesson: boolean,
  extra: string[] = [],
  alsoLargeText = false,
): Promise<CrawlResult> {
  const queue = ["/", ...extra];
  const seen = new Set(queue);
  const perKind = new Map<string, number>();
  const visited: string[] = [];
  const problems = new Set<string>();
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const address = queue.shift()!;
    const kind = kindOf(new URL(address, origin).pathname);
    const isLesson = /^\/courses\/:slug\/:slug$/.test(kind);
    const count = perKind.get(kind) ?? 0;
    if (count >= PAGES_PER_KIND && !(everyLesson && isLesson) && !extra.includes(address)) continue;
    perKind.set(kind, count + 1);
    const response = await page.goto(origin + address);
    visited.push(`${address} ${response?.status()}`);
    const audit = await auditLayout(page);
    for (const problem of audit.problems)
      problems.add(`${address}: ${problem.kind} ${problem.selector} — ${problem.detail}`);
    if (alsoLargeText) {
      await page.evaluate(TO_LARGE_TEXT);
      for (const problem of (await auditLayout(page)).problems)
        problems.add(`${address} (Letra grande): ${problem.kind} ${problem.selector} — ${problem.detail}`);
    }
    for (const href of audit.links) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const next = url.pathname + url.search;
      if (seen.has(next) || NOT_A_PAGE.test(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return { visited, problems: [...problems] };
}

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser({ javaScriptEnabled: false, viewport: VIEWPORT });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Starts a fresh cookie jar signed in as this account (or as nobody); returns the Cookie header. */
async function signIn(identifier: string | null): Promise<string> {
  await browser.context.clearCookies();
  if (!identifier) return "";
  const cookie = await logIn(server, identifier);
  const [name, value] = cookie.split("=");
  await browser.context.addCookies([{ name, value, url: server.url }]);
  return cookie;
}

/** The review of an uploaded Zoom report (radios and selects per participant): a page only an upload leads to. */
async function attendanceReviewPage(cookie: string): Promise<string> {
  const [{ workshop, session }] = server.query<{ workshop: number; session: number }>(
    `select w.id as workshop, s.id as session from workshop w join workshop_session s on s.workshop_id = w.id
     where w.title = 'Costos de producción para su cooperativa' order by s.starts_at limit 1`,
  );
  const importPath = `/staff/workshops/${workshop}/sessions/${session}/import`;
  const upload = new FormData();
  upload.set(
    "file",
    new Blob([new Uint8Array(fixtureBytes("zoom-review-choices.csv"))], { type: "text/csv" }),
    "r.csv",
  );
  const response = await fetch(server.url + importPath, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie },
    body: upload,
  });
  expect(response.status, "the report upload").toBe(302);
  return `${importPath}?upload=${/upload=(\d+)/.exec(response.headers.get("Location") ?? "")![1]}`;
}

const TABLE_LESSON = "/courses/cadenas-transparentes/registrar-cada-lote";
const QUIZ_LESSON = "/courses/que-es-una-cooperativa/que-es";
// A quiz sent with one answer right and one wrong: the graded page shows both feedbacks.
const GRADED_QUIZ = `${QUIZ_LESSON}?graded=1&q0=0&q1=1`;

/** Pages each crawl must reach, so a broken menu cannot make the test pass by seeing less. */
const MUST_SEE: Record<string, RegExp[]> = {
  visitor: [
    /^\/login/,
    /^\/signup/,
    /^\/workshops\/\d+/,
    new RegExp(`^${TABLE_LESSON}`),
    new RegExp(`^${QUIZ_LESSON}`),
  ],
  member: [/^\/account/, /^\/me\/learning/, new RegExp(`^${TABLE_LESSON}`), /graded=1/],
  facilitator: [
    /^\/staff\/people\/\d+/,
    /^\/reports/,
    /\/attendance$/,
    /\/roll-call$/,
    /^\/staff\/workshops\/\d+\/edit/,
    /\/import\?upload=\d+$/,
  ],
  manager: [/^\/staff\/people\?/, /^\/reports\/people/, /\/attendance$/],
  admin: [/^\/admin\/accounts/, /^\/admin\/audit/, /^\/admin\/privacy/],
};

/** Pages no link leads to (a quiz just sent, the content page admins open by address). */
const EXTRA_PAGES: Record<string, string[]> = {
  member: [TABLE_LESSON, QUIZ_LESSON, GRADED_QUIZ],
  admin: ["/admin/content"],
};

/** Sends a form with a long e-mail address and nothing else, then audits the page with its errors. */
async function auditRefusedForm(result: CrawlResult, path: string, button: string): Promise<void> {
  const { page } = browser;
  await page.goto(server.url + path);
  await page
    .getByLabel("Correo electrónico o celular")
    .fill("nadie.con.un.correo.muy.largo@cooperativa-agraria.example");
  await page.getByRole("button", { name: button }).click();
  await page.waitForSelector(".form-error, .field-error");
  result.visited.push(`${path} (refused)`);
  for (const p of (await auditLayout(page)).problems)
    result.problems.push(`${path} (refused): ${p.kind} ${p.selector} — ${p.detail}`);
}

function expectClean(role: string, { visited, problems }: CrawlResult): void {
  const list = visited.join("\n");
  for (const page of MUST_SEE[role])
    expect(
      visited.some((v) => page.test(v.split(" ")[0])),
      `${role} reached ${page}:\n${list}`,
    ).toBe(true);
  expect(problems, `pages crawled as ${role}:\n${list}`).toEqual([]);
}

describe("every page at 320 px, JavaScript off", () => {
  const roles: [string, string | null][] = [
    ["visitor", null],
    // The member's crawl measures every page twice: normal and «Letra grande» (125 %).
    ["member", "socia@minka.test"],
    ["facilitator", "facilitadora@minka.test"],
    ["manager", "gestora@minka.test"],
    ["admin", "admin@minka.test"],
  ];
  for (const [role, identifier] of roles) {
    it(`as ${role}: no sideways scroll, no control under 44×44`, { timeout: 120_000 }, async () => {
      const cookie = await signIn(identifier);
      // Every lesson as a visitor, and as a member (their own panel), normal and with «Letra grande».
      const everyLesson = role === "visitor" || role === "member";
      const extra = [...(EXTRA_PAGES[role] ?? [])];
      if (role === "facilitator") extra.push(await attendanceReviewPage(cookie));
      const result = await crawl(browser.page, server.url, everyLesson, extra, role === "member");
      if (role === "visitor") {
        // Refused forms show their errors beside the fields and keep the input.
        await auditRefusedForm(result, "/login", "Ingresar");
        await auditRefusedForm(result, "/signup", "Crear mi cuenta");
      }
      expectClean(role, result);
    });
  }

  it("«Letra grande» changes nothing on a page but html.text-large and the switch's state (what the member's crawl sets in place)", async () => {
    const cookie = await signIn("socia@minka.test");
    const paths = ["/", "/account", "/me/learning", TABLE_LESSON, GRADED_QUIZ];
    const visibleMarkup = async (path: string) => {
      const response = await fetch(server.url + path, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      return (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/ nonce="[^"]*"/g, "");
    };
    const normal = await Promise.all(paths.map(visibleMarkup));
    // The member's own preference (it decides over the cookie), as the header's button sets it.
    const pressed = await fetch(server.url + "/text-size", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ size: "large", redirectTo: "/" }),
    });
    expect(pressed.status).toBe(302);
    const large = await Promise.all(paths.map(visibleMarkup));
    for (const [index, path] of paths.entries()) {
      expect(large[index], path).not.toBe(normal[index]);
      const asSetInPlace = normal[index]
        .replace(/<html lang="(\w+)">/, '<html lang="$1" class="text-large">')
        .replace('name="size" value="large" aria-pressed="false"', 'name="size" value="normal" aria-pressed="true"');
      expect(large[index], path).toBe(asSetInPlace);
    }
  });
});
