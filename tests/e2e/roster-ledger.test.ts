import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regionName } from "../../app/domain/regions";
import { messages } from "../../app/i18n/messages.server";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * The ledger, loaded entirely through the UI and imports (no SQL writes): a roster file of people
 * with sex, birth year, country, region and cooperative; three workshops created through the
 * workshop form, in 2021 (before any demo data, so the year's report is only theirs); everyone
 * registered through the roster import; attendance through roll call and a Zoom report import. The reach report's country
 * and region tables (page and CSV) must say what the roster says. JavaScript off: plain POSTs.
 */

let server: TestServer;
let cookie = "";
const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

beforeAll(async () => {
  server = await startTestServer();
  cookie = await logIn(server, "gestora@minka.test");
}, 120_000);
afterAll(() => server.stop());

async function post(path: string, body: URLSearchParams | FormData) {
  return fetch(server.url + path, { method: "POST", redirect: "manual", headers: { Cookie: cookie }, body });
}

interface Person {
  name: string;
  email: string;
  sex: string;
  year: number;
  country: string | null;
  region: string | null;
  cooperative: string;
}

/** Eight people; who attends what is decided below. Region codes are what the import stores. */
const PEOPLE: Array<Person & { country: string; typedCountry: string; typedRegion: string }> = [
  {
    name: "Alicia Condori Huamán",
    email: "alicia.c@example.org",
    sex: "Mujer",
    year: 1975,
    country: "PE",
    typedCountry: "Perú",
    region: "PE-CUS",
    typedRegion: "Cusco",
    cooperative: "Coop Cusco",
  },
  {
    name: "Bruno Quispe Tito",
    email: "bruno.q@example.org",
    sex: "Hombre",
    year: 1988,
    country: "PE",
    typedCountry: "Peru",
    region: "PE-PUN",
    typedRegion: "PE-PUN",
    cooperative: "Coop Puno",
  },
  {
    name: "Carmen Tzul Xiloj",
    email: "carmen.t@example.org",
    sex: "Mujer",
    year: 1995,
    country: "GT",
    typedCountry: "GT",
    region: "GT-07",
    typedRegion: "Sololá",
    cooperative: "Coop Atitlán",
  },
  {
    name: "Diego Batz Ajanel",
    email: "diego.b@example.org",
    sex: "Hombre",
    year: 2003,
    country: "GT",
    typedCountry: "Guatemala",
    region: "GT-07",
    typedRegion: "solola",
    cooperative: "Coop Atitlán",
  },
  {
    name: "Elena Rosario Peña",
    email: "elena.r@example.org",
    sex: "Mujer",
    year: 1969,
    country: "DO",
    typedCountry: "República Dominicana",
    region: "DO-35",
    typedRegion: "Santiago",
    cooperative: "Coop Cibao",
  },
  {
    name: "Fabiola Mejía Cruz",
    email: "fabiola.m@example.org",
    sex: "Mujer",
    year: 1980,
    country: "HN",
    typedCountry: "Honduras",
    region: "HN-OL",
    typedRegion: "Olancho",
    cooperative: "Coop Olancho",
  },
  {
    name: "Gerardo Pineda Luna",
    email: "gerardo.p@example.org",
    sex: "Hombre",
    year: 1970,
    country: "SV",
    typedCountry: "El Salvador",
    region: "SV-CH",
    typedRegion: "Chalatenango",
    cooperative: "Coop Norte",
  },
  {
    name: "Hilda Ramos Vega",
    email: "hilda.r@example.org",
    sex: "Mujer",
    year: 1992,
    country: "PE",
    typedCountry: "PE",
    region: null,
    typedRegion: "",
    cooperative: "Coop Cusco",
  },
];

function rosterCsv(people: typeof PEOPLE): string {
  const header = "Nombre completo;Correo;Sexo;Año de nacimiento;País;Región;Cooperativa;Consentimiento";
  const rows = people.map((p) =>
    [p.name, p.email, p.sex, p.year, p.typedCountry, p.typedRegion, p.cooperative, "sí"].join(";"),
  );
  return [header, ...rows].join("\n") + "\n";
}

async function importRoster(people: typeof PEOPLE, target: string) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("target", target);
  form.append("file", new Blob([rosterCsv(people)], { type: "text/csv" }), "lista.csv");
  const preview = await post("/staff/people/import", form);
  const html = await preview.text();
  expect(preview.status).toBe(200);
  const uploadId = /name="uploadId" value="(\d+)"/.exec(html)![1];
  const done = await post("/staff/people/import", new URLSearchParams({ intent: "commit", uploadId }));
  expect(done.status).toBe(200);
  expect(await done.text()).toContain("Listo:");
}

async function createWorkshop(title: string, date: string): Promise<{ id: number; sessionId: number }> {
  const response = await post(
    "/staff/workshops/new",
    new URLSearchParams({
      title,
      description: "",
      modality: "in_person",
      place: "Local comunal",
      timezone: "America/Lima",
      country: "PE",
      status: "published",
      intent: "save",
      rows: "3",
      "session-0-date": date,
      "session-0-start": "09:00",
      "session-0-end": "12:00",
      facilitatorIds: String(query<{ id: number }>("select id from account where email = 'gestora@minka.test'")[0].id),
    }),
  );
  expect(response.status).toBe(302);
  const id = Number(/\/staff\/workshops\/(\d+)/.exec(response.headers.get("Location")!)![1]);
  const [session] = query<{ id: number }>("select id from workshop_session where workshop_id = ?", id);
  return { id, sessionId: session.id };
}

async function rollCall(workshop: { id: number; sessionId: number }, marks: Record<number, "present" | "absent">) {
  const form = new URLSearchParams();
  for (const [personId, status] of Object.entries(marks)) form.append(`mark-${personId}`, status);
  const response = await post(`/staff/workshops/${workshop.id}/sessions/${workshop.sessionId}/roll-call`, form);
  expect(response.status).toBeLessThan(400);
}

/**
 * A Zoom participants report of our own for a session, imported through the attendance import:
 * upload, then confirm the review with the choices the page pre-selects (people matched by e-mail).
 */
async function importZoomReport(
  workshop: { id: number; sessionId: number },
  people: Array<{ name: string; email: string; minutes: number }>,
) {
  const report =
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n" +
    `812 3456 7890,Roster: asambleas,08/20/2021 09:00:00 AM,08/20/2021 12:00:00 PM,gestora@minka.test,180,${people.length}\n` +
    ",,,,,,\n" +
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent\n" +
    people
      .map((p) => `${p.name},${p.email},08/20/2021 09:00:00 AM,08/20/2021 11:50:00 AM,${p.minutes},No,Y`)
      .join("\n") +
    "\n";
  const path = `/staff/workshops/${workshop.id}/sessions/${workshop.sessionId}/import`;
  const form = new FormData();
  form.append("file", new Blob([report], { type: "text/csv" }), "zoom-participantes.csv");
  const uploaded = await post(path, form);
  expect(uploaded.status).toBe(302);
  const review = await fetch(server.url + uploaded.headers.get("Location")!, { headers: { Cookie: cookie } });
  const html = (await review.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
  // Post the review as the page fills it in: every pre-checked choice, and the hidden fields.
  const answers = new URLSearchParams();
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const type = attr("type");
    const name = attr("name");
    if (!name || type === "file") continue;
    if ((type === "radio" || type === "checkbox") && !/\schecked(=|\s|>|\/)/.test(tag)) continue;
    answers.append(name, attr("value") ?? "");
  }
  expect(answers.get("uploadId")).toBeTruthy();
  // The button pressed: "Guardar asistencia" (the page's other form discards the report).
  answers.set("intent", "confirm");
  const saved = await post(path, answers);
  expect(saved.status).toBe(302);
  expect(saved.headers.get("Location")).toContain("/attendance?imported=");
}

/** One table of the report's CSV: its rows between the column titles and the total. */
function csvTable(records: string[][], title: string): string[][] {
  const start = records.findIndex((r) => r[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < records.length && records[i].some((c) => c !== ""); i++) rows.push(records[i]);
  return rows.slice(0, -1); // the last is the total
}

describe("a ledger loaded through the roster import", () => {
  it("registers the roster to three workshops, takes attendance, and the report's country and region tables match the roster", async () => {
    // The people first, only into the ledger.
    await importRoster(PEOPLE, "ledger");
    const ids = new Map(
      query<{ id: number; email: string }>(
        `select id, email from person where email in (${PEOPLE.map(() => "?").join(",")})`,
        ...PEOPLE.map((p) => p.email),
      ).map((p) => [p.email, p.id]),
    );
    expect(ids.size).toBe(PEOPLE.length);
    const id = (i: number) => ids.get(PEOPLE[i].email)!;
    expect(query("select sex, birth_year, country, region, cooperative from person where id = ?", id(3))[0]).toEqual({
      sex: "male",
      birth_year: 2003,
      country: "GT",
      region: "GT-07",
      cooperative: "Coop Atitlán",
    });

    const w1 = await createWorkshop("Roster: contabilidad básica", "2021-03-10");
    const w2 = await createWorkshop("Roster: comercialización", "2021-05-12");
    const w3 = await createWorkshop("Roster: asambleas", "2021-08-20");
    // The same roster registers everyone to the first two workshops; a part of it to the third.
    await importRoster(PEOPLE, String(w1.id));
    await importRoster(PEOPLE, String(w2.id));
    await importRoster([PEOPLE[0], PEOPLE[1], PEOPLE[7]], String(w3.id));
    expect(
      query<{ n: number }>(
        "select count(*) as n from person where email in (" + PEOPLE.map(() => "?").join(",") + ")",
        ...PEOPLE.map((p) => p.email),
      )[0].n,
    ).toBe(PEOPLE.length);
    expect(
      query<{ n: number }>(
        "select count(*) as n from registration where workshop_id in (?, ?, ?) and status = 'registered'",
        w1.id,
        w2.id,
        w3.id,
      )[0].n,
    ).toBe(PEOPLE.length * 2 + 3);

    // Attendance: Gerardo (6) attends nothing, so he is not reached.
    await rollCall(w1, {
      [id(0)]: "present",
      [id(1)]: "present",
      [id(2)]: "present",
      [id(3)]: "present",
      [id(6)]: "absent",
    });
    await rollCall(w2, { [id(4)]: "present", [id(5)]: "present", [id(6)]: "absent" });
    // The third workshop's attendance comes from a Zoom report: Hilda and Alicia were online long enough.
    await importZoomReport(w3, [
      { name: PEOPLE[7].name, email: PEOPLE[7].email, minutes: 170 },
      { name: PEOPLE[0].name, email: PEOPLE[0].email, minutes: 165 },
    ]);
    expect(
      query<{ person_id: number; minutes_online: number }>(
        "select person_id, minutes_online from attendance where session_id = ? order by person_id",
        w3.sessionId,
      ),
    ).toEqual(
      [
        { person_id: id(0), minutes_online: 165 },
        { person_id: id(7), minutes_online: 170 },
      ].sort((a, b) => a.person_id - b.person_id),
    );
    const reached = PEOPLE.filter((_, i) => i !== 6);

    const countries = new Map<string, number>();
    const regions = new Map<string, number>();
    for (const p of reached) {
      countries.set(p.country, (countries.get(p.country) ?? 0) + 1);
      const key = `${p.country}|${p.region ?? ""}`;
      regions.set(key, (regions.get(key) ?? 0) + 1);
    }
    const es = messages.es;
    const countryName = (code: string) => es.common.countries[code as keyof typeof es.common.countries];
    const expectedCountries = [...countries].map(([code, n]) => [countryName(code), n]).sort();
    const expectedRegions = [...regions].map(([key, n]) => {
      const [country, region] = key.split("|");
      return [countryName(country), region, n] as const;
    });

    const page = await fetch(server.url + "/reports?period=year-2021", { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(es.reports.tables.byCountry);

    const csv = await fetch(server.url + "/reports/export?format=csv&period=year-2021", {
      headers: { Cookie: cookie },
    });
    expect(csv.status).toBe(200);
    const records = parse(await csv.text(), { relax_column_count: true, bom: true }) as string[][];
    const byCountry = csvTable(records, es.reports.tables.byCountry);
    expect(byCountry.map((r) => [r[0], Number(r[1])]).sort()).toEqual(expectedCountries);
    const byRegion = csvTable(records, es.reports.tables.byRegion);
    const regionHeader = records[records.findIndex((r) => r[0] === es.reports.tables.byRegion) + 1];
    const peopleAt = regionHeader.indexOf(es.reports.tables.people);
    expect(peopleAt).toBeGreaterThan(0);
    expect(byRegion).toHaveLength(expectedRegions.length);
    for (const [country, region, n] of expectedRegions) {
      // A region shows as its name or its code (the report may name regions); no region is "not stated".
      const shownAs = region ? [region, regionName(region)] : [es.reports.values.notStated];
      const row = byRegion.find((r) => r[0] === country && shownAs.includes(r[1]));
      expect(row, `${country} ${region}`).toBeDefined();
      expect(Number(row![peopleAt])).toBe(n);
    }
    // The page shows the same figures as the file.
    for (const [name] of expectedCountries) expect(html).toContain(String(name));
  });
});
