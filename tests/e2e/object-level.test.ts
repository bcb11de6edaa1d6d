import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes } from "../support/attendance-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * A person id posted by staff is trusted only when the server offered it on that form (the
 * similar names of what was typed, the candidates of an import row) or the person is already
 * on that workshop or course. Anything else is refused with a message and writes nothing.
 * Over real HTTP against the production build, as the facilitator of the demo.
 */
let server: TestServer;
let cookie = "";
const ids = {} as {
  ownWorkshop: number;
  costsWorkshop: number;
  sessions: number[];
  course: string;
  courseId: number;
  /** Registered for the costs workshop only: not on the own workshop, not a namesake of what is typed. */
  juanaNorte: number;
  juanaSur: number;
  /** On another workshop of the seed, nowhere near the costs workshop. */
  outsider: { id: number; fullName: string };
};

/** Juana Flores (Norte)'s phone, +51 911 111 111, whole, in any format. */
const FULL_PHONE = /9\D?1\D?1\D?1\D?1\D?1\D?1\D?1\D?1/;

const TABLES = [
  "person",
  "registration",
  "attendance",
  "attendance_import",
  "attendance_upload",
  "enrolment",
  "enrolment_upload",
  "email_outbox",
  "audit_log",
] as const;

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

function rowCounts(): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((table) => [table, query<{ n: number }>(`select count(*) as n from ${table}`)[0].n]),
  );
}

async function post(path: string, body: Record<string, string> | FormData) {
  const response = await fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie },
    body: body instanceof FormData ? body : new URLSearchParams(body),
  });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** Posts, and checks the answer is a 400 with `message` and that no table changed. */
async function expectRefused(path: string, body: Record<string, string>, message: string) {
  const before = rowCounts();
  const response = await post(path, body);
  expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
  expect(response.text.includes(message), `the answer says "${message}"`).toBe(true);
  expect(rowCounts()).toEqual(before);
  return response;
}

const auditOf = (action: string, personId: number) =>
  query<{ actor: number; details: string }>(
    "select actor_account_id as actor, details from audit_log where action = ? and subject_type = 'person' and subject_id = ?",
    action,
    personId,
  );

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
  const [course] = query<{ id: number; slug: string }>(
    "select id, slug from course where published = 1 and archived_at is null order by slug limit 1",
  );
  const juanas = query<{ id: number }>("select id from person where full_name = 'Juana Flores' order by phone");
  const [outsider] = query<{ id: number; fullName: string }>(
    "select id, full_name as fullName from person where full_name = 'Pedro Huillca'",
  );
  Object.assign(ids, {
    ownWorkshop: own.id,
    costsWorkshop: costs.id,
    sessions,
    course: course.slug,
    courseId: course.id,
    juanaNorte: juanas[0].id,
    juanaSur: juanas[1].id,
    outsider,
  });
  cookie = await logIn(server, "facilitadora@minka.test");
}, 120_000);
afterAll(() => server.stop());

const typed = {
  fullName: "Ana Prueba Ficticia",
  phone: "",
  email: "",
  sex: "",
  birthYear: "",
  cooperative: "",
  consent: "on",
};

describe("walk-in registration", () => {
  const walkIn = () => `/staff/workshops/${ids.ownWorkshop}/walk-in`;

  it("refuses a person id the form never offered, and one that does not exist, writing nothing", async () => {
    const refused = await expectRefused(
      walkIn(),
      { ...typed, method: "walk_in", choice: String(ids.juanaNorte) },
      "no está entre las opciones",
    );
    expect(refused.text.includes("911111111"), "911111111").toBe(false);
    expect(
      query("select 1 from registration where workshop_id = ? and person_id = ?", ids.ownWorkshop, ids.juanaNorte),
    ).toEqual([]);
    await expectRefused(walkIn(), { ...typed, method: "walk_in", choice: "987654321" }, "no está entre las opciones");
  });

  it("masks the candidates' contacts on the server, then registers the one chosen and audit-logs it", async () => {
    const asked = await post(walkIn(), { ...typed, fullName: "juana FLORES", method: "staff" });
    expect(asked.status).toBe(200);
    expect(asked.text.includes("¿Es esta persona?"), "¿Es esta persona?").toBe(true);
    // Only the last digits reach the browser, in the page and in the data the page hydrates from.
    expect(asked.text.includes("…111"), "…111").toBe(true);
    expect(asked.text.match(FULL_PHONE)?.[0]).toBeUndefined();
    expect(asked.text.includes("922222222"), "922222222").toBe(false);
    const byEmail = await post(walkIn(), { ...typed, fullName: "ROSA quispe mamani", method: "staff" });
    expect(byEmail.text.includes("s…a@minka.test"), "s…a@minka.test").toBe(true);
    expect(byEmail.text.includes("socia@minka.test"), "socia@minka.test").toBe(false);

    const before = rowCounts();
    const chosen = await post(walkIn(), {
      ...typed,
      fullName: "juana FLORES",
      method: "staff",
      choice: String(ids.juanaNorte),
    });
    expect(chosen.status).toBe(302);
    expect(
      query("select method from registration where workshop_id = ? and person_id = ?", ids.ownWorkshop, ids.juanaNorte),
    ).toEqual([{ method: "staff" }]);
    expect(rowCounts().person).toBe(before.person);
    const audit = auditOf("registration.assisted", ids.juanaNorte);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({
      workshopId: ids.ownWorkshop,
      method: "staff",
      matchedBy: "choice",
    });
  });

  it("accepts, under any typed name, a person already on this workshop", async () => {
    const response = await post(walkIn(), { ...typed, method: "walk_in", choice: String(ids.juanaNorte) });
    expect(response.status).toBe(302);
    expect(response.location).toContain("already=1");
  });
});

describe("roll-call walk-in", () => {
  it("refuses a person id the form never offered and marks nobody", async () => {
    const path = `/staff/workshops/${ids.costsWorkshop}/sessions/${ids.sessions[0]}/roll-call`;
    const refused = await expectRefused(
      path,
      { ...typed, intent: "walkIn", method: "walk_in", choice: String(ids.outsider.id) },
      "no está entre las opciones",
    );
    expect(refused.location).toBeNull();
    await expectRefused(
      path,
      { ...typed, intent: "walkIn", method: "walk_in", choice: "987654321" },
      "no está entre las opciones",
    );
    expect(query("select 1 from attendance where person_id = ?", ids.outsider.id)).toEqual([]);
  });
});

describe("attendance import confirmation", () => {
  let uploadId = 0;
  let keys: string[] = [];
  const importPath = (session: number) => `/staff/workshops/${ids.costsWorkshop}/sessions/${session}/import`;

  async function upload(session: number): Promise<number> {
    const form = new FormData();
    form.set(
      "file",
      new Blob([new Uint8Array(fixtureBytes("zoom-meeting-participants.csv"))], { type: "text/csv" }),
      "participants.csv",
    );
    const response = await post(importPath(session), form);
    expect(response.status).toBe(302);
    return Number(/upload=(\d+)/.exec(response.location ?? "")?.[1]);
  }

  /** Every participant ignored except the ones given. */
  const decisions = (chosen: Record<string, string>) => ({
    intent: "confirm",
    uploadId: String(uploadId),
    ...Object.fromEntries(keys.map((key) => [`d-${key}`, "ignore"])),
    ...chosen,
  });

  beforeAll(async () => {
    uploadId = await upload(ids.sessions[0]);
    const review = await fetch(`${server.url}${importPath(ids.sessions[0])}?upload=${uploadId}`, {
      headers: { Cookie: cookie },
    });
    const page = await review.text();
    keys = [...new Set([...page.matchAll(/name="d-([^"]+)"/g)].map((m) => m[1]))];
    expect(keys).toContain("L10");
    // The two Juanas are offered for L10 with hints of their phones only.
    expect(page.includes("…111"), "…111").toBe(true);
    expect(page.match(FULL_PHONE)?.[0]).toBeUndefined();
  });

  it("refuses a person who is neither a candidate of that row nor on the workshop, by link or directly", async () => {
    await expectRefused(
      importPath(ids.sessions[0]),
      decisions({ "d-L10": "link", "link-L10": `person:${ids.outsider.id}` }),
      "no está entre las opciones",
    );
    await expectRefused(
      importPath(ids.sessions[0]),
      decisions({ "d-L10": `person:${ids.outsider.id}` }),
      "no está entre las opciones",
    );
    await expectRefused(
      importPath(ids.sessions[0]),
      decisions({ "d-L10": "person:987654321" }),
      "no está entre las opciones",
    );
  });

  it("refuses an upload of another session, to confirm or to discard, and leaves it alone", async () => {
    const foreign = await upload(ids.sessions[1]);
    await expectRefused(
      importPath(ids.sessions[0]),
      { ...decisions({}), uploadId: String(foreign) },
      "Este informe ya no está disponible",
    );
    await expectRefused(
      importPath(ids.sessions[0]),
      { intent: "discard", uploadId: String(foreign) },
      "Este informe ya no está disponible",
    );
    await expectRefused(
      importPath(ids.sessions[0]),
      { intent: "discard", uploadId: "987654321" },
      "Este informe ya no está disponible",
    );
    expect(query("select id from attendance_upload where id = ?", foreign)).toEqual([{ id: foreign }]);
  });

  it("saves a candidate the facilitator chose and audit-logs the link", async () => {
    const response = await post(importPath(ids.sessions[0]), decisions({ "d-L10": `person:${ids.juanaSur}` }));
    expect(response.status).toBe(302);
    expect(query("select person_id from attendance where session_id = ?", ids.sessions[0])).toEqual([
      { person_id: ids.juanaSur },
    ]);
    const audit = auditOf("attendance.import.linked", ids.juanaSur);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ workshopId: ids.costsWorkshop, sessionId: ids.sessions[0] });
  });
});

describe("staff course enrolment", () => {
  const enrolPath = () => `/staff/courses/${ids.course}/enrol`;

  it("refuses a person id the form never offered, and an unknown one, writing nothing", async () => {
    await expectRefused(
      enrolPath(),
      { intent: "choose", personId: String(ids.juanaNorte), fullName: "Ana Prueba Ficticia" },
      "no está entre las opciones",
    );
    await expectRefused(
      enrolPath(),
      { intent: "choose", personId: "987654321", fullName: "Ana Prueba Ficticia" },
      "no está entre las opciones",
    );
    expect(
      query("select 1 from enrolment where person_id = ? and course_id = ?", ids.juanaNorte, ids.courseId),
    ).toEqual([]);
  });

  it("masks the candidates' contacts on the server, then enrols the one chosen and audit-logs it", async () => {
    const asked = await post(enrolPath(), {
      intent: "match",
      fullName: "Juana Flores",
      email: "otra.juana@example.org",
      phone: "",
    });
    expect(asked.status).toBe(200);
    expect(asked.text.includes("…111"), "…111").toBe(true);
    expect(asked.text.match(FULL_PHONE)?.[0]).toBeUndefined();

    const chosen = await post(enrolPath(), {
      intent: "choose",
      personId: String(ids.juanaNorte),
      fullName: "Juana Flores",
    });
    expect(chosen.status).toBe(200);
    expect(
      query("select method from enrolment where person_id = ? and course_id = ?", ids.juanaNorte, ids.courseId),
    ).toEqual([{ method: "staff" }]);
    const audit = auditOf("enrolment.assisted", ids.juanaNorte);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ courseId: ids.courseId, matchedBy: "choice" });
  });
});

describe("enrolment import confirmation", () => {
  const importPath = "/staff/enrolments/import";
  const list = (email: string) => `nombre,correo,curso\nRoberta Ficticia Quispe,${email},${ids.course}\n`;

  /** Previews a list as `as`; the answer's page and the kept list's id from its confirm form. */
  async function preview(as: string, text: string) {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", new Blob([text], { type: "text/csv" }), "lista.csv");
    const response = await fetch(server.url + importPath, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: as },
      body: form,
    });
    const page = await response.text();
    expect(response.status).toBe(200);
    return { page, uploadId: Number(/name="uploadId" value="(\d+)"/.exec(page)?.[1]) };
  }

  it("carries the kept list's id in the confirm form, never the CSV text", async () => {
    const { page, uploadId } = await preview(cookie, list("roberta.uno@example.org"));
    expect(uploadId).toBeGreaterThan(0);
    expect(page).not.toMatch(/name="csv"/);
    expect(page.includes("nombre,correo,curso"), "the file's header line").toBe(false);
    const [facilitator] = query<{ id: number }>("select id from account where email = 'facilitadora@minka.test'");
    expect(query("select uploaded_by from enrolment_upload where id = ?", uploadId)).toEqual([
      { uploaded_by: facilitator.id },
    ]);
  });

  it("refuses another facilitator's list and an unknown one, writing nothing, and leaves theirs alone", async () => {
    const other = await preview(await logIn(server, "marco.facilitador@minka.test"), list("roberta.dos@example.org"));
    await expectRefused(
      importPath,
      { intent: "commit", uploadId: String(other.uploadId), consent: "on" },
      "Esta lista ya no está disponible",
    );
    await expectRefused(
      importPath,
      { intent: "commit", uploadId: "987654321", consent: "on" },
      "Esta lista ya no está disponible",
    );
    expect(query("select id from enrolment_upload where id = ?", other.uploadId)).toEqual([{ id: other.uploadId }]);
    expect(query("select 1 from person where email = 'roberta.dos@example.org'")).toEqual([]);
  });
});
