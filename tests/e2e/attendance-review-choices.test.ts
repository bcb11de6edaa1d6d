import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes } from "../support/attendance-fixtures";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The review of an attendance report with JavaScript off (plain form posts, as a browser without
 * scripts sends them), over HTTP against the production build: nobody is added as a new person
 * unless staff choose it, on the row or with "add the remaining people as new"; a row left
 * without a choice comes back with its message, every other choice kept, and nothing written.
 *
 * zoom-review-choices.csv: the host; Rosa (registered, recognised by e-mail, marked "Guest" by
 * Zoom) on two devices for 40 + 60 minutes that overlap by 10; two people nobody knows.
 */
let server: TestServer;
let cookie = "";
let sessionId = 0;
let importPath = "";

const TABLES = ["person", "registration", "attendance", "attendance_import", "audit_log"] as const;
const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);
const rowCounts = () =>
  Object.fromEntries(TABLES.map((table) => [table, query<{ n: number }>(`select count(*) as n from ${table}`)[0].n]));

beforeAll(async () => {
  server = await startTestServer();
  const [costs] = query<{ id: number }>(
    "select id from workshop where title = 'Costos de producción para su cooperativa'",
  );
  [{ id: sessionId }] = query<{ id: number }>(
    "select id from workshop_session where workshop_id = ? order by starts_at limit 1",
    costs.id,
  );
  importPath = `/staff/workshops/${costs.id}/sessions/${sessionId}/import`;
  cookie = await logIn(server, "facilitadora@minka.test");
}, 120_000);
afterAll(() => server.stop());

async function post(path: string, body: URLSearchParams | FormData) {
  const response = await fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie },
    body,
  });
  return { status: response.status, location: response.headers.get("Location"), html: await response.text() };
}

const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2])]));
const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** What a browser without JavaScript posts for the review form as rendered: checked radios, typed texts, selected options. */
function reviewForm(html: string): URLSearchParams {
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)]
    .map((m) => m[1])
    .find((body) => body.includes('value="confirm"'));
  expect(form, "the review form").toBeDefined();
  const fields = new URLSearchParams();
  for (const [tag] of form!.matchAll(/<input[^>]*>/g)) {
    const input = attributes(tag);
    if (!input.name) continue;
    if ((input.type === "radio" || input.type === "checkbox") && !/\schecked=""/.test(tag)) continue;
    fields.append(input.name, input.value ?? "");
  }
  for (const [, open, options] of form!.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const all = [...options.matchAll(/<option[^>]*>/g)].map(([tag]) => tag);
    const chosen = all.find((tag) => /\sselected=""/.test(tag)) ?? all[0];
    fields.append(attributes(open).name, attributes(chosen).value ?? "");
  }
  return fields;
}

/** The fieldset of one participant's question. */
function rowOf(html: string, name: string): string {
  const row = [...html.matchAll(/<fieldset[\s\S]*?<\/fieldset>/g)]
    .map((m) => m[0])
    .find((fieldset) => fieldset.includes(`¿Quién es ${name}?`));
  expect(row, `the question for ${name}`).toBeDefined();
  return row!;
}

const keyOf = (html: string, name: string) => /name="d-(L\d+)"/.exec(rowOf(html, name))![1];
const CHOOSE = 'class="field-error">Elija una opción para esta persona.';

describe("the review of an attendance report, without JavaScript", () => {
  it("adds nobody as new by default, refuses a row left unchosen with its choices kept, then adds the remaining people as new", async () => {
    const upload = new FormData();
    upload.set(
      "file",
      new Blob([new Uint8Array(fixtureBytes("zoom-review-choices.csv"))], { type: "text/csv" }),
      "review.csv",
    );
    const uploaded = await post(importPath, upload);
    expect(uploaded.status).toBe(302);
    const reviewPath = `${importPath}?upload=${/upload=(\d+)/.exec(uploaded.location ?? "")![1]}`;
    const page = await (await fetch(server.url + reviewPath, { headers: { Cookie: cookie } })).text();

    // Rosa's two devices: the overlap is counted once, and she is never "without an account".
    const rosa = rowOf(page, "Rosa Quispe Mamani");
    expect(rosa).toContain("2 conexiones, 90 min sin contar el tiempo repetido");
    expect(rosa).not.toContain("sin cuenta de Zoom o Teams");
    expect(rowOf(page, "Zenobia Ccahuana Yupanqui")).toContain("sin cuenta de Zoom o Teams");
    expect(page).toContain("Añadir a las 2 personas restantes como nuevas");

    // Nothing chosen for the two strangers: the browser sends no choice for them.
    const zenobia = keyOf(page, "Zenobia Ccahuana Yupanqui");
    const eustaquia = keyOf(page, "Eustaquia Pillco Rimachi");
    const untouched = reviewForm(page);
    expect(untouched.get(`d-${zenobia}`)).toBeNull();
    expect(untouched.get(`d-${eustaquia}`)).toBeNull();
    untouched.set("intent", "confirm");
    const before = rowCounts();
    const refused = await post(reviewPath, untouched);
    expect(refused.status).toBe(400);
    expect(rowOf(refused.html, "Zenobia Ccahuana Yupanqui")).toContain(CHOOSE);
    expect(rowOf(refused.html, "Eustaquia Pillco Rimachi")).toContain(CHOOSE);
    expect(rowOf(refused.html, "Rosa Quispe Mamani")).not.toContain("field-error");
    expect(rowCounts()).toEqual(before);
    expect(query("select id from attendance where session_id = ?", sessionId)).toEqual([]);

    // One stranger chosen as new under a corrected name, the other left: only that row is refused.
    const oneChosen = reviewForm(refused.html);
    oneChosen.set(`d-${zenobia}`, "new");
    oneChosen.set(`name-${zenobia}`, "Zenobia Ccahuana de Ríos");
    oneChosen.set("intent", "confirm");
    const again = await post(reviewPath, oneChosen);
    expect(again.status).toBe(400);
    expect(rowOf(again.html, "Zenobia Ccahuana Yupanqui")).not.toContain("field-error");
    expect(rowOf(again.html, "Eustaquia Pillco Rimachi")).toContain(CHOOSE);
    expect(again.html).toContain("Añadir a la persona restante como nueva");
    expect(rowCounts()).toEqual(before);

    // "Add the remaining person as new", from the page as it came back: the choices made stay.
    const kept = reviewForm(again.html);
    expect(kept.get(`d-${zenobia}`)).toBe("new");
    expect(kept.get(`name-${zenobia}`)).toBe("Zenobia Ccahuana de Ríos");
    expect(kept.get(`d-${eustaquia}`)).toBeNull();
    kept.set("intent", "newForRest");
    const saved = await post(reviewPath, kept);
    expect(saved.status).toBe(302);
    expect(saved.location).toMatch(/\/attendance\?imported=3\.2\.1$/);
    expect(
      query<{ person: string; minutes: number }>(
        "select p.full_name as person, a.minutes_online as minutes from attendance a join person p on p.id = a.person_id where a.session_id = ? order by p.full_name",
        sessionId,
      ),
    ).toEqual([
      { person: "Eustaquia Pillco Rimachi", minutes: 50 },
      { person: "Rosa Quispe Mamani", minutes: 90 },
      { person: "Zenobia Ccahuana de Ríos", minutes: 80 },
    ]);
  }, 60_000);
});
