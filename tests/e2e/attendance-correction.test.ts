import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A hand correction of attendance over HTTP with JavaScript off (docs/decisions/023): an imported
 * report says a registered person was online 90 minutes; staff correct them to absent with a
 * reason; the attendance page, the reach report and the person page follow, and the audit log
 * has the entry. Without a reason: 400, the error, the typed input kept, nothing written.
 */
let server: TestServer;
const cookies: Record<string, string> = {};

async function login(email: string): Promise<string> {
  const response = await fetch(server.url + "/login", {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier: email, password: "minka-demo-2026" }),
  });
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

beforeAll(async () => {
  server = await startTestServer();
  cookies.member = await login("socia@minka.test");
  cookies.facilitator = await login("facilitadora@minka.test");
  cookies.manager = await login("gestora@minka.test");
}, 120_000);
afterAll(() => server.stop());

const get = (path: string, role: string) =>
  fetch(server.url + path, { redirect: "manual", headers: { Cookie: cookies[role] } });
const post = (path: string, role: string, fields: Record<string, string>) =>
  fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookies[role] },
    body: new URLSearchParams(fields),
  });

/** A past session of a workshop the demo facilitator runs, and a person registered on it. */
function ownSessionAndPerson() {
  const [row] = server.query<{ workshop: number; session: number; person: number; name: string }>(
    `select w.id as workshop, s.id as session, r.person_id as person, p.full_name as name
     from workshop w
     join workshop_facilitator f on f.workshop_id = w.id
     join account a on a.id = f.account_id and a.email = 'facilitadora@minka.test'
     join workshop_session s on s.workshop_id = w.id and s.starts_at < ?
     join registration r on r.workshop_id = w.id and r.status = 'registered'
     join person p on p.id = r.person_id and p.erased_at is null
     where w.status <> 'cancelled'
     order by s.starts_at desc, r.person_id limit 1`,
    new Date().toISOString(),
  );
  return row;
}

/** "Participaciones en talleres" of the reach report's CSV for one workshop, all periods. */
async function reportParticipations(workshopId: number) {
  const csv = await (await get(`/reports/export?format=csv&period=all&workshop=${workshopId}`, "manager")).text();
  return Number(/Participaciones en talleres,(\d+)\r\n/.exec(csv)?.[1]);
}

/** The attendance page's "Asistieron" figure for the whole workshop. */
function pageAttended(html: string) {
  return Number(/<dt>Asistieron<\/dt><dd>(\d+)<\/dd>/.exec(html)?.[1]);
}

describe("correcting attendance by hand, without JavaScript", () => {
  it("corrects an imported 90 minutes to absent with a reason; the page, the report, the person page and the audit log follow", async () => {
    const { workshop, session, person, name } = ownSessionAndPerson();
    const write = new SQLite(server.databaseFile);
    try {
      write.pragma("busy_timeout = 5000");
      write.prepare("delete from attendance where session_id = ? and person_id = ?").run(session, person);
      write
        .prepare(
          "insert into attendance (session_id, person_id, status, minutes_online, source, recorded_at) values (?, ?, null, 90, 'import', ?)",
        )
        .run(session, person, new Date().toISOString());
    } finally {
      write.close();
    }
    const attendancePath = `/staff/workshops/${workshop}/attendance`;
    const correctPath = `/staff/workshops/${workshop}/sessions/${session}/correct/${person}`;
    const before = await get(attendancePath, "facilitator");
    expect(before.status).toBe(200);
    const beforeHtml = await before.text();
    // Each person × session has a plain link to its correction page.
    expect(beforeHtml).toContain(`href="${correctPath}"`);
    const attendedBefore = pageAttended(beforeHtml);
    const reportBefore = await reportParticipations(workshop);
    expect(reportBefore).toBe(attendedBefore);

    const form = await get(correctPath, "facilitator");
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain("Según el informe importado: 90 min en línea.");
    expect(formHtml).toContain("Ahora cuenta como asistencia.");

    // No reason: 400, the error, what was typed kept, nothing written.
    const counts = () =>
      server.query<{ attendance: number; audit: number; corrected: number }>(
        "select (select count(*) from attendance) as attendance, (select count(*) from audit_log) as audit, (select count(*) from attendance where corrected_status is not null or corrected_minutes is not null) as corrected",
      )[0];
    const untouched = counts();
    const refused = await post(correctPath, "facilitator", { status: "absent", minutes: "7", reason: "   " });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Escriba el motivo de la corrección.");
    expect(refusedHtml).toMatch(/<input[^>]*value="absent"[^>]*checked|<input[^>]*checked[^>]*value="absent"/);
    expect(refusedHtml).toMatch(/name="minutes"[^>]*value="7"|value="7"[^>]*name="minutes"/);
    expect(counts()).toEqual(untouched);
    const tooLong = await post(correctPath, "facilitator", { status: "absent", minutes: "", reason: "x".repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("El motivo es demasiado largo (máximo 500 caracteres).");
    expect(counts()).toEqual(untouched);

    const reason = "Dejó la sesión abierta y se fue";
    const saved = await post(correctPath, "facilitator", { status: "absent", minutes: "", reason });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${attendancePath}?corrected=1#people`);
    expect(
      server.query(
        "select status, minutes_online, corrected_status, correction_reason from attendance where session_id = ? and person_id = ?",
        session,
        person,
      ),
    ).toEqual([{ status: null, minutes_online: 90, corrected_status: "absent", correction_reason: reason }]);
    const [audit] = server.query<{ details: string }>(
      "select details from audit_log where action = 'attendance.corrected' and subject_type = 'person' and subject_id = ? order by id desc limit 1",
      person,
    );
    expect(JSON.parse(audit.details)).toMatchObject({
      workshopId: workshop,
      sessionId: session,
      before: { minutesOnline: 90, correctedStatus: null, attended: true },
      after: { minutesOnline: 90, correctedStatus: "absent", attended: false },
      reason,
    });

    const afterHtml = await (await get(`${attendancePath}?corrected=1`, "facilitator")).text();
    expect(afterHtml).toContain("Corrección guardada.");
    expect(afterHtml).toContain(`corregido a mano: ${reason}`);
    // Whether the person still attended another session decides the workshop figure; this session's figure always drops.
    const [{ others }] = server.query<{ others: number }>(
      `select count(*) as others from attendance a join workshop_session s on s.id = a.session_id
       join workshop w on w.id = s.workshop_id
       where s.workshop_id = ? and a.person_id = ? and a.session_id <> ?
         and (a.corrected_status = 'present' or (a.corrected_status is null and (a.status in ('present','late') or coalesce(a.corrected_minutes, a.minutes_online) >= w.attendance_min_minutes)))`,
      workshop,
      person,
      session,
    );
    const expected = others > 0 ? attendedBefore : attendedBefore - 1;
    expect(pageAttended(afterHtml)).toBe(expected);
    expect(await reportParticipations(workshop)).toBe(expected);

    const personPage = await (await get(`/staff/people/${person}`, "facilitator")).text();
    expect(personPage).toContain(`corregido a mano: ${reason}`);
    expect(name.length).toBeGreaterThan(0);
  });

  it("lets only staff of that workshop correct, and only people on it", async () => {
    const { workshop, session, person } = ownSessionAndPerson();
    const [other] = server.query<{ workshop: number; session: number; person: number }>(
      `select w.id as workshop, s.id as session, r.person_id as person from workshop w
       join workshop_session s on s.workshop_id = w.id
       join registration r on r.workshop_id = w.id
       where not exists (select 1 from workshop_facilitator f join account a on a.id = f.account_id
                         where f.workshop_id = w.id and a.email = 'facilitadora@minka.test')
       order by w.id limit 1`,
    );
    const [stranger] = server.query<{ id: number }>(
      `select id from person p where erased_at is null
       and not exists (select 1 from registration r where r.person_id = p.id and r.workshop_id = ?)
       and not exists (select 1 from attendance a join workshop_session s on s.id = a.session_id where a.person_id = p.id and s.workshop_id = ?)
       order by id limit 1`,
      workshop,
      workshop,
    );
    const fields = { status: "present", minutes: "", reason: "Prueba" };
    const before = server.query("select count(*) as n from audit_log");
    const cases: Array<[string, string, number]> = [
      // A facilitator of another workshop: refused by the workshop guard, like every page of it.
      ["facilitator", `/staff/workshops/${other.workshop}/sessions/${other.session}/correct/${other.person}`, 403],
      // Their own workshop, but someone it never saw, or a session of another workshop: not found.
      ["facilitator", `/staff/workshops/${workshop}/sessions/${session}/correct/${stranger.id}`, 404],
      ["facilitator", `/staff/workshops/${workshop}/sessions/${other.session}/correct/${person}`, 404],
      ["facilitator", `/staff/workshops/${workshop}/sessions/${session}/correct/987654321`, 404],
      ["member", `/staff/workshops/${workshop}/sessions/${session}/correct/${person}`, 403],
    ];
    for (const [role, path, status] of cases) {
      expect((await get(path, role)).status, `GET ${path} as ${role}`).toBe(status);
      expect((await post(path, role, fields)).status, `POST ${path} as ${role}`).toBe(status);
    }
    expect(server.query("select count(*) as n from audit_log")).toEqual(before);
    // A manager may correct any workshop's attendance.
    const page = await get(
      `/staff/workshops/${other.workshop}/sessions/${other.session}/correct/${other.person}`,
      "manager",
    );
    expect(page.status).toBe(200);
  });
});
