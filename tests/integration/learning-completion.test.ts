import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeCourse } from "../../db/factories/learning";
import { completeLesson, progressIn } from "../../app/models/completion.server";
import { enrolPerson, findEnrolment, leaveCourse } from "../../app/models/enrolment.server";
import { findCertificateByCode, findCertificateFor } from "../../app/models/certificate.server";
import { listMyCourses } from "../../app/models/my-learning.server";
import { courseReport } from "../../app/models/course-report.server";
import { recordQuizResult } from "../../app/models/quiz.server";
import { getDb } from "../../app/utils/db.server";
import { validateSessionToken } from "../../app/models/session.server";
import { sessionCookie } from "../support/requests";

const manual = { method: "manual" } as const;

async function learner() {
  const account = await makeAccount({ fullName: "Añez Peña Ibáñez" });
  return { personId: account.personId, accountId: account.accountId };
}

describe("completing lessons", () => {
  it("completes the course and issues one certificate in the same step as the last required lesson", async () => {
    const db = await getDb();
    const course = await makeCourse(db, {
      title: "Introducción al Año cooperativo",
      lessons: [{}, {}, { required: false }],
    });
    const me = await learner();
    await enrolPerson(db, { ...me, courseId: course.id, method: "self", enrolledBy: me.accountId });

    const first = await completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual });
    expect(first).toMatchObject({
      ok: true,
      newlyCompleted: true,
      courseCompleted: false,
      certificateCode: null,
      autoEnrolled: false,
    });
    expect((await findEnrolment(db, me.personId, course.id))?.completed_at).toBeNull();

    const last = await completeLesson(db, {
      ...me,
      lessonId: course.lessons[1].id,
      claim: manual,
      now: "2026-11-27T15:00:00.000Z",
    });
    expect(last).toMatchObject({ ok: true, courseCompleted: true, progress: { percent: 100, complete: true } });
    const enrolment = await findEnrolment(db, me.personId, course.id);
    expect(enrolment?.completed_at).toBe("2026-11-27T15:00:00.000Z");
    const certificate = await findCertificateFor(db, me.personId, course.id);
    expect(certificate).toMatchObject({
      fullName: "Añez Peña Ibáñez",
      courseTitle: "Introducción al Año cooperativo",
      completedAt: "2026-11-27T15:00:00.000Z",
      hours: 1.5,
    });
    expect(last.ok && last.certificateCode).toBe(certificate?.code);
    expect(await findCertificateByCode(db, certificate!.code)).toEqual(certificate);

    // The optional lesson afterwards changes nothing about the certificate.
    const optional = await completeLesson(db, { ...me, lessonId: course.lessons[2].id, claim: manual });
    expect(optional).toMatchObject({ ok: true, courseCompleted: false, certificateCode: certificate!.code });
    expect(await db.selectFrom("certificate").select("id").where("person_id", "=", me.personId).execute()).toHaveLength(
      1,
    );
  });

  it("is idempotent: a double submit keeps one completion and one certificate", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}] });
    const me = await learner();
    const results = await Promise.all(
      [1, 2, 3].map(() => completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual })),
    );
    expect(results.filter((r) => r.ok && r.newlyCompleted)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.courseCompleted)).toHaveLength(1);
    const completions = await db
      .selectFrom("lesson_completion")
      .select("id")
      .where("person_id", "=", me.personId)
      .execute();
    expect(completions).toHaveLength(1);
    expect(await db.selectFrom("certificate").select("id").where("person_id", "=", me.personId).execute()).toHaveLength(
      1,
    );
  });

  it("enrols a person who completes a lesson without being enrolled, also after leaving", async () => {
    const db = await getDb();
    const course = await makeCourse(db);
    const me = await learner();
    const result = await completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual });
    expect(result).toMatchObject({ ok: true, autoEnrolled: true });
    expect(await findEnrolment(db, me.personId, course.id)).toMatchObject({
      method: "self",
      enrolled_by: me.accountId,
      left_at: null,
    });

    expect(await leaveCourse(db, { ...me, courseId: course.id })).toBe("left");
    const again = await completeLesson(db, { ...me, lessonId: course.lessons[1].id, claim: manual });
    expect(again).toMatchObject({ ok: true, autoEnrolled: true, progress: { requiredDone: 2 } });
    expect((await findEnrolment(db, me.personId, course.id))?.left_at).toBeNull();
  });

  it("refuses unknown and archived lessons and closed courses, writing nothing", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}, { archived: true }] });
    const draft = await makeCourse(db, { published: false, lessons: [{}] });
    const me = await learner();
    expect(await completeLesson(db, { ...me, lessonId: 999_999, claim: manual })).toEqual({
      ok: false,
      reason: "unknownLesson",
    });
    expect(await completeLesson(db, { ...me, lessonId: course.lessons[1].id, claim: manual })).toEqual({
      ok: false,
      reason: "archivedLesson",
    });
    expect(await completeLesson(db, { ...me, lessonId: draft.lessons[0].id, claim: manual })).toEqual({
      ok: false,
      reason: "closedCourse",
    });
    expect(
      await db.selectFrom("lesson_completion").select("id").where("person_id", "=", me.personId).execute(),
    ).toEqual([]);
    expect(await db.selectFrom("enrolment").select("id").where("person_id", "=", me.personId).execute()).toEqual([]);
  });

  it("completes video and quiz lessons only with their evidence", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{ kind: "video" }, { hasQuiz: true }] });
    const me = await learner();
    const [video, quiz] = course.lessons;
    expect(
      await completeLesson(db, { ...me, lessonId: video.id, claim: { method: "video", watchedFraction: 0.5 } }),
    ).toEqual({
      ok: false,
      reason: "notEnoughWatched",
    });
    expect(await completeLesson(db, { ...me, lessonId: quiz.id, claim: { method: "quiz", passed: false } })).toEqual({
      ok: false,
      reason: "quizNotPassed",
    });
    expect(
      await completeLesson(db, { ...me, lessonId: video.id, claim: { method: "video", watchedFraction: 0.93 } }),
    ).toMatchObject({ ok: true });
    expect(
      await completeLesson(db, { ...me, lessonId: quiz.id, claim: { method: "quiz", passed: true } }),
    ).toMatchObject({ ok: true, courseCompleted: true });
    const methods = await db
      .selectFrom("lesson_completion")
      .select("method")
      .where("person_id", "=", me.personId)
      .orderBy("lesson_id")
      .execute();
    expect(methods.map((m) => m.method)).toEqual(["video", "quiz"]);
  });
});

describe("the self-check hook of the lesson page", () => {
  it("completes a quiz lesson when the quiz is passed, for the signed-in person only", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{ hasQuiz: true }, {}] });
    const account = await makeAccount();
    const user = (await validateSessionToken(await getDb(), (await sessionCookie(account.accountId)).split("=")[1]))!;
    const result = (passed: boolean) => ({ questions: [], correctCount: passed ? 2 : 1, total: 2, passed });
    await recordQuizResult(db, { lessonId: course.lessons[0].id, user: null, result: result(true) });
    await recordQuizResult(db, { lessonId: course.lessons[0].id, user, result: result(false) });
    expect(
      await db.selectFrom("lesson_completion").select("id").where("lesson_id", "=", course.lessons[0].id).execute(),
    ).toEqual([]);
    await recordQuizResult(db, { lessonId: course.lessons[0].id, user, result: result(true) });
    await recordQuizResult(db, { lessonId: course.lessons[0].id, user, result: result(true) });
    const rows = await db
      .selectFrom("lesson_completion")
      .select(["person_id", "method"])
      .where("lesson_id", "=", course.lessons[0].id)
      .execute();
    expect(rows).toEqual([{ person_id: account.personId, method: "quiz" }]);
  });
});

describe("enrolment", () => {
  it("keeps history when leaving and brings progress back on return", async () => {
    const db = await getDb();
    const course = await makeCourse(db);
    const me = await learner();
    expect(await enrolPerson(db, { ...me, courseId: course.id, method: "self", enrolledBy: me.accountId })).toBe(
      "enrolled",
    );
    expect(await enrolPerson(db, { ...me, courseId: course.id, method: "self", enrolledBy: me.accountId })).toBe(
      "already",
    );
    await completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual });
    expect(await leaveCourse(db, { ...me, courseId: course.id })).toBe("left");
    expect(await leaveCourse(db, { ...me, courseId: course.id })).toBe("notEnrolled");
    expect(await listMyCourses(db, me.personId)).toEqual([]);
    const audit = await db.selectFrom("audit_log").select("action").where("subject_type", "=", "enrolment").execute();
    expect(audit.map((a) => a.action)).toContain("enrolment.left");

    expect(await enrolPerson(db, { ...me, courseId: course.id, method: "self", enrolledBy: me.accountId })).toBe(
      "rejoined",
    );
    expect((await progressIn(db, me.personId, course.id)).requiredDone).toBe(1);
  });

  it("does not let a finished course be left", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}] });
    const me = await learner();
    await completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual });
    expect(await leaveCourse(db, { ...me, courseId: course.id })).toBe("completed");
  });
});

describe("Mi aprendizaje and the staff report", () => {
  it("lists progress and the next lesson, and counts learners for staff", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}, {}, {}, {}] });
    const [a, b, c, d] = [await learner(), await learner(), await learner(), await learner()];
    for (const p of [a, b, c, d])
      await enrolPerson(db, { ...p, courseId: course.id, method: "self", enrolledBy: p.accountId });
    await db
      .updateTable("enrolment")
      .set({ enrolled_at: "2026-11-01T00:00:00.000Z" })
      .where("course_id", "=", course.id)
      .execute();
    for (const lesson of course.lessons)
      await completeLesson(db, { ...a, lessonId: lesson.id, claim: manual, now: "2026-11-03T00:00:00.000Z" });
    for (const lesson of course.lessons)
      await completeLesson(db, { ...b, lessonId: lesson.id, claim: manual, now: "2026-11-05T00:00:00.000Z" });
    await completeLesson(db, { ...c, lessonId: course.lessons[0].id, claim: manual });
    await leaveCourse(db, { ...d, courseId: course.id });

    const [mine] = await listMyCourses(db, c.personId);
    expect(mine).toMatchObject({
      slug: course.slug,
      progress: { percent: 25 },
      nextLesson: { slug: course.lessons[1].slug },
      certificateCode: null,
    });
    const [done] = await listMyCourses(db, a.personId);
    expect(done.progress.percent).toBe(100);
    expect(done.certificateCode).toMatch(/^MK-/);

    const report = await courseReport(db, course.id);
    expect(report).toMatchObject({
      enrolled: 3,
      completed: 2,
      inProgress: 1,
      notStarted: 0,
      left: 1,
      medianDaysToComplete: 3,
    });
    expect(report.completionRate).toBeCloseTo(2 / 3);
    expect(report.learners.find((l) => l.personId === c.personId)).toMatchObject({ lessonsDone: 1, percent: 25 });
  });
});
