import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeCostsWorkshop } from "../../db/factories/attendance";
import { makeCourse } from "../../db/factories/learning";
import { action as enrolmentImportAction } from "../../app/routes/staff.enrolments.import";
import { action as attendanceImportAction } from "../../app/routes/staff.workshops.$id_.sessions.$sessionId.import";
import { translatorFor } from "../../app/i18n/translator.server";
import type { Translate } from "../../app/i18n/translate";
import { getDb } from "../../app/utils/db.server";
import { fixtureBytes } from "../support/attendance-fixtures";
import { sessionCookie, unwrap } from "../support/requests";

// Keys built from a refusal's problem code: any string.
const es = translatorFor("es") as Translate;
const en = translatorFor("en") as Translate;

/** Real files of the kinds people upload by mistake, made by the same libraries Office-like tools use. */
async function xlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Lista");
  sheet.addRow(["nombre", "correo", "curso"]);
  sheet.addRow(["Ana Quispe", "ana@example.org", "finanzas"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function pdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage().drawText("Asistencia");
  return document.save();
}

/** Every table an upload could write to, row for row. */
async function snapshot() {
  const db = await getDb();
  const tables = [
    "person",
    "enrolment",
    "registration",
    "attendance",
    "attendance_import",
    "attendance_upload",
    "audit_log",
  ] as const;
  const result: Record<string, unknown[]> = {};
  for (const table of tables) result[table] = await db.selectFrom(table).selectAll().orderBy("id").execute();
  return result;
}

function multipart(
  path: string,
  fields: Record<string, string>,
  bytes: Uint8Array,
  fileName: string,
  cookie: string,
): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type: "text/csv" }));
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

describe("uploads that are not text are refused before parsing, with a message naming the file's kind", () => {
  it("attendance report: an Excel workbook, a PDF and a photo", async () => {
    const facilitator = await makeAccount({ role: "facilitator" });
    const cookie = await sessionCookie(facilitator.accountId);
    const workshop = await makeCostsWorkshop({ facilitatorIds: [facilitator.accountId] });
    const params = { id: String(workshop.id), sessionId: String(workshop.sessions[0].id) };
    const path = `/staff/workshops/${params.id}/sessions/${params.sessionId}/import`;
    const upload = async (bytes: Uint8Array, fileName: string) =>
      unwrap<{ step: string; error: { key: string } }>(
        await attendanceImportAction({ request: multipart(path, {}, bytes, fileName, cookie), params, context: {} }),
      );

    const before = await snapshot();
    const workbook = await upload(await xlsx(), "asistencia.xlsx");
    expect(workbook).toEqual({
      status: 415,
      data: { step: "upload", error: { key: "attendance.import.errors.notText.office" } },
    });
    expect(es(workbook.data.error.key)).toMatch(/^Este archivo es un libro de Excel.*Guardar como › CSV UTF-8/);
    expect(en(workbook.data.error.key)).toMatch(/^This file is an Excel workbook.*CSV UTF-8/);

    const report = await upload(await pdf(), "asistencia.pdf");
    expect(report.data.error.key).toBe("attendance.import.errors.notText.pdf");
    expect(es(report.data.error.key)).toMatch(/^Este archivo es un PDF.*Zoom o Teams en formato CSV/);

    const photo = await upload(
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
      "hoja.jpg",
    );
    expect(photo.data.error.key).toBe("attendance.import.errors.notText.image");
    expect(await snapshot()).toEqual(before);

    // Teams' UTF-16 report (NUL bytes and all) still goes to review.
    const teams = (await attendanceImportAction({
      request: multipart(path, {}, fixtureBytes("teams-attendance-es.csv"), "teams.csv", cookie),
      params,
      context: {},
    })) as Response;
    expect(teams.headers.get("Location")).toMatch(/\?upload=\d+$/);
  });

  it("enrolment CSV: an Excel workbook and a PDF", async () => {
    await makeCourse(await getDb(), { slug: "finanzas" });
    const staff = await makeAccount({ role: "facilitator" });
    const cookie = await sessionCookie(staff.accountId);
    const upload = async (bytes: Uint8Array, fileName: string) =>
      unwrap<{ step: string; problem: string }>(
        await enrolmentImportAction({
          request: multipart("/staff/enrolments/import", { intent: "preview" }, bytes, fileName, cookie),
          params: {},
          context: {},
        }),
      );

    const before = await snapshot();
    const workbook = await upload(await xlsx(), "lista.xlsx");
    expect(workbook).toEqual({ status: 415, data: { step: "refused", problem: "notText.office" } });
    expect(es(`learning.import.fileProblems.${workbook.data.problem}`)).toMatch(
      /^Este archivo es un libro de Excel.*Guardar como › CSV UTF-8/,
    );
    expect(en(`learning.import.fileProblems.${workbook.data.problem}`)).toMatch(
      /^This file is an Excel workbook.*CSV UTF-8/,
    );

    const list = await upload(await pdf(), "lista.pdf");
    expect(list).toEqual({ status: 415, data: { step: "refused", problem: "notText.pdf" } });
    expect(es(`learning.import.fileProblems.${list.data.problem}`)).toMatch(/^Este archivo es un PDF.*CSV UTF-8/);
    const nul = await upload(
      new TextEncoder().encode("nombre,correo,curso\nAna\0,ana@example.org,finanzas\n"),
      "lista.csv",
    );
    expect(nul.data.problem).toBe("notText.binary");
    expect(await snapshot()).toEqual(before);

    const text = await upload(
      new TextEncoder().encode("nombre,correo,curso\nAna Quispe,ana@example.org,finanzas\n"),
      "lista.csv",
    );
    expect(text).toMatchObject({ status: 200, data: { step: "preview" } });
  });
});
