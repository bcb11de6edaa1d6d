import type { EnrolmentMethod } from "../../db/schema";
import { recordAudit } from "./audit.server";
import type { DB } from "../utils/db.server";

export type EnrolOutcome = "enrolled" | "rejoined" | "already";

/**
 * Enrols a person (inside the caller's transaction when given one). Someone who
 * left comes back on the same row: their completions were kept, so their
 * progress is as they left it; the leave and the return stay in the audit log.
 */
export async function enrolPerson(
  db: DB,
  input: { personId: number; courseId: number; method: EnrolmentMethod; enrolledBy: number | null; now?: string },
): Promise<EnrolOutcome> {
  const now = input.now ?? new Date().toISOString();
  const existing = await db
    .selectFrom("enrolment")
    .select(["id", "left_at"])
    .where("person_id", "=", input.personId)
    .where("course_id", "=", input.courseId)
    .executeTakeFirst();
  if (existing && existing.left_at === null) return "already";
  if (existing) {
    await db.updateTable("enrolment").set({ left_at: null }).where("id", "=", existing.id).execute();
    await recordAudit(db, {
      actorAccountId: input.enrolledBy,
      action: "enrolment.rejoined",
      subjectType: "enrolment",
      subjectId: existing.id,
      details: { method: input.method, leftAt: existing.left_at },
    });
    return "rejoined";
  }
  const inserted = await db
    .insertInto("enrolment")
    .values({
      person_id: input.personId,
      course_id: input.courseId,
      method: input.method,
      enrolled_by: input.enrolledBy,
      enrolled_at: now,
    })
    // Two clicks at once: the unique (person, course) index keeps one row.
    .onConflict((oc) => oc.columns(["person_id", "course_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted ? "enrolled" : "already";
}

export type LeaveOutcome = "left" | "notEnrolled" | "completed";

/** Leaves a course: the enrolment and the completions stay (history kept). A finished course cannot be left. */
export async function leaveCourse(
  db: DB,
  input: { personId: number; courseId: number; accountId: number | null },
): Promise<LeaveOutcome> {
  const enrolment = await findEnrolment(db, input.personId, input.courseId);
  if (!enrolment || enrolment.left_at !== null) return "notEnrolled";
  if (enrolment.completed_at !== null) return "completed";
  const now = new Date().toISOString();
  await db
    .updateTable("enrolment")
    .set({ left_at: now })
    .where("id", "=", enrolment.id)
    .where("left_at", "is", null)
    .execute();
  await recordAudit(db, {
    actorAccountId: input.accountId,
    action: "enrolment.left",
    subjectType: "enrolment",
    subjectId: enrolment.id,
  });
  return "left";
}

export function findEnrolment(db: DB, personId: number, courseId: number) {
  return db
    .selectFrom("enrolment")
    .selectAll()
    .where("person_id", "=", personId)
    .where("course_id", "=", courseId)
    .executeTakeFirst();
}

/** Active means enrolled and not left. */
export function isActive(enrolment: { left_at: string | null } | undefined): boolean {
  return Boolean(enrolment && enrolment.left_at === null);
}
