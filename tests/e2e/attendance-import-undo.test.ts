import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes, resavedByExcel } from "../support/attendance-fixtures";
import { logIn } from "../support/log-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Same meeting, same import; any import undone (docs/decisions/022). Over real HTTP against the
 * production build, with plain form posts (no JavaScript), as the demo facilitator.
 */
let server: TestServer;
const cookies: Record<string, string> = {};
const ids = {} as { workshop: number; session: number; otherWorkshop: number; otherSession: number };
const ZOOM = "zoom-meeting-participants.csv";
/** The session's attendance before the import, to compare after the undo. */
let attendanceBefore: Record<string, unknown>[] = [];

const importPath = () => `/staff/workshops/${ids.workshop}/sessions/${ids.session}/import`;

async function post(path: string, body: Record<string, string> | FormData, as = "facilitator") {
  const response = await fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookies[as] },
    body: body instanceof FormData ? body : new URLSearchParams(body),
  });
  return { status: response.status, location: response.headers.get("Location") ?? "" };
}

async function get(path: string, as = "facilitator") {
  const response = await fetch(server.url + path, { redirect: "manual", headers: { Cookie: cookies[as] } });
  return { status: response.status, text: await response.text() };
}

function upload(bytes: Uint8Array<ArrayBuffer>, fileName: string) {
  const form = new FormData();
  form.set("file", new Blob([bytes], { type: "text/csv" }), fileName);
  return post(importPath(), form);
}

const attendance = () =>
  server.query<Record<string, unknown>>(
    "select person_id, status, minutes_online, source, import_id, recorded_by, recorded_at from attendance where session_id = ? order by person_id",
    ids.session,
  );
const counts = () =>
  Object.fromEntries(
    ["person", "attendance", "attendance_import", "attendance_import_change", "attendance_upload", "audit_log"].map(
      (t) => [t, server.query<{ n: number }>(`select count(*) as n from ${t}`)[0].n],
    ),
  );

beforeAll(async () => {
  server = await startTestServer();
  const [costs] = server.query<{ id: number }>(
    "select id from workshop where title = 'Costos de producción para su cooperativa'",
  );
  const [session] = server.query<{ id: number }>(
    "select id from workshop_session where workshop_id = ? order by starts_at limit 1",
    costs.id,
  );
  const [other] = server.query<{ workshop: number; session: number }>(
    `select w.id as workshop, s.id as session from workshop w join workshop_session s on s.workshop_id = w.id
     where not exists (select 1 from workshop_facilitator f join account a on a.id = f.account_id
                       where f.workshop_id = w.id and a.email = 'facilitadora@minka.test')
     order by w.id limit 1`,
  );
  Object.assign(ids, {
    workshop: costs.id,
    session: session.id,
    otherWorkshop: other.workshop,
    otherSession: other.session,
  });
  cookies.facilitator = await logIn(server, "facilitadora@minka.test");
  cookies.member = await logIn(server, "socia@minka.test");
}, 120_000);
afterAll(() => server.stop());

describe("importing a report, its re-saved copy, and undoing the import", () => {
  let undoPath = "";

  it("imports the report and answers a re-saved copy 'already imported', changing nothing", async () => {
    const before = attendance();
    const received = await upload(new Uint8Array(fixtureBytes(ZOOM)), "participants.csv");
    expect(received.status).toBe(302);
    const uploadId = /upload=(\d+)/.exec(received.location)?.[1];
    const review = await get(`${importPath()}?upload=${uploadId}`);
    // Confirm the choices the review starts with; the rows with two namesakes are left out.
    const fields: Record<string, string> = { intent: "confirm", uploadId: uploadId!, country: "", region: "" };
    for (const [, key] of review.text.matchAll(/name="d-([^"]+)"/g)) fields[`d-${key}`] ??= "ignore";
    for (const tag of review.text.match(/<input[^>]*type="radio"[^>]*>/g) ?? []) {
      const name = /name="(d-[^"]+)"/.exec(tag)?.[1];
      const value = /value="([^"]+)"/.exec(tag)?.[1];
      if (name && value && /\schecked=""/.test(tag)) fields[name] = value;
    }
    const confirmed = await post(importPath(), fields);
    expect(confirmed.status, confirmed.location).toBe(302);
    expect(confirmed.location).toContain("/attendance?imported=");
    const imported = attendance();
    expect(imported.length).toBeGreaterThan(before.length);

    const written = counts();
    const again = await upload(resavedByExcel(ZOOM), "participantes (copia).csv");
    expect(again.status).toBe(302);
    expect(again.location).toContain("already=");
    const page = await get(again.location);
    expect(page.text).toContain("Este informe ya se importó para esta sesión el");
    expect(page.text).toContain("(archivo participants.csv)");
    expect(counts()).toEqual(written);
    expect(attendance()).toEqual(imported);

    const list = await get(importPath());
    undoPath = /href="([^"]*\/imports\/\d+\/undo)"/.exec(list.text)?.[1] ?? "";
    expect(undoPath).not.toBe("");
    attendanceBefore = before;
  });

  it("keeps other workshops' staff and members out of the undo, writing nothing", async () => {
    const written = counts();
    const importId = /imports\/(\d+)\/undo/.exec(undoPath)![1];
    const db = new SQLite(server.databaseFile);
    const foreign = db
      .prepare(
        "insert into attendance_import (session_id, file_hash, file_name, format, rows_total, rows_matched, rows_ignored, imported_at, participants_hash) values (?, 'x', 'otro.csv', 'zoom-meeting', 0, 0, 0, ?, 'y') returning id",
      )
      .get(ids.otherSession, new Date().toISOString()) as { id: number };
    db.close();
    const before = counts();
    expect(before.attendance_import).toBe(written.attendance_import + 1);
    // Another facilitator's workshop: refused by the workshop guard, like the import page itself.
    expect(
      (await post(`/staff/workshops/${ids.otherWorkshop}/sessions/${ids.otherSession}/imports/${foreign.id}/undo`, {}))
        .status,
    ).toBe(403);
    // Their import under this workshop's address, or this import under another session: not found.
    expect(
      (await post(`/staff/workshops/${ids.workshop}/sessions/${ids.session}/imports/${foreign.id}/undo`, {})).status,
    ).toBe(404);
    expect(
      (await get(`/staff/workshops/${ids.workshop}/sessions/${ids.session}/imports/${foreign.id}/undo`)).status,
    ).toBe(404);
    // A member.
    expect((await post(undoPath, {}, "member")).status).toBe(403);
    expect((await get(undoPath, "member")).status).toBe(403);
    expect(counts()).toEqual(before);
    expect(importId).toMatch(/^\d+$/);
  });

  it("undoes the import after a confirmation page: attendance as before, audited, and the file may be imported again", async () => {
    const before = attendanceBefore;
    const confirmation = await get(undoPath);
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain("no se borran");
    expect(confirmation.text).toMatch(/<form method="post"/);

    const undone = await post(undoPath, {});
    expect(undone.status).toBe(302);
    expect(undone.location).toMatch(/\/import\?undone=\d+\.\d+\.\d+$/);
    const page = await get(undone.location);
    expect(page.text).toContain("Se deshizo la importación.");
    expect(page.text).toContain("deshecha el");
    expect(attendance()).toEqual(before);
    const importId = Number(/imports\/(\d+)\/undo/.exec(undoPath)![1]);
    const [record] = server.query<{ undone_at: string | null }>(
      "select undone_at from attendance_import where id = ?",
      importId,
    );
    expect(record.undone_at).not.toBeNull();
    const audit = server.query<{ details: string }>(
      "select details from audit_log where action = 'attendance.import.undo' and subject_id = ?",
      ids.session,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ importId, kept: 0, restored: 0 });

    // A second undo changes nothing.
    const written = counts();
    const twice = await post(undoPath, {});
    expect(twice.location).toContain("alreadyUndone=1");
    expect(counts()).toEqual(written);

    // Re-importing the same file (and its re-saved copy) is allowed again.
    const again = await upload(resavedByExcel(ZOOM), "participantes (copia).csv");
    expect(again.status).toBe(302);
    expect(again.location).toMatch(/upload=\d+/);
  });
});
