import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes } from "../support/attendance-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * Country and region (and birth year) on every path that creates or edits a person, with
 * JavaScript off (plain form posts), over HTTP against the production build: a valid pair is
 * stored; a region of another country, an unknown country or an impossible birth year is a
 * localized message at the field (or the row, with its line), the typed values come back, and
 * nothing is written.
 */
let server: TestServer;
let staff = "";
const ids = {} as { ownWorkshop: number; costsWorkshop: number; sessions: number[]; course: string };

const TABLES = ["person", "account", "registration", "attendance", "enrolment", "enrolment_upload"] as const;
const NEXT_YEAR = String(new Date().getFullYear() + 1);
const REGION_ERROR = "Esa región no es del país elegido";
const COUNTRY_ERROR = "Elija un país de la lista";
const BIRTH_TOO_EARLY = "El año de nacimiento debe ser 1900 o después";
const BIRTH_IN_FUTURE = "El año de nacimiento no puede ser posterior a este año";

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);
const rowCounts = () =>
  Object.fromEntries(TABLES.map((table) => [table, query<{ n: number }>(`select count(*) as n from ${table}`)[0].n]));
const placeOf = (where: string, ...args: unknown[]) =>
  query<{ country: string | null; region: string | null; birth_year: number | null }>(
    `select country, region, birth_year from person where ${where}`,
    ...args,
  );

async function post(path: string, body: Record<string, string> | FormData, cookie = staff) {
  const response = await fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: cookie ? { Cookie: cookie } : {},
    body: body instanceof FormData ? body : new URLSearchParams(body),
  });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** A select renders the kept choice as its selected option (server-rendered, no JavaScript). */
const selected = (value: string) => new RegExp(`<option value="${value}" selected=""`);

/**
 * The message shown as a field's error (the page also carries every message in its data, so the
 * bare text proves nothing), on a field marked invalid.
 */
function expectFieldError(page: string, message: string) {
  expect(page, `a field error saying "${message}"`).toMatch(new RegExp(`class="field-error">${message}`));
  expect(page).toMatch(/aria-invalid="true"/);
}

/** Posts, and checks the page comes back with `message`, the typed values selected and no table changed. */
async function expectRefused(
  path: string,
  body: Record<string, string>,
  message: string,
  cookie = staff,
): Promise<string> {
  const before = rowCounts();
  const response = await post(path, body, cookie);
  expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
  expectFieldError(response.text, message);
  if (body.fullName) expect(response.text).toContain(`value="${body.fullName}"`);
  if (body.region) expect(response.text).toMatch(selected(body.region));
  if (body.country && body.country !== "XX") expect(response.text).toMatch(selected(body.country));
  expect(rowCounts()).toEqual(before);
  return response.text;
}

beforeAll(async () => {
  server = await startTestServer();
  const [own] = query<{ id: number }>(
    "select id from workshop where title = 'Cómo llevar las cuentas de su cooperativa'",
  );
  const [costs] = query<{ id: number }>(
    "select id from workshop where title = 'Costos de producción para su cooperativa'",
  );
  const sessions = query<{ id: number }>(
    "select id from workshop_session where workshop_id = ? order by starts_at",
    costs.id,
  ).map((s) => s.id);
  const [course] = query<{ slug: string }>(
    "select slug from course where published = 1 and archived_at is null order by slug limit 1",
  );
  Object.assign(ids, { ownWorkshop: own.id, costsWorkshop: costs.id, sessions, course: course.slug });
  staff = await logIn(server, "facilitadora@minka.test");
}, 120_000);
afterAll(() => server.stop());

describe("sign-up", () => {
  const signUp = (fields: Record<string, string>) => ({
    fullName: "Flor Ficticia Condori",
    identifier: "flor.ficticia@example.org",
    password: "una-clave-larga-2026",
    consent: "on",
    ...fields,
  });

  it("refuses a region of another country and an unknown country at the field, keeping the input", async () => {
    const page = await expectRefused("/signup", signUp({ country: "PE", region: "GT-09" }), REGION_ERROR, "");
    expect(page).toContain('value="flor.ficticia@example.org"');
    await expectRefused("/signup", signUp({ country: "XX", region: "" }), "Elija su país", "");
  });

  it("stores the country and region chosen", async () => {
    const response = await post("/signup", signUp({ country: "PE", region: "PE-CUS" }), "");
    expect(response.status).toBe(302);
    expect(placeOf("email = ?", "flor.ficticia@example.org")).toEqual([
      { country: "PE", region: "PE-CUS", birth_year: null },
    ]);
  });
});

describe("Mi cuenta", () => {
  it("saves the person's country and region, and refuses a region of another country", async () => {
    const member = await logIn(server, "socia@minka.test");
    const profile = { fullName: "Rosa Quispe Mamani", language: "es" };
    const [{ person_id }] = query<{ person_id: number }>(
      "select person_id from account where email = 'socia@minka.test'",
    );
    const before = placeOf("id = ?", person_id);
    await expectRefused("/account", { ...profile, country: "HN", region: "SV-SS" }, REGION_ERROR, member);
    await expectRefused("/account", { ...profile, country: "XX", region: "" }, COUNTRY_ERROR, member);
    expect(placeOf("id = ?", person_id)).toEqual(before);

    const saved = await post("/account", { ...profile, country: "HN", region: "HN-FM" }, member);
    expect(saved.status).toBe(200);
    expect(placeOf("id = ?", person_id)).toEqual([{ ...before[0], country: "HN", region: "HN-FM" }]);
    expect(saved.text).toMatch(selected("HN-FM"));
  });
});

/** What a facilitator types for someone new at the walk-in and the roll call. */
const walkIn = (fields: Record<string, string>) => ({
  phone: "",
  email: "",
  sex: "",
  birthYear: "1961",
  cooperative: "",
  consent: "on",
  method: "walk_in",
  ...fields,
});

describe("walk-in registration", () => {
  const path = () => `/staff/workshops/${ids.ownWorkshop}/walk-in`;

  it("refuses a region of another country, an unknown country and an impossible birth year, writing nothing", async () => {
    await expectRefused(
      path(),
      walkIn({ fullName: "Teodora Ficticia Huamán", country: "GT", region: "PE-PUN" }),
      REGION_ERROR,
    );
    await expectRefused(path(), walkIn({ fullName: "Teodora Ficticia Huamán", country: "XX" }), COUNTRY_ERROR);
    await expectRefused(
      path(),
      walkIn({ fullName: "Teodora Ficticia Huamán", country: "PE", birthYear: "1899" }),
      BIRTH_TOO_EARLY,
    );
    await expectRefused(
      path(),
      walkIn({ fullName: "Teodora Ficticia Huamán", country: "PE", birthYear: NEXT_YEAR }),
      BIRTH_IN_FUTURE,
    );
  });

  it("stores the country and region of a new person", async () => {
    const response = await post(
      path(),
      walkIn({ fullName: "Teodora Ficticia Huamán", country: "PE", region: "PE-PUN" }),
    );
    expect(response.status).toBe(302);
    expect(placeOf("full_name = ?", "Teodora Ficticia Huamán")).toEqual([
      { country: "PE", region: "PE-PUN", birth_year: 1961 },
    ]);
  });
});

describe("roll-call walk-in", () => {
  const path = () => `/staff/workshops/${ids.costsWorkshop}/sessions/${ids.sessions[0]}/roll-call`;

  it("refuses a region of another country and a future birth year, then stores a valid place", async () => {
    const typed = walkIn({ intent: "walkIn", fullName: "Eusebia Ficticia Ramos", country: "SV", region: "HN-YO" });
    await expectRefused(path(), typed, REGION_ERROR);
    await expectRefused(path(), { ...typed, region: "SV-SA", birthYear: NEXT_YEAR }, BIRTH_IN_FUTURE);
    await expectRefused(path(), { ...typed, region: "SV-SA", birthYear: "1899" }, BIRTH_TOO_EARLY);
    const response = await post(path(), { ...typed, region: "SV-SA" });
    expect(response.status).toBe(302);
    expect(placeOf("full_name = ?", "Eusebia Ficticia Ramos")).toEqual([
      { country: "SV", region: "SV-SA", birth_year: 1961 },
    ]);
  });
});

describe("staff course enrolment", () => {
  const path = () => `/staff/courses/${ids.course}/enrol`;
  const typed = {
    intent: "match",
    fullName: "Nicanora Ficticia Poma",
    email: "nicanora.ficticia@example.org",
    phone: "",
    consent: "on",
  };

  it("refuses a region of another country and an unknown country, then stores a valid place", async () => {
    const page = await expectRefused(path(), { ...typed, country: "DO", region: "PE-LIM" }, REGION_ERROR);
    expect(page).toContain('value="nicanora.ficticia@example.org"');
    await expectRefused(path(), { ...typed, country: "XX", region: "" }, COUNTRY_ERROR);
    const response = await post(path(), { ...typed, country: "DO", region: "DO-40" });
    expect(response.status).toBe(200);
    expect(placeOf("email = ?", typed.email)).toEqual([{ country: "DO", region: "DO-40", birth_year: null }]);
  });
});

describe("enrolment CSV import", () => {
  const importPath = "/staff/enrolments/import";

  async function preview(text: string) {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", new Blob([text], { type: "text/csv" }), "lista.csv");
    const before = rowCounts();
    const response = await post(importPath, form);
    const uploadId = Number(/name="uploadId" value="(\d+)"/.exec(response.text)?.[1]);
    return { status: response.status, page: response.text, uploadId, written: rowCounts().person !== before.person };
  }

  it("shows a region of another country and an unknown country at their lines, and writes nothing", async () => {
    const { status, page, uploadId, written } = await preview(
      [
        "nombre;correo;curso;país;región",
        `Olga Ficticia Uno;olga.uno@example.org;${ids.course};PE;Cusco`,
        `Olga Ficticia Dos;olga.dos@example.org;${ids.course};PE;Quetzaltenango`,
        `Olga Ficticia Tres;olga.tres@example.org;${ids.course};Narnia;`,
      ].join("\n"),
    );
    expect(status).toBe(400);
    expect(Number.isNaN(uploadId), "no list is kept to confirm").toBe(true);
    expect(written).toBe(false);
    expect(page).toMatch(/<td>3<\/td>[\s\S]*?«Quetzaltenango» no es una región de Perú/);
    expect(page).toMatch(/<td>4<\/td>[\s\S]*?«Narnia» no es un país de la lista/);
    expect(query("select count(*) as n from enrolment_upload")).toEqual([{ n: 0 }]);
    expect(query("select 1 from person where email like 'olga.%'")).toEqual([]);
  });

  it("stores regions given by code or by name, English headers too", async () => {
    const { uploadId } = await preview(
      [
        "full name,email,course,country,region",
        `Olga Ficticia Cuatro,olga.cuatro@example.org,${ids.course},GT,GT-09`,
        `Olga Ficticia Cinco,olga.cinco@example.org,${ids.course},pe,"cusco"`,
        `Olga Ficticia Seis,olga.seis@example.org,${ids.course},Otro país,`,
        `Olga Ficticia Siete,olga.siete@example.org,${ids.course},,`,
      ].join("\n"),
    );
    expect(uploadId).toBeGreaterThan(0);
    const response = await post(importPath, { intent: "commit", uploadId: String(uploadId), consent: "on" });
    expect(response.status).toBe(200);
    const places = query<{ email: string; country: string | null; region: string | null }>(
      "select email, country, region from person where email like 'olga.%' order by email",
    );
    expect(places).toEqual([
      { email: "olga.cinco@example.org", country: "PE", region: "PE-CUS" },
      { email: "olga.cuatro@example.org", country: "GT", region: "GT-09" },
      { email: "olga.seis@example.org", country: "OTHER", region: null },
      { email: "olga.siete@example.org", country: null, region: null },
    ]);
  });
});

describe("new person from an attendance report", () => {
  const importPath = () => `/staff/workshops/${ids.costsWorkshop}/sessions/${ids.sessions[1]}/import`;

  it("starts from the workshop's country, refuses a region of another country, then stores the place chosen", async () => {
    const form = new FormData();
    form.set(
      "file",
      new Blob([new Uint8Array(fixtureBytes("zoom-meeting-participants.csv"))], { type: "text/csv" }),
      "participants.csv",
    );
    const uploaded = await post(importPath(), form);
    expect(uploaded.status).toBe(302);
    const uploadId = Number(/upload=(\d+)/.exec(uploaded.location ?? "")?.[1]);
    const review = await (
      await fetch(`${server.url}${importPath()}?upload=${uploadId}`, { headers: { Cookie: staff } })
    ).text();
    const [{ country }] = query<{ country: string }>("select country from workshop where id = ?", ids.costsWorkshop);
    expect(review).toMatch(selected(country));
    const keys = [...new Set([...review.matchAll(/name="d-([^"]+)"/g)].map((m) => m[1]))];
    // Someone the demo does not know: "new" creates them.
    const newKey = /Pedro Ccama Huarca[\s\S]*?name="d-([^"]+)"/.exec(review)?.[1] ?? "";
    expect(keys).toContain(newKey);
    const decisions = {
      intent: "confirm",
      uploadId: String(uploadId),
      ...Object.fromEntries(keys.map((key) => [`d-${key}`, "ignore"])),
      [`d-${newKey}`]: "new",
    };
    const before = rowCounts();
    const reviewPath = `${importPath()}?upload=${uploadId}`;
    const refused = await post(reviewPath, { ...decisions, country: "PE", region: "GT-01" });
    expect(refused.status).toBe(400);
    expectFieldError(refused.text, REGION_ERROR);
    expect(refused.text).toMatch(selected("GT-01"));
    expect(rowCounts()).toEqual(before);

    const saved = await post(reviewPath, { ...decisions, country: "PE", region: "PE-AYA" });
    expect(saved.status).toBe(302);
    expect(placeOf("full_name = ?", "Pedro Ccama Huarca")).toEqual([
      { country: "PE", region: "PE-AYA", birth_year: null },
    ]);
  });
});
