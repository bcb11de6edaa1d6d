import http from "node:http";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatTime } from "../../app/utils/dates";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

// Issue #17 item 4: workshop and certificate pages, and the staff page's invitation, share on
// WhatsApp with a plain wa.me link (no JavaScript) that names the public address (APP_URL),
// whatever Host header the page was requested with.
const APP_URL = "https://cursos.minka.example";
let server: TestServer;
let facilitator = "";
let workshop = { id: 0, title: "" };
let certificate = { code: "", course_title: "" };

beforeAll(async () => {
  server = await startTestServer({ env: { APP_URL } });
  facilitator = await logIn(server, "facilitadora@minka.test");
  [workshop] = server.query<{ id: number; title: string }>(
    `select w.id, w.title from workshop w
       join workshop_facilitator f on f.workshop_id = w.id
       join account a on a.id = f.account_id and a.email = 'facilitadora@minka.test'
     where w.status = 'published' and w.modality = 'in_person' and w.place is not null order by w.id limit 1`,
  );
  const [person] = server.query<{ id: number }>("select id from person where email = ?", "socia@minka.test");
  const [course] = server.query<{ id: number; title: string }>("select id, title from course order by id limit 1");
  certificate = { code: "MK-7Q2D-4K9P-XW3M-HT6R", course_title: course.title };
  const db = new SQLite(server.databaseFile);
  db.prepare(
    `insert into certificate (person_id, course_id, code, full_name, course_title, hours, completed_at, issued_at)
     values (?, ?, ?, 'Rosa Quispe', ?, 2, '2026-11-20T15:00:00.000Z', '2026-11-20T15:00:00.000Z')`,
  ).run(person.id, course.id, certificate.code, course.title);
  db.close();
}, 120_000);
afterAll(() => server.stop());

/** A GET with a chosen Host header (fetch cannot set one), as a proxy or another name of this machine would send. */
function getWithHost(pathname: string, host: string, headers: Record<string, string> = {}): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path: pathname, headers: { Host: host, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        expect(response.statusCode, pathname).toBe(200);
        resolve(Buffer.concat(chunks).toString("utf8"));
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The page's one WhatsApp link: its attributes, its visible name and the message it carries. */
function whatsappLink(html: string) {
  const links = [...html.matchAll(/<a ([^>]*href="https:\/\/wa\.me\/[^"]*"[^>]*)>(.*?)<\/a>/gs)];
  expect(links).toHaveLength(1);
  const [, attributes, name] = links[0];
  const href = unescapeHtml(/href="([^"]+)"/.exec(attributes)![1]);
  const url = new URL(href);
  expect(url.origin + url.pathname).toBe("https://wa.me/");
  expect([...url.searchParams.keys()]).toEqual(["text"]);
  return { attributes, name: name.replace(/<[^>]+>/g, "").trim(), text: url.searchParams.get("text")! };
}

describe("share on WhatsApp", () => {
  it("the workshop page: the title and the APP_URL address, whatever the Host, in the page's language", async () => {
    for (const host of [new URL(server.url).host, "otro-nombre.example"]) {
      const link = whatsappLink(await getWithHost(`/workshops/${workshop.id}`, host));
      expect(link.name).toBe("Compartir por WhatsApp");
      expect(link.attributes).toContain('target="_blank"');
      expect(link.attributes).toMatch(/rel="[^"]*noopener/);
      expect(link.attributes).toMatch(/class="[^"]*button/);
      expect(link.text).toContain(`«${workshop.title}»`);
      expect(link.text.endsWith(` ${APP_URL}/workshops/${workshop.id}`)).toBe(true);
      expect(link.text).not.toContain("otro-nombre");
      expect(link.text).not.toContain("127.0.0.1");
    }
    const english = whatsappLink(
      await getWithHost(`/workshops/${workshop.id}`, "otro-nombre.example", { "Accept-Language": "en" }),
    );
    expect(english.name).toBe("Share on WhatsApp");
    expect(english.text).toMatch(/^Workshop/);
    expect(english.text.endsWith(` ${APP_URL}/workshops/${workshop.id}`)).toBe(true);
  });

  it("the certificate page: the course and the certificate's APP_URL address", async () => {
    const link = whatsappLink(await getWithHost(`/certificates/${certificate.code}`, "otro-nombre.example"));
    expect(link.name).toBe("Compartir por WhatsApp");
    expect(link.attributes).toContain('target="_blank"');
    expect(link.text).toContain(`«${certificate.course_title}»`);
    expect(link.text.endsWith(` ${APP_URL}/certificates/${certificate.code}`)).toBe(true);
  });

  it("the staff workshop page: the invitation to copy (title, date and time on the workshop's clock, place, address) and the same text on WhatsApp", async () => {
    const html = await getWithHost(`/staff/workshops/${workshop.id}`, "otro-nombre.example", {
      Cookie: `${facilitator}; __Host-${facilitator}`,
    });
    const textarea = /<textarea([^>]*)>(.*?)<\/textarea>/s.exec(html);
    expect(textarea).not.toBeNull();
    expect(textarea![1]).toMatch(/\breadonly\b/);
    const invitation = unescapeHtml(textarea![2]).trim();
    const [session] = server.query<{ starts_at: string; timezone: string; place: string }>(
      `select s.starts_at, w.timezone, w.place from workshop_session s join workshop w on w.id = s.workshop_id
        where w.id = ? order by s.starts_at limit 1`,
      workshop.id,
    );
    const clock = formatTime(session.starts_at, "es", session.timezone);
    expect(invitation).toContain(`«${workshop.title}»`);
    expect(invitation).toContain(clock);
    expect(invitation).toContain("hora de");
    expect(invitation).toContain(session.place);
    expect(invitation).toContain(`${APP_URL}/workshops/${workshop.id}`);
    expect(invitation).not.toContain("otro-nombre");
    const link = whatsappLink(html);
    expect(link.name).toBe("Compartir por WhatsApp");
    expect(link.text).toBe(invitation);
  });
});
