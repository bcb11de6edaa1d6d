import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTENDANCE_FIXTURES, resavedByExcel } from "../support/attendance-fixtures";
import { accessibilityViolations, logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Issue #16's whole path in a phone browser without JavaScript: import, review, save; a re-saved
 * copy of the same report changes nothing; undo; import again (the earlier decisions come back);
 * a correction by hand, which a later copy of the report leaves alone.
 */
let server: TestServer;
let browser: TestBrowser;
let base = "";
let sessionId = 0;
const ZOOM = "zoom-meeting-participants.csv";

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

beforeAll(async () => {
  server = await startTestServer();
  const [workshop] = query<{ id: number }>(
    "select id from workshop where title = 'Costos de producción para su cooperativa'",
  );
  base = `${server.url}/staff/workshops/${workshop.id}`;
  [{ id: sessionId }] = query<{ id: number }>(
    "select id from workshop_session where workshop_id = ? order by starts_at limit 1",
    workshop.id,
  );
  browser = await openBrowser({ javaScriptEnabled: false });
  browser.page.setDefaultTimeout(20_000);
  await logInThroughForm(browser.page, server.url + "/login", "facilitadora@minka.test", server.url + "/");
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server.stop();
});

const attendanceRows = () =>
  query<{ person: string; status: string | null; minutes: number | null; corrected: string | null }>(
    `select p.full_name as person, a.status, a.minutes_online as minutes, a.corrected_status as corrected
     from attendance a join person p on p.id = a.person_id where a.session_id = ? order by p.full_name, p.id`,
    sessionId,
  );

async function expectNoViolations(page: Page) {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto(`${base}/sessions/${sessionId}/import`);
  await page.getByLabel("Archivo del informe").setInputFiles(file);
  await page.getByRole("button", { name: "Revisar el informe" }).click();
}

/** Answers the review the way a careful facilitator would, then saves. */
async function reviewAndSave(page: Page) {
  await page.getByRole("heading", { name: "Revisar el informe antes de guardar" }).waitFor();
  await page
    .getByRole("group", { name: "¿Quién es Juana Flores?" })
    .getByLabel(/Es Juana Flores · con inscripción · Cooperativa Cafetalera Sur/)
    .check();
  // Nobody is preselected as new: every row still without a choice is left out on purpose.
  const undecided = page.locator("fieldset:has(input[type=radio]):not(:has(input:checked))");
  for (let i = await undecided.count(); i > 0; i--)
    await undecided
      .first()
      .getByLabel(/No contar/)
      .check();
  await page.getByRole("button", { name: "Guardar asistencia", exact: true }).click();
  await page.getByRole("heading", { name: /^Asistencia: Costos de producción/ }).waitFor();
}

describe("attendance a facilitator can trust, without JavaScript", () => {
  it("imports, recognises a re-saved copy, undoes, imports again and takes a correction by hand", async () => {
    const { page } = browser;
    const before = attendanceRows();

    await upload(page, `${ATTENDANCE_FIXTURES}/${ZOOM}`);
    await expectNoViolations(page);
    await reviewAndSave(page);
    const imported = attendanceRows();
    expect(imported).toEqual(
      expect.arrayContaining([
        { person: "Rosa Quispe Mamani", status: null, minutes: 88, corrected: null },
        { person: "Juana Flores", status: null, minutes: 79, corrected: null },
      ]),
    );

    // The same meeting saved again by Excel: other bytes, same participants. Nothing changes.
    const importsBefore = query("select id, undone_at from attendance_import order by id");
    await upload(page, {
      name: "participantes (2).csv",
      mimeType: "text/csv",
      buffer: Buffer.from(resavedByExcel(ZOOM)),
    });
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/ya se importó para esta sesión .* No se cambió nada\./);
    expect(attendanceRows()).toEqual(imported);
    expect(query("select id, undone_at from attendance_import order by id")).toEqual(importsBefore);

    // Undo: a confirmation page, then the session is as it was before the import.
    await page.goto(`${base}/sessions/${sessionId}/import`);
    await page.getByRole("link", { name: /^Deshacer la importación de/ }).click();
    await page.getByRole("heading", { name: "Deshacer una importación" }).waitFor();
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Deshacer la importación" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/^Se deshizo la importación\./);
    expect(attendanceRows()).toEqual(before);
    expect(query("select count(*) as n from audit_log where action = 'attendance.import.undo'")).toEqual([{ n: 1 }]);

    // The undone file may come in again, to a new review: an undone import's decisions are not reused.
    await upload(page, `${ATTENDANCE_FIXTURES}/${ZOOM}`);
    await reviewAndSave(page);
    expect(attendanceRows()).toEqual(imported);

    // Rosa was online 88 minutes but did not take part: the facilitator marks her absent, with a reason.
    await page
      .getByRole("link", { name: /^Corregir la asistencia de Rosa Quispe Mamani/ })
      .first()
      .click();
    expect(page.url()).toContain(`/sessions/${sessionId}/correct/`);
    await page.getByLabel(/^Ausente/).check();
    await page.getByLabel("Motivo de la corrección").fill("Dejó la sesión abierta y no participó");
    await page.getByRole("button", { name: "Guardar la corrección" }).click();
    await page.getByText("Corrección guardada. Los conteos ya la tienen en cuenta.").waitFor();
    await expectNoViolations(page);
    const corrected = attendanceRows().find((row) => row.person === "Rosa Quispe Mamani");
    expect(corrected).toEqual({ person: "Rosa Quispe Mamani", status: null, minutes: 88, corrected: "absent" });
    expect(query("select count(*) as n from audit_log where action = 'attendance.corrected'")).toEqual([{ n: 1 }]);

    // Another copy of the report later changes nothing, and the correction stays.
    await upload(page, {
      name: "participantes (3).csv",
      mimeType: "text/csv",
      buffer: Buffer.from(resavedByExcel(ZOOM)),
    });
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/No se cambió nada\./);
    expect(attendanceRows().find((row) => row.person === "Rosa Quispe Mamani")?.corrected).toBe("absent");
    // About twenty page loads in a browser: generous on a loaded 2-core CI machine.
  }, 180_000);
});
