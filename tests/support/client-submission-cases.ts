import { expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeCourse } from "../../db/factories/learning";
import { findCertificateFor } from "../../app/models/certificate.server";
import { completeLesson, progressIn } from "../../app/models/completion.server";
import { findEnrolment } from "../../app/models/enrolment.server";
import { recordQuizResult } from "../../app/models/quiz.server";
import { getDb } from "../../app/utils/db.server";

const manual = { method: "manual" } as const;

async function learner() {
  const account = await makeAccount({ fullName: "Añez Peña Ibáñez" });
  return {
    personId: account.personId,
    accountId: account.accountId,
    user: { personId: account.personId, accountId: account.accountId, role: "member" as const },
  };
}

async function completionRows(personId: number) {
  const db = await getDb();
  return db.selectFrom("lesson_completion").select(["lesson_id", "method"]).where("person_id", "=", personId).execute();
}

/**
 * Completions and quiz answers sent with a client id (docs/decisions/037), against whichever
 * database DATABASE_URL opens (SQLite or PostgreSQL).
 */
export function clientSubmissionCases() {
  it("accepts a completion's client id once: sent again, it writes nothing and answers as the first time", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}, {}] });
    const me = await learner();
    await completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual });
    const clientId = crypto.randomUUID();
    const send = () =>
      completeLesson(db, {
        ...me,
        lessonId: course.lessons[1].id,
        claim: manual,
        clientId,
        now: new Date().toISOString(),
      });

    const first = await send();
    expect(first).toMatchObject({ ok: true, newlyCompleted: true, courseCompleted: true });
    const enrolment = await findEnrolment(db, me.personId, course.id);
    const certificate = await findCertificateFor(db, me.personId, course.id);
    // The same press sent again (by the page and by the service worker, or after a lost answer).
    expect(await send()).toEqual(first);
    expect(await send()).toEqual(first);
    expect(await completionRows(me.personId)).toHaveLength(2);
    expect(await findEnrolment(db, me.personId, course.id)).toEqual(enrolment);
    expect(await findCertificateFor(db, me.personId, course.id)).toEqual(certificate);
    expect((await progressIn(db, me.personId, course.id)).percent).toBe(100);
    const kept = await db
      .selectFrom("client_submission")
      .select(["account_id", "client_id", "kind", "lesson_id"])
      .execute();
    expect(kept.filter((row) => row.client_id === clientId)).toEqual([
      { account_id: me.accountId, client_id: clientId, kind: "completion", lesson_id: course.lessons[1].id },
    ]);
  });

  it("treats a client id another account used as new for this one, and refuses one used for another lesson", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}, {}, {}] });
    const ana = await learner();
    const beto = await learner();
    const clientId = crypto.randomUUID();
    expect(await completeLesson(db, { ...ana, lessonId: course.lessons[0].id, claim: manual, clientId })).toMatchObject(
      { ok: true, newlyCompleted: true },
    );
    expect(
      await completeLesson(db, { ...beto, lessonId: course.lessons[0].id, claim: manual, clientId }),
    ).toMatchObject({ ok: true, newlyCompleted: true });
    expect(await completionRows(beto.personId)).toEqual([{ lesson_id: course.lessons[0].id, method: "manual" }]);
    expect(await completeLesson(db, { ...ana, lessonId: course.lessons[1].id, claim: manual, clientId })).toEqual({
      ok: false,
      reason: "clientIdReused",
    });
    expect(await completionRows(ana.personId)).toEqual([{ lesson_id: course.lessons[0].id, method: "manual" }]);
  });

  it("keeps a refused completion's client id free, so the same item may be sent again", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{ kind: "video" }] });
    const me = await learner();
    const clientId = crypto.randomUUID();
    const lessonId = course.lessons[0].id;
    expect(
      await completeLesson(db, { ...me, lessonId, claim: { method: "video", watchedFraction: 0.5 }, clientId }),
    ).toEqual({ ok: false, reason: "notEnoughWatched" });
    expect(
      await completeLesson(db, { ...me, lessonId, claim: { method: "video", watchedFraction: 0.95 }, clientId }),
    ).toMatchObject({ ok: true, newlyCompleted: true });
  });

  it("accepts quiz answers once per client id: one completion, and the first grading's address again", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{ hasQuiz: true }] });
    const me = await learner();
    const lessonId = course.lessons[0].id;
    const result = (passed: boolean) => ({ questions: [], correctCount: passed ? 2 : 1, total: 2, passed });
    const failedId = crypto.randomUUID();
    const failed = { lessonId, user: me.user, result: result(false), location: "/x?graded=1&q0=1#quiz" };
    expect(await recordQuizResult(db, { ...failed, clientId: failedId })).toEqual({
      ok: true,
      location: failed.location,
    });
    expect(await completionRows(me.personId)).toEqual([]);

    const passedId = crypto.randomUUID();
    const passed = {
      lessonId,
      user: me.user,
      result: result(true),
      location: "/x?graded=1&q0=0#quiz",
      clientId: passedId,
    };
    expect(await recordQuizResult(db, passed)).toEqual({ ok: true, location: passed.location });
    const completedAt = await db
      .selectFrom("lesson_completion")
      .select("completed_at")
      .where("person_id", "=", me.personId)
      .executeTakeFirstOrThrow();
    // Sent again, even with other answers in the form, the first grading stands.
    expect(await recordQuizResult(db, { ...passed, result: result(false), location: "/other" })).toEqual({
      ok: true,
      location: passed.location,
    });
    expect(await recordQuizResult(db, { ...failed, clientId: failedId })).toEqual({
      ok: true,
      location: failed.location,
    });
    expect(await completionRows(me.personId)).toEqual([{ lesson_id: lessonId, method: "quiz" }]);
    expect(
      await db.selectFrom("lesson_completion").select("completed_at").where("person_id", "=", me.personId).execute(),
    ).toEqual([completedAt]);
    expect(await findEnrolment(db, me.personId, course.id)).toMatchObject({ completed_at: completedAt.completed_at });
    // A quiz's id is not a completion's.
    expect(await completeLesson(db, { ...me, lessonId, claim: manual, clientId: passedId })).toEqual({
      ok: false,
      reason: "clientIdReused",
    });
  });

  it("answers two sendings of one client id at once as one", async () => {
    const db = await getDb();
    const course = await makeCourse(db, { lessons: [{}, {}] });
    const me = await learner();
    const clientId = crypto.randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        completeLesson(db, { ...me, lessonId: course.lessons[0].id, claim: manual, clientId }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ ok: true, newlyCompleted: true });
    expect(await completionRows(me.personId)).toHaveLength(1);
  });
}
