import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeCourse } from "../../db/factories/learning";
import { makePerson } from "../../db/factories/workshops";
import { action as importAction } from "../../app/routes/staff.enrolments.import";
import { getDb } from "../../app/utils/db.server";
import { formRequest, sessionCookie, settle, unwrap } from "../support/requests";

const ctx = { params: {}, context: {} };

async function staffCookie(role: "member" | "facilitator" | "manager" | "admin" = "facilitator") {
  const account = await makeAccount({ role });
  return { accountId: account.accountId, cookie: await sessionCookie(account.accountId) };
}

function upload(bytes: Uint8Array | string, cookie: string): Request {
  const form = new FormData();
  form.set("intent", "preview");
  form.set(
    "file",
    new Blob([typeof bytes === "string" ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)], {
      type: "text/csv",
    }),
    "lista.csv",
  );
  return new Request("http://localhost/staff/enrolments/import", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
}

const commit = (uploadId: number | string, cookie: string, consent = true) =>
  formRequest(
    "/staff/enrolments/import",
    { intent: "commit", uploadId: String(uploadId), ...(consent ? { consent: "on" } : {}) },
    cookie,
  );

async function pendingUploads() {
  return (await getDb()).selectFrom("enrolment_upload").select(["id", "uploaded_by"]).orderBy("id").execute();
}

async function counts() {
  const db = await getDb();
  const one = async (table: "person" | "enrolment" | "audit_log") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { people: await one("person"), enrolments: await one("enrolment"), audit: await one("audit_log") };
}

type Result = {
  step: string;
  problem?: string;
  preview?: {
    rows: Array<{
      line: number;
      problems: string[];
      fullName: string;
      existingPerson: unknown;
      alreadyEnrolled: boolean;
    }>;
    problemCount: number;
  };
  uploadId?: number | null;
  enrolled?: number;
  created?: number;
  already?: number;
};
const run = async (request: Request) => unwrap<Result>(await importAction({ request, ...ctx }));

describe("CSV enrolment import", () => {
  it("previews, then commits every row in one go with method 'import' and the staff member as enrolled_by", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { slug: "finanzas-basicas" });
    const staff = await staffCookie();
    const known = await makeAccount({ fullName: "Rosa Quispe", email: "rosa@example.org" });
    const csv =
      "nombre,correo,celular,curso\nRosa Quispe,ROSA@example.org,,finanzas-basicas\nJuana Mamani,,987 111 222,finanzas-basicas\n";

    const before = await counts();
    const preview = await run(upload(csv, staff.cookie));
    expect(preview.status).toBe(200);
    expect(preview.data.preview?.problemCount).toBe(0);
    expect(preview.data.preview?.rows.map((r) => r.existingPerson)).toEqual([
      { id: known.personId, fullName: "Rosa Quispe" },
      null,
    ]);
    expect(await counts()).toEqual(before);

    // The list waits server-side, for this staff member, until it is confirmed.
    expect(await pendingUploads()).toEqual([{ id: preview.data.uploadId, uploaded_by: staff.accountId }]);

    const done = await run(commit(preview.data.uploadId!, staff.cookie));
    expect(done.data).toEqual({ step: "done", enrolled: 2, created: 1, already: 0 });
    expect(await pendingUploads()).toEqual([]);
    const enrolments = await db
      .selectFrom("enrolment")
      .select(["person_id", "method", "enrolled_by"])
      .where("course_id", "=", course.id)
      .orderBy("person_id")
      .execute();
    expect(enrolments).toHaveLength(2);
    expect(enrolments.every((e) => e.method === "import" && e.enrolled_by === staff.accountId)).toBe(true);
    const juana = await db
      .selectFrom("person")
      .selectAll()
      .where("phone", "=", "+51987111222")
      .executeTakeFirstOrThrow();
    expect(juana).toMatchObject({
      full_name: "Juana Mamani",
      consent_method: "staff",
      consent_recorded_by: staff.accountId,
    });
    // Every person created is audit-logged by the person-matching service (docs/decisions/012).
    const created = await db
      .selectFrom("audit_log")
      .select(["actor_account_id", "subject_id", "details"])
      .where("action", "=", "person.create.import")
      .execute();
    expect(created.map((a) => ({ ...a, details: JSON.parse(a.details) }))).toEqual([
      { actor_account_id: staff.accountId, subject_id: juana.id, details: { courseId: course.id } },
    ]);

    // A confirmed list is gone: confirming it twice writes nothing.
    const twice = await counts();
    expect((await run(commit(preview.data.uploadId!, staff.cookie))).data).toEqual({
      step: "refused",
      problem: "gone",
    });
    expect(await counts()).toEqual(twice);

    // The same file again changes nothing.
    const secondPreview = await run(upload(csv, staff.cookie));
    const again = await run(commit(secondPreview.data.uploadId!, staff.cookie));
    expect(again.data).toEqual({ step: "done", enrolled: 0, created: 0, already: 2 });
  });

  it("reads a Windows-1252 file from Excel with its accents", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "cooperativa-1252" });
    const staff = await staffCookie();
    const bytes = iconv.encode(
      "Nombre;Correo;Curso\r\nMaría Ñahui Peña;maria@example.org;cooperativa-1252\r\n",
      "win1252",
    );
    expect(bytes.includes(0xf1)).toBe(true);
    const preview = await run(upload(bytes, staff.cookie));
    expect(preview.data.preview?.rows[0]).toMatchObject({ fullName: "María Ñahui Peña", problems: [] });
    const done = await run(commit(preview.data.uploadId!, staff.cookie));
    expect(done.data.step).toBe("done");
    expect(
      await db
        .selectFrom("person")
        .select("full_name")
        .where("email", "=", "maria@example.org")
        .executeTakeFirstOrThrow(),
    ).toEqual({
      full_name: "María Ñahui Peña",
    });
  });

  it("shows each bad row's problem, keeps nothing to confirm and writes nothing", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "curso-bueno" });
    const staff = await staffCookie();
    const csv = [
      "nombre,correo,celular,curso",
      "Ana Flores,ana@example.org,,curso-bueno",
      "Berta Cruz,berta@example.org,,curso-que-no-existe",
      "Ana Flores,ana@example.org,,curso-bueno",
      "Carla Ríos,,12-34,curso-bueno",
    ].join("\n");
    const before = await counts();
    const preview = await run(upload(csv, staff.cookie));
    expect(preview.status).toBe(400);
    expect(preview.data.preview?.rows.map((r) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, ["unknownCourse"]],
      [4, ["duplicateRow"]],
      [5, ["badPhone"]],
    ]);
    expect(preview.data.preview?.problemCount).toBe(3);
    expect(preview.data.uploadId).toBeNull();
    expect(await pendingUploads()).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("never gives a row to someone with another name because of a contact: the row must be corrected", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "curso-contacto" });
    await makePerson({ fullName: "Elena Choque", phone: "+51987000111" });
    const staff = await staffCookie();
    const csv = ["nombre,correo,celular,curso", "Rosa Mamani,,987000111,curso-contacto"].join("\n");
    const before = await counts();
    const preview = await run(upload(csv, staff.cookie));
    expect(preview.status).toBe(400);
    expect(preview.data.preview?.rows.map((r) => [r.line, r.problems])).toEqual([[2, ["contactOfOther"]]]);
    expect(preview.data.uploadId).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("refuses a forged commit of someone else's, an unknown or a day-old list and writes nothing", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "curso-ajeno" });
    const owner = await staffCookie();
    const other = await staffCookie("admin");
    const preview = await run(
      upload("nombre,correo,curso\nElena Vargas,elena@example.org,curso-ajeno\n", owner.cookie),
    );
    const uploadId = preview.data.uploadId!;
    expect(uploadId).toBeGreaterThan(0);
    const before = await counts();

    for (const forged of [
      commit(uploadId, other.cookie),
      commit(uploadId + 1000, owner.cookie),
      commit("abc", owner.cookie),
      commit(uploadId, other.cookie, false),
    ]) {
      const refused = await run(forged);
      expect(refused).toMatchObject({ status: 400, data: { step: "refused", problem: "gone" } });
    }
    expect(await counts()).toEqual(before);
    // Another's forged attempt leaves the owner's list waiting.
    expect(await pendingUploads()).toEqual([{ id: uploadId, uploaded_by: owner.accountId }]);

    // Unconfirmed for more than a day, it is gone too.
    await db
      .updateTable("enrolment_upload")
      .set({ created_at: new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString() })
      .where("id", "=", uploadId)
      .execute();
    expect((await run(commit(uploadId, owner.cookie))).data).toEqual({ step: "refused", problem: "gone" });
    expect(await counts()).toEqual(before);
    // …and the next upload drops it.
    const next = await run(upload("nombre,correo,curso\nElena Vargas,elena@example.org,curso-ajeno\n", owner.cookie));
    expect(await pendingUploads()).toEqual([{ id: next.data.uploadId, uploaded_by: owner.accountId }]);
  });

  it("refuses an empty file, a file without the columns, no file and a commit without consent", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "curso-vacio" });
    const staff = await staffCookie();
    const before = await counts();
    expect((await run(upload("", staff.cookie))).data).toEqual({ step: "refused", problem: "empty" });
    expect((await run(upload("\uFEFFnombre,correo,curso\r\n", staff.cookie))).data).toEqual({
      step: "refused",
      problem: "empty",
    });
    expect((await run(upload("a,b\n1,2\n", staff.cookie))).data).toEqual({
      step: "refused",
      problem: "missingColumns",
    });
    expect((await run(formRequest("/staff/enrolments/import", { intent: "preview" }, staff.cookie))).data).toEqual({
      step: "refused",
      problem: "noFile",
    });
    const preview = await run(upload("nombre,correo,curso\nAna,ana2@example.org,curso-vacio\n", staff.cookie));
    const noConsent = await run(commit(preview.data.uploadId!, staff.cookie, false));
    expect(noConsent).toMatchObject({
      status: 400,
      data: { step: "preview", problem: "consentRequired", uploadId: preview.data.uploadId },
    });
    expect(await counts()).toEqual(before);
  });

  it("is refused to members and anonymous people", async () => {
    const db = await getDb();
    await makeCourse(db, { slug: "curso-privado" });
    const member = await staffCookie("member");
    const staff = await staffCookie();
    const { uploadId } = (await run(upload("nombre,correo,curso\nAna,ana3@example.org,curso-privado\n", staff.cookie)))
      .data;
    expect(
      ((await settle(() => importAction({ request: commit(uploadId!, member.cookie), ...ctx }))) as Response).status,
    ).toBe(403);
    expect(((await settle(() => importAction({ request: commit(uploadId!, ""), ...ctx }))) as Response).status).toBe(
      302,
    );
    expect(await db.selectFrom("person").select("id").where("email", "=", "ana3@example.org").execute()).toEqual([]);
  });
});
