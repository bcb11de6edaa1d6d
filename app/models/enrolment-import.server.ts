import crypto from "node:crypto";
import { slicer } from "../domain/slices";
import { parseEnrolmentCsv, type FileProblem, type ImportCourse, type ImportRow } from "../domain/enrolment-csv";
import { decodeUpload } from "../utils/csv.server";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { enrolPerson } from "./enrolment.server";
import { lookUpPerson, resolvePerson, type PersonRequest } from "./person-resolution.server";

export interface PreviewRow extends ImportRow {
  /** The person this row will enrol, when one with this e-mail or phone already exists. */
  existingPerson: { id: number; fullName: string } | null;
  alreadyEnrolled: boolean;
  /** For `contactOfOther`: the name of the person who has this row's contact. */
  contactOwner?: string;
}

export type ImportPreview =
  | { ok: true; rows: PreviewRow[]; problemCount: number }
  | { ok: false; problem: FileProblem };

async function importableCourses(db: DB): Promise<ImportCourse[]> {
  const rows = await db.selectFrom("course").select(["id", "slug", "title", "published", "archived_at"]).execute();
  return rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    open: Boolean(c.published) && c.archived_at === null,
  }));
}

/** Checks every row and says what committing would do; writes nothing. */
export async function previewEnrolmentImport(db: DB, text: string): Promise<ImportPreview> {
  const parsed = await parseEnrolmentCsv(text, await importableCourses(db));
  if (!parsed.ok) return parsed;
  const rows: PreviewRow[] = [];
  const slice = slicer();
  for (const row of parsed.rows) {
    if (slice.due()) await slice.pause();
    const lookup = row.problems.length === 0 ? await lookUpPerson(db, importedPerson(row)) : undefined;
    const person = lookup?.kind === "found" ? lookup.person : undefined;
    const enrolment =
      person && row.course
        ? await db
            .selectFrom("enrolment")
            .select("left_at")
            .where("person_id", "=", person.id)
            .where("course_id", "=", row.course.id)
            .executeTakeFirst()
        : undefined;
    // A file cannot answer "¿es ella?": a contact of someone with another name is a row to correct.
    if (lookup?.kind === "confirm") {
      rows.push({
        ...row,
        problems: ["contactOfOther"],
        contactOwner: lookup.person.fullName,
        existingPerson: null,
        alreadyEnrolled: false,
      });
      continue;
    }
    rows.push({
      ...row,
      existingPerson: person ?? null,
      alreadyEnrolled: Boolean(enrolment && enrolment.left_at === null),
    });
  }
  return { ok: true, rows, problemCount: rows.filter((r) => r.problems.length > 0).length };
}

/**
 * A file cannot be asked "¿es esta persona?": an exact contact with the same name is the person, a
 * contact of someone with another name is a row problem, anyone else is new (consent recorded by
 * the importing staff member).
 */
function importedPerson(row: ImportRow): PersonRequest {
  return {
    details: { fullName: row.fullName, email: row.email, phone: row.phone, country: row.country, region: row.region },
    choice: null,
    askOnSimilarName: false,
    consent: "given",
    scope: null,
  };
}

/** Lists left unconfirmed longer than this are dropped. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface ReceivedList {
  preview: ImportPreview;
  /** The kept list to confirm by id; null when there is nothing to confirm (a file or row problem). */
  uploadId: number | null;
}

/**
 * Previews an uploaded list and, when every row can be committed, keeps its text for the
 * confirmation (so the file travels once and the confirmation commits what was previewed).
 * Abandoned lists older than a day go at the same time.
 */
export async function receiveEnrolmentList(
  db: DB,
  input: { bytes: Uint8Array; fileName: string; uploadedBy: number },
): Promise<ReceivedList> {
  const text = decodeUpload(input.bytes);
  const preview = await previewEnrolmentImport(db, text);
  if (!preview.ok || preview.problemCount > 0) return { preview, uploadId: null };
  const now = new Date();
  await db
    .deleteFrom("enrolment_upload")
    .where("created_at", "<", new Date(now.getTime() - UPLOAD_TTL_MS).toISOString())
    .execute();
  const row = await db
    .insertInto("enrolment_upload")
    .values({
      file_hash: crypto.createHash("sha256").update(input.bytes).digest("hex"),
      file_name: input.fileName.slice(0, 200) || "list.csv",
      text,
      uploaded_by: input.uploadedBy,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { preview, uploadId: row.id };
}

/** A kept list's text, for the staff member who uploaded it only (and not past its day). */
async function uploadedText(db: DB, uploadId: number, staff: { accountId: number }): Promise<string | undefined> {
  const row = await db
    .selectFrom("enrolment_upload")
    .select("text")
    .where("id", "=", uploadId)
    .where("uploaded_by", "=", staff.accountId)
    .where("created_at", ">=", new Date(Date.now() - UPLOAD_TTL_MS).toISOString())
    .executeTakeFirst();
  return row?.text;
}

/** The preview of a kept list again (the confirmation was refused); undefined when it is gone or someone else's. */
export async function previewEnrolmentUpload(
  db: DB,
  uploadId: number,
  staff: { accountId: number },
): Promise<ImportPreview | undefined> {
  const text = await uploadedText(db, uploadId, staff);
  return text === undefined ? undefined : previewEnrolmentImport(db, text);
}

export type ImportCommit =
  | { ok: true; enrolled: number; alreadyEnrolled: number; peopleCreated: number }
  | { ok: false; gone: true }
  | { ok: false; gone?: false; preview: ImportPreview };

/**
 * Commits a kept list all-or-nothing, for the staff member who uploaded it: it
 * is checked again inside one write transaction, and a single problem writes
 * nothing. People without an account are created (consent recorded by the
 * staff member), then enrolled with method "import" and the staff member as
 * enrolled_by. The kept list is deleted once committed.
 */
export async function commitEnrolmentImport(
  db: DB,
  uploadId: number,
  staff: { accountId: number },
): Promise<ImportCommit> {
  return writeTransaction(db, async (tx) => {
    const text = await uploadedText(tx, uploadId, staff);
    if (text === undefined) return { ok: false, gone: true } as const;
    const preview = await previewEnrolmentImport(tx, text);
    if (!preview.ok || preview.problemCount > 0) return { ok: false, preview } as const;
    const counts = { enrolled: 0, alreadyEnrolled: 0, peopleCreated: 0 };
    for (const row of preview.rows) {
      const resolved = await resolvePerson(tx, {
        ...importedPerson(row),
        actorAccountId: staff.accountId,
        audit: { action: "person.create.import", details: { courseId: row.course!.id } },
      });
      if (resolved.kind !== "found" && resolved.kind !== "created")
        throw new Error(`An import row resolved to "${resolved.kind}"`);
      const personId = resolved.person.id;
      if (resolved.kind === "created") counts.peopleCreated++;
      const outcome = await enrolPerson(tx, {
        personId,
        courseId: row.course!.id,
        method: "import",
        enrolledBy: staff.accountId,
      });
      if (outcome === "already") counts.alreadyEnrolled++;
      else counts.enrolled++;
    }
    await recordAudit(tx, {
      actorAccountId: staff.accountId,
      action: "enrolment.import",
      subjectType: "enrolment",
      subjectId: null,
      details: counts,
    });
    await tx.deleteFrom("enrolment_upload").where("id", "=", uploadId).execute();
    return { ok: true, ...counts } as const;
  });
}
