import { certificateHours, newCertificateCode } from "../domain/certificate";
import type { Locale } from "../../db/schema";
import type { DB } from "../utils/db.server";

export interface Certificate {
  id: number;
  personId: number;
  courseId: number;
  code: string;
  fullName: string;
  courseTitle: string;
  hours: number;
  completedAt: string;
  issuedAt: string;
}

/**
 * Issues the certificate for a completed course, inside the completion's
 * transaction. Name, title and hours are snapshots: the certificate reads the
 * same even if the person or the course changes later. Issuing twice returns the first.
 */
export async function issueCertificate(
  tx: DB,
  input: { personId: number; courseId: number; completedAt: string },
): Promise<Certificate> {
  const existing = await findCertificateFor(tx, input.personId, input.courseId);
  if (existing) return existing;
  const person = await tx
    .selectFrom("person")
    .select("full_name")
    .where("id", "=", input.personId)
    .executeTakeFirstOrThrow();
  const course = await tx
    .selectFrom("course")
    .select(["title", "estimated_minutes"])
    .where("id", "=", input.courseId)
    .executeTakeFirstOrThrow();
  const lessons = await tx
    .selectFrom("lesson")
    .select("duration_minutes")
    .where("course_id", "=", input.courseId)
    .where("archived_at", "is", null)
    .execute();
  await tx
    .insertInto("certificate")
    .values({
      person_id: input.personId,
      course_id: input.courseId,
      // 80 random bits: a collision is not a practical concern; the unique index would refuse it anyway.
      code: newCertificateCode(),
      full_name: person.full_name,
      course_title: course.title,
      hours: certificateHours(
        course.estimated_minutes,
        lessons.map((l) => l.duration_minutes),
      ),
      completed_at: input.completedAt,
      issued_at: new Date().toISOString(),
    })
    .execute();
  return (await findCertificateFor(tx, input.personId, input.courseId))!;
}

const columns = [
  "id",
  "person_id as personId",
  "course_id as courseId",
  "code",
  "full_name as fullName",
  "course_title as courseTitle",
  "hours",
  "completed_at as completedAt",
  "issued_at as issuedAt",
] as const;

export async function findCertificateByCode(db: DB, code: string): Promise<Certificate | undefined> {
  const row = await db.selectFrom("certificate").select(columns).where("code", "=", code).executeTakeFirst();
  return row && { ...row, hours: Number(row.hours) };
}

export async function findCertificateFor(db: DB, personId: number, courseId: number): Promise<Certificate | undefined> {
  const row = await db
    .selectFrom("certificate")
    .select(columns)
    .where("person_id", "=", personId)
    .where("course_id", "=", courseId)
    .executeTakeFirst();
  return row && { ...row, hours: Number(row.hours) };
}

export async function listCertificatesOf(db: DB, personId: number): Promise<Certificate[]> {
  const rows = await db
    .selectFrom("certificate")
    .select(columns)
    .where("person_id", "=", personId)
    .orderBy("completed_at", "desc")
    .execute();
  return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
}

/** The language the holder chose for Minka: their certificate prints in it unless another is asked for. */
export async function certificateHolderLanguage(db: DB, personId: number): Promise<Locale> {
  const row = await db.selectFrom("person").select("preferred_language").where("id", "=", personId).executeTakeFirst();
  return row?.preferred_language ?? "es";
}
