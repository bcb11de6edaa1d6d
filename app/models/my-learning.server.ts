import { courseProgress, type CourseProgress } from "../domain/progress";
import { completedLessonIds, listOutlineLessons } from "./course-outline.server";
import type { DB } from "../utils/db.server";

export interface MyCourse {
  courseId: number;
  slug: string;
  title: string;
  enrolledAt: string;
  completedAt: string | null;
  progress: CourseProgress;
  nextLesson: { slug: string; title: string } | null;
  certificateCode: string | null;
}

/** The courses a person is enrolled in (not left), with progress computed from their completions. */
export async function listMyCourses(db: DB, personId: number): Promise<MyCourse[]> {
  const enrolments = await db
    .selectFrom("enrolment")
    .innerJoin("course", "course.id", "enrolment.course_id")
    .leftJoin("certificate", (join) =>
      join
        .onRef("certificate.course_id", "=", "enrolment.course_id")
        .onRef("certificate.person_id", "=", "enrolment.person_id"),
    )
    .select([
      "course.id as courseId",
      "course.slug",
      "course.title",
      "enrolment.enrolled_at as enrolledAt",
      "enrolment.completed_at as completedAt",
      "certificate.code as certificateCode",
    ])
    .where("enrolment.person_id", "=", personId)
    .where("enrolment.left_at", "is", null)
    .orderBy("enrolment.enrolled_at", "desc")
    .execute();
  const lessons = await listOutlineLessons(
    db,
    enrolments.map((e) => e.courseId),
  );
  const done = await completedLessonIds(
    db,
    personId,
    lessons.map((l) => l.id),
  );
  return enrolments.map((enrolment) => {
    const own = lessons.filter((lesson) => lesson.courseId === enrolment.courseId);
    const progress = courseProgress(own, done);
    const next = progress.next ? own.find((lesson) => lesson.id === progress.next!.id)! : null;
    return {
      ...enrolment,
      certificateCode: enrolment.certificateCode ?? null,
      progress,
      nextLesson: next ? { slug: next.slug, title: next.title } : null,
    };
  });
}
