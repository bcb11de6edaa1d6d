import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../db/schema";
import type { UploadPayload } from "./attendance-upload.server";
import { identifyingFragments, mentions, redactJson, type Identity } from "../domain/redact";
import type { DB } from "../utils/db.server";

/**
 * What erasure removes besides the person's own row: copies of their name and
 * contacts in mail, in the audit log and in reports awaiting review. Runs inside
 * the erasure's transaction, before the person's row is blanked.
 */
export async function eraseTraces(tx: DB, personId: number, accountIds: number[], identity: Identity): Promise<void> {
  const { recordIds, mergeDetails } = await mergedRecords(tx, personId);
  // A merge keeps the other record's spelling and contacts in the audit log: they are this human's too.
  for (const details of mergeDetails) {
    const differing = (details.differingValues ?? {}) as Record<string, unknown>;
    identity.names.push(asText(details.droppedName), asText(differing.full_name));
    identity.emails.push(asText(differing.email));
    identity.phones.push(asText(differing.phone));
  }
  // A correction on the person page keeps the earlier name and contacts in the audit log too.
  for (const earlier of await correctedValues(tx, recordIds)) {
    identity.names.push(asText(earlier.fullName));
    identity.emails.push(asText(earlier.email));
    identity.phones.push(asText(earlier.phone));
  }
  const fragments = identifyingFragments(identity);
  const emails = identity.emails.filter((e): e is string => Boolean(e));
  await eraseMail(tx, recordIds, emails);
  await redactAudit(tx, recordIds, accountIds, fragments, [
    ...emails,
    ...identity.phones.filter((p): p is string => Boolean(p)),
  ]);
  await redactCorrectionReasons(tx, recordIds, fragments);
  await dropFromPendingReports(tx, identifyingFragments(identity, { nameParts: false }));
  await dropPendingEnrolmentLists(tx, identifyingFragments(identity, { nameParts: false }));
  await dropPendingRosters(tx, identifyingFragments(identity, { nameParts: false }));
}

function asText(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The earlier values kept by each `person.updated` entry of these records (models/person-record.server.ts). */
async function correctedValues(tx: DB, recordIds: number[]): Promise<Array<Record<string, unknown>>> {
  const rows = await tx
    .selectFrom("audit_log")
    .select("details")
    .where("action", "=", "person.updated")
    .where("subject_type", "=", "person")
    .where("subject_id", "in", recordIds)
    .execute();
  return rows.map((row) => (parseObject(row.details).before as Record<string, unknown> | undefined) ?? {});
}

/** The person's id and the ids of every record merged into it (merges of merges too). */
async function mergedRecords(tx: DB, personId: number) {
  const recordIds = new Set([personId]);
  const mergeDetails: Array<Record<string, unknown>> = [];
  let frontier = [personId];
  while (frontier.length > 0) {
    const rows = await tx
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "person.merged")
      .where("subject_type", "=", "person")
      .where("subject_id", "in", frontier)
      .execute();
    frontier = [];
    for (const row of rows) {
      const details = parseObject(row.details);
      mergeDetails.push(details);
      const dropped = details.droppedId;
      if (typeof dropped === "number" && !recordIds.has(dropped)) {
        recordIds.add(dropped);
        frontier.push(dropped);
      }
    }
  }
  return { recordIds: [...recordIds], mergeDetails };
}

/** Unsent mail to the person is deleted; sent mail stays as a bare delivery record (kind, dedupe key, dates). */
async function eraseMail(tx: DB, recordIds: number[], emails: string[]) {
  const toThem = (eb: ExpressionBuilder<Database, "email_outbox">) =>
    eb.or([eb("person_id", "in", recordIds), ...(emails.length > 0 ? [eb("to_address", "in", emails)] : [])]);
  await tx.deleteFrom("email_outbox").where(toThem).where("status", "<>", "sent").execute();
  await tx
    .updateTable("email_outbox")
    .set({ to_address: "", subject: "", text_body: "", html_body: null, ics: null, last_error: null })
    .where(toThem)
    .where("status", "=", "sent")
    .execute();
}

/**
 * Audit entries keep their event, actor and time; strings in their details that name
 * the person are blanked. Entries about the person or their accounts are checked, and
 * any other entry that quotes one of their contacts.
 */
async function redactAudit(tx: DB, recordIds: number[], accountIds: number[], fragments: string[], contacts: string[]) {
  const rows = await tx
    .selectFrom("audit_log")
    .select(["id", "details"])
    .where((eb) =>
      eb.or([
        eb.and([eb("subject_type", "=", "person"), eb("subject_id", "in", recordIds)]),
        ...(accountIds.length > 0
          ? [eb.and([eb("subject_type", "=", "account"), eb("subject_id", "in", accountIds)])]
          : []),
        ...contacts.map((contact) => eb("details", "like", `%${contact}%`)),
      ]),
    )
    .execute();
  for (const row of rows) {
    if (!mentions(row.details, fragments)) continue;
    const details = JSON.stringify(redactJson(parseObject(row.details), fragments));
    await tx.updateTable("audit_log").set({ details }).where("id", "=", row.id).execute();
  }
}

/**
 * Reports awaiting a facilitator's review (kept at most a day) lose the person's
 * rows (same full name, e-mail or phone), so confirming one cannot bring them back;
 * a report left empty is dropped.
 */
async function dropFromPendingReports(tx: DB, fragments: string[]) {
  const uploads = await tx.selectFrom("attendance_upload").select(["id", "payload"]).execute();
  for (const upload of uploads) {
    if (!mentions(upload.payload, fragments)) continue;
    const payload = JSON.parse(upload.payload) as UploadPayload;
    const participants = payload.participants.filter(
      (p) => ![p.name, ...p.otherNames, p.email ?? "", p.phone ?? ""].some((text) => mentions(text, fragments)),
    );
    const problems = payload.problems.filter((p) => !mentions(p.value ?? "", fragments));
    if (participants.length === 0) {
      await tx.deleteFrom("attendance_upload").where("id", "=", upload.id).execute();
      continue;
    }
    const kept = redactJson({ ...payload, participants, problems }, fragments);
    await tx
      .updateTable("attendance_upload")
      .set({ payload: JSON.stringify(kept) })
      .where("id", "=", upload.id)
      .execute();
  }
}

/** The reason of a hand correction of their attendance (docs/decisions/023) is blanked if it names them; the correction stays. */
async function redactCorrectionReasons(tx: DB, recordIds: number[], fragments: string[]) {
  const rows = await tx
    .selectFrom("attendance")
    .select(["id", "correction_reason"])
    .where("person_id", "in", recordIds)
    .where("correction_reason", "is not", null)
    .execute();
  const named = rows.filter((row) => mentions(row.correction_reason ?? "", fragments)).map((row) => row.id);
  if (named.length > 0)
    await tx.updateTable("attendance").set({ correction_reason: "" }).where("id", "in", named).execute();
}

/** An enrolment list awaiting confirmation that names the person is dropped whole (it can be uploaded again without them). */
async function dropPendingEnrolmentLists(tx: DB, fragments: string[]) {
  const uploads = await tx.selectFrom("enrolment_upload").select(["id", "text"]).execute();
  const named = uploads.filter((upload) => mentions(upload.text, fragments)).map((upload) => upload.id);
  if (named.length > 0) await tx.deleteFrom("enrolment_upload").where("id", "in", named).execute();
}

/** Likewise a roster awaiting confirmation (docs/decisions/014-roster-import.md). */
async function dropPendingRosters(tx: DB, fragments: string[]) {
  const uploads = await tx.selectFrom("roster_upload").select(["id", "records"]).execute();
  const named = uploads.filter((upload) => mentions(upload.records, fragments)).map((upload) => upload.id);
  if (named.length > 0) await tx.deleteFrom("roster_upload").where("id", "in", named).execute();
}
