import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, logInThroughForm, openBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * The staff person page (/staff/people/:id) and the people directory (/staff/people), over HTTP
 * with JavaScript off: plain form posts, as a browser without scripts sends them.
 */
let server: TestServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ env: { MINKA_COUNT_QUERIES: "1" } });
  cookies.member = await logIn(server, "socia@minka.test");
  cookies.facilitator = await logIn(server, "facilitadora@minka.test");
  cookies.manager = await logIn(server, "gestora@minka.test");
}, 120_000);
afterAll(() => server.stop());

function get(path: string, role: string) {
  return fetch(server.url + path, { redirect: "manual", headers: { Cookie: cookies[role] } });
}

function post(path: string, role: string, fields: Record<string, string>) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookies[role] },
    body: new URLSearchParams(fields),
  });
}

/** Someone without a login, with a name, no matter which. */
function personWithoutLogin(offset = 0) {
  return server.query<{ id: number; full_name: string; email: string | null; phone: string | null }>(
    "select id, full_name, email, phone from person p where erased_at is null and not exists (select 1 from account a where a.person_id = p.id) order by id limit 1 offset ?",
    offset,
  )[0];
}

/** What the edit form posts when nothing is changed, so a test changes only what it means to. */
function unchangedForm(personId: number): Record<string, string> {
  const [p] = server.query<Record<string, string | number | null>>("select * from person where id = ?", personId);
  return {
    fullName: String(p.full_name),
    email: (p.email as string) ?? "",
    phone: (p.phone as string) ?? "",
    sex: String(p.sex),
    birthYear: p.birth_year === null ? "" : String(p.birth_year),
    country: (p.country as string) ?? "",
    region: (p.region as string) ?? "",
    cooperative: (p.cooperative as string) ?? "",
    preferredLanguage: String(p.preferred_language),
  };
}

const decode = (html: string) => html.replaceAll("&amp;", "&").replaceAll("&#x27;", "'").replaceAll("&quot;", '"');

describe("person page", () => {
  it("lets a manager correct country, region and birth year, and audits before and after", async () => {
    const person = personWithoutLogin();
    const page = await get(`/staff/people/${person.id}`, "manager");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(person.full_name);
    expect(html).toContain(`/staff/people/${person.id}/data`);

    const form = { ...unchangedForm(person.id), country: "GT", region: "GT-14", birthYear: "1971" };
    const before = unchangedForm(person.id);
    const response = await post(`/staff/people/${person.id}`, "manager", form);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/staff/people/${person.id}?saved=1`);
    const [stored] = server.query<{ country: string; region: string; birth_year: number }>(
      "select country, region, birth_year from person where id = ?",
      person.id,
    );
    expect(stored).toEqual({ country: "GT", region: "GT-14", birth_year: 1971 });
    const audits = server.query<{ details: string; actor: string }>(
      "select l.details, a.email as actor from audit_log l join account a on a.id = l.actor_account_id where l.action = 'person.updated' and l.subject_type = 'person' and l.subject_id = ?",
      person.id,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].actor).toBe("gestora@minka.test");
    const details = JSON.parse(audits[0].details) as {
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    };
    // Only the changed fields, each with its old and new value.
    expect(details.after).toEqual({ country: "GT", region: "GT-14", birthYear: 1971 });
    expect(details.before).toEqual({
      country: before.country || null,
      region: before.region || null,
      birthYear: before.birthYear ? Number(before.birthYear) : null,
    });
  });

  it("refuses a region of another country with a field error, keeps the input and writes nothing", async () => {
    const person = personWithoutLogin(1);
    const rowBefore = server.query("select * from person where id = ?", person.id);
    const auditsBefore = server.query("select count(*) as n from audit_log");
    const form = {
      ...unchangedForm(person.id),
      country: "PE",
      region: "GT-14",
      cooperative: "Cooperativa Escrita Aquí",
    };
    const response = await post(`/staff/people/${person.id}`, "manager", form);
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain("Esa región no es del país elegido");
    expect(html).toContain('value="Cooperativa Escrita Aquí"');
    expect(server.query("select * from person where id = ?", person.id)).toEqual(rowBefore);
    expect(server.query("select count(*) as n from audit_log")).toEqual(auditsBefore);
  });

  it("refuses a contact that belongs to someone else, and keeps the name key in step with the name", async () => {
    const person = personWithoutLogin(2);
    const other = server.query<{ email: string }>(
      "select email from person where email is not null and id <> ? order by id limit 1",
      person.id,
    )[0];
    const taken = await post(`/staff/people/${person.id}`, "manager", {
      ...unchangedForm(person.id),
      email: other.email.toUpperCase(),
    });
    expect(taken.status).toBe(400);
    expect(decode(await taken.text())).toContain("Otra persona ya tiene este correo");
    expect(server.query<{ email: string | null }>("select email from person where id = ?", person.id)[0].email).toBe(
      person.email,
    );

    const renamed = await post(`/staff/people/${person.id}`, "manager", {
      ...unchangedForm(person.id),
      fullName: "  Ñusta   Álvarez Quispe ",
    });
    expect(renamed.status).toBe(302);
    expect(
      server.query<{ full_name: string; name_key: string }>(
        "select full_name, name_key from person where id = ?",
        person.id,
      )[0],
    ).toEqual({ full_name: "Ñusta Álvarez Quispe", name_key: "alvarez nusta quispe" });
  });

  it("lets a facilitator open a person of their workshop, and answers 404 for anyone else", async () => {
    const [facilitator] = server.query<{ id: number }>(
      "select id from account where email = 'facilitadora@minka.test'",
    );
    const onWorkshop = server.query<{ id: number }>(
      "select r.person_id as id from registration r join workshop_facilitator f on f.workshop_id = r.workshop_id where f.account_id = ? order by r.person_id limit 1",
      facilitator.id,
    )[0];
    const stranger = server.query<{ id: number }>(
      `select p.id from person p where not exists (
         select 1 from registration r join workshop_facilitator f on f.workshop_id = r.workshop_id
         where r.person_id = p.id and f.account_id = ?)
       and not exists (
         select 1 from attendance a join workshop_session s on s.id = a.session_id
         join workshop_facilitator f on f.workshop_id = s.workshop_id where a.person_id = p.id and f.account_id = ?)
       order by p.id limit 1`,
      facilitator.id,
      facilitator.id,
    )[0];
    expect((await get(`/staff/people/${onWorkshop.id}`, "facilitator")).status).toBe(200);
    const edited = await post(`/staff/people/${onWorkshop.id}`, "facilitator", {
      ...unchangedForm(onWorkshop.id),
      cooperative: "Cooperativa Corregida",
    });
    expect(edited.status).toBe(302);
    expect((await get(`/staff/people/${stranger.id}`, "facilitator")).status).toBe(404);
    const rowBefore = server.query("select * from person where id = ?", stranger.id);
    const refused = await post(`/staff/people/${stranger.id}`, "facilitator", {
      ...unchangedForm(stranger.id),
      birthYear: "1950",
    });
    expect(refused.status).toBe(404);
    expect(server.query("select * from person where id = ?", stranger.id)).toEqual(rowBefore);
    expect((await get(`/staff/people/987654321`, "manager")).status).toBe(404);
  });

  it("leaves the login contacts of an account holder to them, and shows an erased person without a form", async () => {
    const [member] = server.query<{ person_id: number; email: string }>(
      "select person_id, email from account where email = 'socia@minka.test'",
    );
    const page = await (await get(`/staff/people/${member.person_id}`, "manager")).text();
    expect(page).not.toContain('name="email"');
    const saved = await post(`/staff/people/${member.person_id}`, "manager", {
      ...unchangedForm(member.person_id),
      email: "otra-direccion@example.org",
      birthYear: "1958",
    });
    expect(saved.status).toBe(302);
    expect(server.query("select email, birth_year from person where id = ?", member.person_id)[0]).toEqual({
      email: "socia@minka.test",
      birth_year: 1958,
    });

    const erased = personWithoutLogin(3);
    const db = new SQLite(server.databaseFile);
    db.prepare("update person set erased_at = ?, full_name = '', name_key = '' where id = ?").run(
      new Date().toISOString(),
      erased.id,
    );
    db.close();
    const erasedPage = await get(`/staff/people/${erased.id}`, "manager");
    expect(erasedPage.status).toBe(200);
    const erasedHtml = await erasedPage.text();
    expect(erasedHtml).toContain("fueron borrados");
    expect(erasedHtml).not.toContain('name="fullName"');
    const refused = await post(`/staff/people/${erased.id}`, "manager", {
      ...unchangedForm(erased.id),
      birthYear: "1940",
    });
    expect(refused.status).toBe(403);
    expect(server.query("select birth_year from person where id = ?", erased.id)[0]).toEqual({ birth_year: null });
  });

  it("refuses members", async () => {
    const person = personWithoutLogin();
    expect((await get(`/staff/people/${person.id}`, "member")).status).toBe(403);
    expect((await get(`/staff/people`, "member")).status).toBe(403);
  });
});

describe("people directory", () => {
  const rowsOf = (html: string) => [...html.matchAll(/href="\/staff\/people\/(\d+)"/g)].map((m) => Number(m[1]));

  it("finds people by name without accents or case, and by contact", async () => {
    const [someone] = server.query<{ id: number; full_name: string; email: string }>(
      "select id, full_name, email from person where email is not null and erased_at is null order by id desc limit 1",
    );
    const lastWord = someone.full_name.split(" ").at(-1)!;
    const typed = lastWord
      .toUpperCase()
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "");
    const byName = await get(`/staff/people?q=${encodeURIComponent(typed)}`, "manager");
    expect(byName.status).toBe(200);
    expect(rowsOf(await byName.text())).toContain(someone.id);
    const byEmail = await get(`/staff/people?q=${encodeURIComponent(someone.email.toUpperCase())}`, "manager");
    expect(rowsOf(await byEmail.text())).toEqual([someone.id]);
  });

  it("lists for a facilitator only the people of their workshops", async () => {
    const [facilitator] = server.query<{ id: number }>(
      "select id from account where email = 'facilitadora@minka.test'",
    );
    const theirs = server
      .query<{ id: number }>(
        `select p.id from person p where p.erased_at is null and (
           exists (select 1 from registration r join workshop_facilitator f on f.workshop_id = r.workshop_id
                   where r.person_id = p.id and f.account_id = ?)
           or exists (select 1 from attendance a join workshop_session s on s.id = a.session_id
                      join workshop_facilitator f on f.workshop_id = s.workshop_id where a.person_id = p.id and f.account_id = ?))
         order by p.id`,
        facilitator.id,
        facilitator.id,
      )
      .map((p) => p.id);
    expect(theirs.length).toBeGreaterThan(0);
    const seen: number[] = [];
    for (let page = 1; page <= 40; page++) {
      const rows = rowsOf(await (await get(`/staff/people?page=${page}`, "facilitator")).text());
      if (rows.length === 0) break;
      seen.push(...rows);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(theirs);
  });

  it("lists the people without a country, 50 a page, with page links", async () => {
    const missing = server.query<{ id: number }>(
      "select id from person where country is null and erased_at is null order by id",
    );
    expect(missing.length, "the seed has more than one page of people without a country").toBeGreaterThan(50);
    const first = await (await get("/staff/people?missing=country", "manager")).text();
    const firstRows = rowsOf(first);
    expect(firstRows).toHaveLength(50);
    expect(decode(first)).toContain('href="/staff/people?missing=country&page=2"');
    const second = rowsOf(await (await get("/staff/people?missing=country&page=2", "manager")).text());
    expect([...firstRows, ...second].sort((a, b) => a - b)).toEqual(missing.map((m) => m.id));
  });

  it("is built in the same number of queries whatever the page or filter", async () => {
    const counts: number[] = [];
    for (const path of [
      "/staff/people",
      "/staff/people?page=5",
      "/staff/people?missing=country",
      "/staff/people?missing=birthYear&country=PE",
      "/staff/people?q=maria",
    ]) {
      const response = await get(path, "manager");
      expect(response.status, path).toBe(200);
      await response.text();
      counts.push(Number(response.headers.get("X-Query-Count")));
    }
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(new Set(counts).size, String(counts)).toBe(1);
  });

  it("is where the report's data-quality counts lead", async () => {
    const report = decode(await (await get("/reports?period=all", "manager")).text());
    const link = /href="(\/staff\/people\?missing=country)"/.exec(report);
    expect(link).not.toBeNull();
    const list = await get(link![1], "manager");
    expect(list.status).toBe(200);
    const missing = server.query<{ id: number }>(
      "select id from person where country is null and erased_at is null order by name_key, id limit 50",
    );
    expect(rowsOf(await list.text())).toEqual(missing.map((m) => m.id));
    expect(/href="\/staff\/people\?missing=birthYear"/.test(report)).toBe(true);
  });
});

describe("in a browser without JavaScript", () => {
  it("corrects a person through the form, shows a refused region beside its field, and passes axe", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      page.setDefaultTimeout(15_000);
      await logInThroughForm(page, server.url + "/login", "gestora@minka.test", server.url + "/");
      await page.getByRole("link", { name: "Personas" }).click();
      await page.waitForURL(server.url + "/staff/people");
      await page.getByLabel("Datos que faltan").selectOption("birthYear");
      await page.getByRole("button", { name: "Buscar" }).click();
      await page.waitForURL(server.url + "/staff/people?q=&country=&cooperative=&missing=birthYear");
      expect(await accessibilityViolations(page)).toEqual([]);
      const first = page.locator("table tbody th a").first();
      const name = await first.textContent();
      await first.click();
      await expect.poll(() => page.getByRole("heading", { level: 1, name: name! }).isVisible()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel("País").selectOption("PE");
      await page.getByLabel("Región o departamento").selectOption("GT-14");
      await page.getByRole("button", { name: "Guardar cambios" }).click();
      await expect.poll(() => page.getByText("Esa región no es del país elegido").isVisible()).toBe(true);
      expect(await page.getByLabel("Región o departamento").getAttribute("aria-invalid")).toBe("true");
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel("Región o departamento").selectOption("PE-CUS");
      await page.getByLabel("Año de nacimiento").fill("1966");
      await page.getByRole("button", { name: "Guardar cambios" }).click();
      await expect.poll(() => page.getByText("Cambios guardados.").isVisible()).toBe(true);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
