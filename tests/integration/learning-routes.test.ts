import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../db/schema";
import { makeAccount } from "../../db/factories";
import { makeCourse } from "../../db/factories/learning";
import { action as completeAction } from "../../app/routes/learning.complete";
import { action as enrolAction } from "../../app/routes/learning.enrol";
import { action as leaveAction } from "../../app/routes/learning.leave";
import { loader as myLearningLoader } from "../../app/routes/me.learning";
import { loader as certificateLoader } from "../../app/routes/certificates.$code";
import { loader as pdfLoader } from "../../app/routes/certificates.$code_.pdf";
import { loader as staffCoursesLoader } from "../../app/routes/staff.courses._index";
import { loader as staffCourseLoader } from "../../app/routes/staff.courses.$course";
import { loader as exportLoader } from "../../app/routes/staff.courses.$course_.export";
import { action as enrolOneAction, loader as enrolOneLoader } from "../../app/routes/staff.courses.$course_.enrol";
import { loader as importLoader } from "../../app/routes/staff.enrolments.import";
import { getDb } from "../../app/utils/db.server";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

const ctx = { context: {} };

async function userWith(role: Role, fullName = "Persona de Prueba") {
  const account = await makeAccount({ role, fullName });
  return { ...account, cookie: await sessionCookie(account.accountId) };
}

async function finishCourse(cookie: string, course: Awaited<ReturnType<typeof makeCourse>>) {
  for (const lesson of course.lessons) {
    await completeAction({
      request: formRequest(
        "/learning/complete",
        { course: course.slug, lesson: lesson.slug, redirectTo: "/x" },
        cookie,
      ),
      params: {},
      ...ctx,
    });
  }
  const db = await getDb();
  return db
    .selectFrom("certificate")
    .innerJoin("account", "account.person_id", "certificate.person_id")
    .select("code")
    .where("course_id", "=", course.id)
    .executeTakeFirstOrThrow();
}

describe("member actions", () => {
  it("enrols, completes lessons and leaves through plain forms, always as the signed-in person", async () => {
    const db = await getDb();
    const course = await makeCourse(db);
    const me = await userWith("member");
    const victim = await userWith("member");

    const enrolled = await enrolAction({
      request: formRequest(
        "/learning/enrol",
        { course: course.slug, redirectTo: `/courses/${course.slug}`, personId: String(victim.personId) },
        me.cookie,
      ),
      params: {},
      ...ctx,
    });
    expect((enrolled as Response).headers.get("Location")).toBe(`/courses/${course.slug}`);

    // A forged person id is ignored: the completion belongs to the session's person.
    const fields = {
      course: course.slug,
      lesson: course.lessons[0].slug,
      redirectTo: `/courses/${course.slug}/${course.lessons[0].slug}`,
    };
    const done = await completeAction({
      request: formRequest(
        "/learning/complete",
        { ...fields, personId: String(victim.personId), person_id: String(victim.personId) },
        me.cookie,
      ),
      params: {},
      ...ctx,
    });
    expect((done as Response).status).toBe(302);
    // Double submit: harmless.
    await completeAction({ request: formRequest("/learning/complete", fields, me.cookie), params: {}, ...ctx });
    const rows = await db
      .selectFrom("lesson_completion")
      .select(["person_id"])
      .where("lesson_id", "=", course.lessons[0].id)
      .execute();
    expect(rows).toEqual([{ person_id: me.personId }]);
    expect(await db.selectFrom("enrolment").select("person_id").where("course_id", "=", course.id).execute()).toEqual([
      { person_id: me.personId },
    ]);

    const mine = unwrap<{ courses: Array<{ slug: string; progress: { percent: number } }> }>(
      await myLearningLoader({ request: getRequest("/me/learning", me.cookie), params: {}, ...ctx }),
    );
    expect(mine.data.courses).toMatchObject([{ slug: course.slug, progress: { percent: 33 } }]);

    await leaveAction({
      request: formRequest("/learning/leave", { course: course.slug }, me.cookie),
      params: {},
      ...ctx,
    });
    expect(
      (
        await db
          .selectFrom("enrolment")
          .select("left_at")
          .where("person_id", "=", me.personId)
          .executeTakeFirstOrThrow()
      ).left_at,
    ).not.toBeNull();
  });

  it("answers fetchers with data (no redirect) and refuses bad claims and unknown lessons with a reason", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{ kind: "video" }, { archived: true }] });
    const me = await userWith("member");
    const call = async (fields: Record<string, string>) =>
      unwrap<{ ok: boolean; reason?: string; courseCompleted?: boolean }>(
        await completeAction({ request: formRequest("/learning/complete", fields, me.cookie), params: {}, ...ctx }),
      );
    expect(
      await call({ course: course.slug, lesson: course.lessons[0].slug, method: "video", watched: "0.4" }),
    ).toEqual({
      status: 400,
      data: { ok: false, reason: "notEnoughWatched", texts: expect.any(Object) },
    });
    expect(await call({ course: course.slug, lesson: "no-such-lesson" })).toEqual({
      status: 404,
      data: { ok: false, reason: "unknownLesson", texts: expect.any(Object) },
    });
    expect(await call({ course: course.slug, lesson: course.lessons[1].slug })).toEqual({
      status: 410,
      data: { ok: false, reason: "archivedLesson", texts: expect.any(Object) },
    });
    const ok = await call({ course: course.slug, lesson: course.lessons[0].slug, method: "video", watched: "0.95" });
    expect(ok).toMatchObject({ status: 200, data: { ok: true, courseCompleted: true } });
  });

  it("sends anonymous people to the login page and back to the lesson", async () => {
    const db = await getDb();
    const course = await makeCourse(db);
    const back = `/courses/${course.slug}/${course.lessons[0].slug}`;
    const result = await settle(() =>
      completeAction({
        request: formRequest("/learning/complete", {
          course: course.slug,
          lesson: course.lessons[0].slug,
          redirectTo: back,
        }),
        params: {},
        ...ctx,
      }),
    );
    expect((result as Response).headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: back })}`);
    const enrol = await settle(() =>
      enrolAction({ request: formRequest("/learning/enrol", { course: course.slug }), params: {}, ...ctx }),
    );
    expect((enrol as Response).headers.get("Location")).toContain("/login?redirectTo=");
    expect(await db.selectFrom("enrolment").select("id").where("course_id", "=", course.id).execute()).toEqual([]);
  });
});

describe("certificates", () => {
  it("verifies publicly with name, course, date and hours only; unknown codes get a clear 404", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { title: "Introducción a la cooperativa" });
    const owner = await userWith("member", "Íñigo Año Muñoz");
    const { code } = await finishCourse(owner.cookie, course);

    const page = unwrap<Record<string, unknown>>(
      await certificateLoader({ request: getRequest(`/certificates/${code}`), params: { code }, ...ctx }),
    );
    expect(page.data).toEqual({
      found: true,
      code,
      fullName: "Íñigo Año Muñoz",
      courseTitle: "Introducción a la cooperativa",
      completedAt: expect.any(String),
      hours: 1.5,
      mayDownload: false,
      // «Compartir por WhatsApp»: the course and the public address, never the holder's name.
      share: expect.stringMatching(/^https:\/\/wa\.me\/\?text=/),
      // The page's own labels (docs/decisions/024); nothing else about the person.
      texts: expect.any(Object),
    });
    expect(decodeURIComponent(String(page.data.share))).toContain(`/certificates/${code}`);
    const lower = unwrap<{ found: boolean }>(
      await certificateLoader({ request: getRequest("/x"), params: { code: code.toLowerCase() }, ...ctx }),
    );
    expect(lower.data.found).toBe(true);
    for (const bad of ["MK-0000-0000-0000-0000", "nonsense", ""]) {
      const missing = unwrap<{ found: boolean }>(
        await certificateLoader({ request: getRequest("/x"), params: { code: bad }, ...ctx }),
      );
      expect(missing).toEqual({ status: 404, data: { found: false, code: bad, texts: expect.any(Object) } });
    }
  });

  it("lets the owner and staff download the PDF, not another member or anonymous people", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { title: "Introducción al Año" });
    const owner = await userWith("member", "Rosa Año Peña");
    const other = await userWith("member");
    const { code } = await finishCourse(owner.cookie, course);
    const otherCourse = await makeCourse(db);
    const { code: othersCode } = await finishCourse(other.cookie, otherCourse);

    const download = (cookie?: string, which = code) =>
      settle(() =>
        pdfLoader({ request: getRequest(`/certificates/${which}/pdf`, cookie), params: { code: which }, ...ctx }),
      );
    const anonymous = (await download()) as Response;
    expect(anonymous.status).toBe(302);
    expect(((await download(other.cookie)) as Response).status).toBe(403);
    expect(((await download(owner.cookie, othersCode)) as Response).status).toBe(403);
    expect(((await download(owner.cookie, "MK-0000-0000-0000-0000")) as Response).status).toBe(404);

    for (const who of [owner, await userWith("facilitator"), await userWith("manager"), await userWith("admin")]) {
      const response = (await download(who.cookie)) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toBe("Certificado de Rosa Año Peña: Introducción al Año");
      expect(pdf.getSubject()).toBe(code);
      // Subset fonts keep the file light for weak connections.
      expect(bytes.length).toBeLessThan(120_000);
    }
  });
});

describe("staff pages", () => {
  it("are refused to anonymous people and members, and open to facilitators, managers and admins", async () => {
    const db = await getDb();
    const course = await makeCourse(db);
    const loaders: Array<() => Promise<unknown>> = [
      () => staffCoursesLoader({ request: getRequest("/staff/courses", cookie), params: {}, ...ctx }),
      () =>
        staffCourseLoader({
          request: getRequest(`/staff/courses/${course.slug}`, cookie),
          params: { course: course.slug },
          ...ctx,
        }),
      () =>
        exportLoader({
          request: getRequest(`/staff/courses/${course.slug}/export`, cookie),
          params: { course: course.slug },
          ...ctx,
        }),
      () =>
        enrolOneLoader({
          request: getRequest(`/staff/courses/${course.slug}/enrol`, cookie),
          params: { course: course.slug },
          ...ctx,
        }),
      () => importLoader({ request: getRequest("/staff/enrolments/import", cookie), params: {}, ...ctx }),
    ];
    let cookie: string | undefined;
    for (const run of loaders) expect(((await settle(run)) as Response).status).toBe(302);
    for (const role of ROLES) {
      cookie = (await userWith(role)).cookie;
      for (const run of loaders) {
        const result = await settle(run);
        if (role === "member") expect((result as Response).status, role).toBe(403);
        else expect(result instanceof Response ? result.status : 200, role).toBe(200);
      }
    }
    const member = await userWith("member");
    const post = formRequest(
      `/staff/courses/${course.slug}/enrol`,
      { fullName: "Ana", email: "ana@example.org", consent: "on" },
      member.cookie,
    );
    expect(
      ((await settle(() => enrolOneAction({ request: post, params: { course: course.slug }, ...ctx }))) as Response)
        .status,
    ).toBe(403);
    expect(await db.selectFrom("enrolment").select("id").where("course_id", "=", course.id).execute()).toEqual([]);
  });

  it("shows figures and exports an Excel-friendly CSV with accents", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}, {}] });
    const learner = await userWith("member", "Ñusta Huamán");
    await finishCourse(learner.cookie, course);
    const staff = await userWith("facilitator");
    const page = unwrap<{ report: { enrolled: number; completed: number; completionRate: number } }>(
      await staffCourseLoader({
        request: getRequest(`/staff/courses/${course.slug}`, staff.cookie),
        params: { course: course.slug },
        ...ctx,
      }),
    );
    expect(page.data.report).toMatchObject({ enrolled: 1, completed: 1, completionRate: 1 });
    const csv = (await exportLoader({
      request: getRequest("/x", staff.cookie),
      params: { course: course.slug },
      ...ctx,
    })) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Ñusta Huamán");
    expect(text).toContain("\r\n");
    expect(text).toContain("Terminó");
    expect(
      (
        (await settle(() =>
          staffCourseLoader({ request: getRequest("/x", staff.cookie), params: { course: "nope" }, ...ctx }),
        )) as Response
      ).status,
    ).toBe(404);
  });

  it("enrols one person: by contact, among similar names, or as a new person without a login", async () => {
    const db = await getDb();
    const course = await makeCourse(db);
    const staff = await userWith("manager");
    const existing = await userWith("member", "Rosa Quispe Mamani");
    const existingEmail = (
      await db.selectFrom("person").select("email").where("id", "=", existing.personId).executeTakeFirstOrThrow()
    ).email!;
    const post = (fields: Record<string, string>) =>
      enrolOneAction({
        request: formRequest(`/staff/courses/${course.slug}/enrol`, fields, staff.cookie),
        params: { course: course.slug },
        ...ctx,
      }).then((r) => unwrap<any>(r));

    expect((await post({ fullName: "", email: "" })).status).toBe(400);
    expect((await post({ fullName: "X", phone: "12" })).data.errors.phone.key).toBe(
      "learning.enrolOne.errors.phoneInvalid",
    );

    const byContact = await post({ fullName: "rosa QUISPE mamani", email: existingEmail.toUpperCase() });
    expect(byContact.data).toMatchObject({
      kind: "done",
      message: { key: "learning.enrolOne.done.enrolled", vars: { name: "Rosa Quispe Mamani" } },
    });

    const similar = await post({ fullName: "quispe mamani rosa", phone: "987 000 111" });
    expect(similar.data.kind).toBe("similar");
    expect(similar.data.candidates.map((c: { id: number }) => c.id)).toContain(existing.personId);

    expect(
      (await post({ intent: "create", fullName: "Quispe Mamani Rosa", phone: "987 000 111" })).data.errors.consent.key,
    ).toBe("learning.enrolOne.errors.consentRequired");
    const created = await post({
      intent: "create",
      fullName: "Quispe Mamani Rosa",
      phone: "987 000 111",
      consent: "on",
    });
    expect(created.data.message.key).toBe("learning.enrolOne.done.enrolled");
    const person = await db
      .selectFrom("person")
      .selectAll()
      .where("phone", "=", "+51987000111")
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ consent_method: "staff", consent_recorded_by: staff.accountId });
    expect(await db.selectFrom("account").select("id").where("person_id", "=", person.id).execute()).toEqual([]);
    const enrolment = await db
      .selectFrom("enrolment")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ method: "staff", enrolled_by: staff.accountId });

    // Submitting again (double click) does not register the person twice.
    const again = await post({ intent: "create", fullName: "Quispe Mamani Rosa", phone: "987 000 111", consent: "on" });
    expect(again.data.message.key).toBe("learning.enrolOne.done.already");
    expect(await db.selectFrom("person").select("id").where("phone", "=", "+51987000111").execute()).toHaveLength(1);
  });
});
