import { completeLesson } from "../../app/models/completion.server";
import { enrolPerson } from "../../app/models/enrolment.server";
import { createPerson } from "../../app/models/person.server";
import type { DB } from "../../app/utils/db.server";

const PREFERRED_COURSE = "que-es-una-cooperativa";

/**
 * Demo learning: socia@ half-way through a course, and three people without a
 * login enrolled by facilitadora@ (one finished, with a certificate), so that
 * "Mi aprendizaje" and the staff course view have something to show.
 *
 * Courses come from the content build, which may run after the first seed
 * (scripts/start.ts): without published courses this step does nothing, and
 * it runs again after the build. Once socia has any enrolment it changes nothing.
 */
export async function seedLearning(db: DB): Promise<{ seeded: boolean }> {
  const socia = await accountOf(db, "socia@minka.test");
  const facilitadora = await accountOf(db, "facilitadora@minka.test");
  if (!socia || !facilitadora) return { seeded: false };
  const already = await db
    .selectFrom("enrolment")
    .select("id")
    .where("person_id", "=", socia.person_id)
    .executeTakeFirst();
  if (already) return { seeded: false };
  const courses = await db
    .selectFrom("course")
    .select(["id", "slug"])
    .where("published", "=", 1)
    .where("archived_at", "is", null)
    .orderBy("slug")
    .execute();
  const course = courses.find((c) => c.slug === PREFERRED_COURSE) ?? courses[0];
  if (!course) return { seeded: false };
  const lessons = await db
    .selectFrom("lesson")
    .select("id")
    .where("course_id", "=", course.id)
    .where("archived_at", "is", null)
    .where("required", "=", 1)
    .orderBy("position")
    .execute();
  if (lessons.length < 2) return { seeded: false };

  const manual = { method: "manual" } as const;
  await enrolPerson(db, { personId: socia.person_id, courseId: course.id, method: "self", enrolledBy: socia.id });
  for (const lesson of lessons.slice(0, Math.floor(lessons.length / 2))) {
    await completeLesson(db, { personId: socia.person_id, accountId: socia.id, lessonId: lesson.id, claim: manual });
  }

  const walkIns = [
    { fullName: "Teodora Ccama Huanca", phone: "+51987650101", done: lessons.length },
    { fullName: "Marcelino Apaza Quispe", phone: "+51987650102", done: 1 },
    { fullName: "Yolanda Ticona Mamani", phone: "+51987650103", done: 0 },
  ];
  for (const walkIn of walkIns) {
    const personId = await createPerson(db, {
      fullName: walkIn.fullName,
      phone: walkIn.phone,
      country: "PE",
      consent: { method: "staff", recordedBy: facilitadora.id },
    });
    await enrolPerson(db, { personId, courseId: course.id, method: "staff", enrolledBy: facilitadora.id });
    for (const lesson of lessons.slice(0, walkIn.done)) {
      await completeLesson(db, { personId, accountId: null, lessonId: lesson.id, claim: manual });
    }
  }
  return { seeded: true };
}

function accountOf(db: DB, email: string) {
  return db.selectFrom("account").select(["id", "person_id"]).where("email", "=", email).executeTakeFirst();
}
