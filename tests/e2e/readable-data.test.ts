import SQLite from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

// Issue #17 item 8: "Mi cuenta" → /account/data is a page the person can read: workshop and course
// titles beside the ids, the e-mails sent to them (and no one else's), field names in their language.
let server: TestServer;
let cookie = "";
let personId = 0;
const OWN_SUBJECT = "Confirmación: Taller de prueba para sus datos";
const OTHER_SUBJECT = "Correo de otra persona que no debe verse";

beforeAll(async () => {
  server = await startTestServer();
  [{ id: personId }] = server.query<{ id: number }>("select id from person where email = ?", "socia@minka.test");
  const [other] = server.query<{ id: number; email: string }>(
    "select id, email from person where id <> ? and email is not null order by id limit 1",
    personId,
  );
  const [workshop] = server.query<{ id: number }>("select id from workshop where status = 'published' limit 1");
  const [course] = server.query<{ id: number }>("select id from course order by id limit 1");
  const db = new SQLite(server.databaseFile);
  try {
    const now = new Date().toISOString();
    db.prepare(
      "insert or ignore into registration (workshop_id, person_id, status, method, created_at, updated_at) values (?, ?, 'registered', 'self', ?, ?)",
    ).run(workshop.id, personId, now, now);
    db.prepare(
      "insert or ignore into enrolment (person_id, course_id, method, enrolled_at) values (?, ?, 'self', ?)",
    ).run(personId, course.id, now);
    const mail = db.prepare(
      `insert into email_outbox (to_address, subject, text_body, kind, status, next_attempt_at, created_at, sent_at, person_id)
       values (?, ?, 'cuerpo', 'confirmation', 'sent', ?, ?, ?, ?)`,
    );
    mail.run("socia@minka.test", OWN_SUBJECT, now, now, now, personId);
    mail.run(other.email, OTHER_SUBJECT, now, now, now, other.id);
  } finally {
    db.close();
  }
  cookie = await logIn(server, "socia@minka.test");
}, 120_000);
afterAll(() => server.stop());

async function page(path: string) {
  const response = await fetch(server.url + path, { headers: { Cookie: cookie } });
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type"), path).toMatch(/^text\/html/);
  return response.text();
}

describe("own data, readable", () => {
  it("shows titles beside ids, the person's own e-mails, and field names in Spanish", async () => {
    const html = await page("/account/data");
    const workshops = server.query<{ title: string }>(
      "select w.title from registration r join workshop w on w.id = r.workshop_id where r.person_id = ?",
      personId,
    );
    const courses = server.query<{ title: string }>(
      "select c.title from enrolment e join course c on c.id = e.course_id where e.person_id = ?",
      personId,
    );
    expect(workshops.length).toBeGreaterThan(0);
    expect(courses.length).toBeGreaterThan(0);
    const text = html
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&");
    for (const { title } of [...workshops, ...courses]) expect(text).toContain(title);
    expect(text).toContain(OWN_SUBJECT);
    expect(text).not.toContain(OTHER_SUBJECT);
    for (const label of ["Nombre completo", "Correo electrónico", "Taller", "Curso", "Correos enviados", "Asunto"])
      expect(text, label).toContain(label);
    // No column names of the database as labels.
    for (const raw of ["full_name", "workshop_id", "course_id", "created_at", "to_address"])
      expect(text, raw).not.toContain(`>${raw}<`);
    // The machine-readable copies stay one click away.
    for (const format of ["json", "csv", "xlsx"])
      expect(html).toContain(`href="/account/data/download?format=${format}"`);
    expect(await page("/account")).toContain('href="/account/data"');
  });

  it("in English for a person who reads English", async () => {
    const db = new SQLite(server.databaseFile);
    db.prepare("update person set preferred_language = 'en' where id = ?").run(personId);
    db.close();
    try {
      const html = await page("/account/data");
      for (const label of ["Full name", "Workshop", "Course", "E-mails sent", "Subject"])
        expect(html, label).toContain(label);
      expect(html).not.toContain("Nombre completo");
    } finally {
      const reset = new SQLite(server.databaseFile);
      reset.prepare("update person set preferred_language = 'es' where id = ?").run(personId);
      reset.close();
    }
  });

  it("the downloads carry the titles and the e-mails too, with dates written as in every export", async () => {
    // The older address of the files leads to them.
    const older = await fetch(server.url + "/account/data?format=json", {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(older.headers.get("Location")).toBe("/account/data/download?format=json");
    const response = await fetch(server.url + "/account/data/download?format=json", { headers: { Cookie: cookie } });
    const data = (await response.json()) as Record<string, Array<Record<string, unknown>>>;
    expect(data.registration.every((r) => typeof r.workshop_title === "string")).toBe(true);
    expect(data.enrolment.every((e) => typeof e.course_title === "string")).toBe(true);
    expect(data.email.map((m) => m.subject)).toContain(OWN_SUBJECT);
    expect(JSON.stringify(data)).not.toContain(OTHER_SUBJECT);

    const csv = await fetch(server.url + "/account/data/download?format=csv", { headers: { Cookie: cookie } });
    const rows = parse(await csv.text(), { bom: true }) as string[][];
    const created = rows.find((row) => row[0] === "registration" && row[2] === "created_at");
    expect(created?.[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});
