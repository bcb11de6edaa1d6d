import crypto from "node:crypto";
import type { KnownPerson } from "../domain/attendance-import/match";
import { mergeParticipants, type Participant } from "../domain/attendance-import/merge";
import { planImport, type Decision } from "../domain/attendance-import/plan";
import {
  otherMeetingDate,
  parseAttendanceReport,
  type ParseError,
  type ReportFormat,
  type ReportMeeting,
  type RowProblem,
} from "../domain/attendance-import/index";
import { participantKeys, reportIdentity, sameReport, type ReportIdentity } from "../domain/attendance-import/identity";
import { decodeUpload } from "../utils/csv.server";
import { matchParticipants, participantNameKeys, type ParticipantMatch } from "../domain/attendance-import/match";
import { localDate } from "../utils/dates";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { resolvePerson } from "./person-resolution.server";
import { peopleOnWorkshop } from "./workshop-people.server";

/** What is kept of a parsed report between upload and confirmation. */
export interface UploadPayload {
  participants: Participant[];
  problems: RowProblem[];
  meeting: ReportMeeting;
  /** The report's own date when it is not the session's (a warning on the review screen). */
  otherDate: string | null;
  /** What the report says, whatever its bytes (docs/decisions/022); absent in reviews kept before it existed. */
  identity?: ReportIdentity;
}

export interface PendingUpload {
  id: number;
  sessionId: number;
  fileHash: string;
  fileName: string;
  format: ReportFormat;
  payload: UploadPayload;
  createdAt: string;
}

/** Reviews left unconfirmed longer than this are dropped. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export type ReceiveOutcome =
  | { kind: "review"; uploadId: number }
  | { kind: "already"; importedAt: string; fileName: string }
  | { kind: "invalid"; error: ParseError };

/**
 * Takes an uploaded report for a session: a report already imported (and not undone) is recognised
 * by its hash or, for a re-saved copy, by its content identity (docs/decisions/022), and changes
 * nothing; otherwise it is parsed, its rows merged per participant and kept for review.
 * Nothing about attendance is written here.
 */
export async function receiveReport(
  db: DB,
  input: {
    bytes: Uint8Array;
    fileName: string;
    /** Without `ends_at` no time is left out (a caller that does not know when the session ended). */
    session: { id: number; starts_at: string; ends_at?: string };
    timeZone: string;
    uploadedBy: number;
  },
): Promise<ReceiveOutcome> {
  const fileHash = crypto.createHash("sha256").update(input.bytes).digest("hex");
  const previous = await findImportByHash(db, input.session.id, fileHash);
  if (previous) return { kind: "already", importedAt: previous.imported_at, fileName: previous.file_name };
  const outcome = await parseAttendanceReport(decodeUpload(input.bytes), {
    timeZone: input.timeZone,
    sessionDate: localDate(input.session.starts_at, input.timeZone),
  });
  if (!outcome.ok) return { kind: "invalid", error: outcome.error };
  const { report } = outcome;
  const { starts_at: startsAt, ends_at: endsAt } = input.session;
  // Time online before the session starts or after it ends (the host opening the room early) is not attendance.
  const window = endsAt ? { startsAt, endsAt } : undefined;
  const participants = await mergeParticipants(report.rows, report.format, window);
  if (participants.length === 0) return { kind: "invalid", error: { code: "noRows", format: report.format } };
  const identity = reportIdentity(report.format, report.meeting, participants);
  const same = await findSameReport(db, input.session.id, identity);
  if (same) return { kind: "already", importedAt: same.imported_at, fileName: same.file_name };
  const uploadId = await createUpload(db, {
    sessionId: input.session.id,
    fileHash,
    fileName: input.fileName.slice(0, 200) || "report.csv",
    format: report.format,
    payload: {
      participants,
      problems: report.problems,
      meeting: report.meeting,
      otherDate: otherMeetingDate(report, input.session.starts_at, input.timeZone),
      identity,
    },
    uploadedBy: input.uploadedBy,
  });
  return { kind: "review", uploadId };
}

/** An import of this file into this session that still stands (an undone one may be imported again). */
export async function findImportByHash(db: DB, sessionId: number, fileHash: string) {
  return db
    .selectFrom("attendance_import")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("file_hash", "=", fileHash)
    .where("undone_at", "is", null)
    .executeTakeFirst();
}

/** An import of this session, not undone, of the same report in other bytes (re-saved, re-encoded, reordered). */
export async function findSameReport(db: DB, sessionId: number, identity: ReportIdentity) {
  const candidates = await db
    .selectFrom("attendance_import")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("participants_hash", "=", identity.participantsHash)
    .where("undone_at", "is", null)
    .orderBy("imported_at")
    .execute();
  return candidates.find((i) =>
    sameReport(identity, { meetingKey: i.meeting_key, participantsHash: i.participants_hash ?? "" }),
  );
}

export async function listImports(db: DB, sessionId: number) {
  return db
    .selectFrom("attendance_import")
    .leftJoin("account", "account.id", "attendance_import.undone_by")
    .leftJoin("person", "person.id", "account.person_id")
    .selectAll("attendance_import")
    .select("person.full_name as undone_by_name")
    .where("attendance_import.session_id", "=", sessionId)
    .orderBy("attendance_import.imported_at", "desc")
    .orderBy("attendance_import.id", "desc")
    .execute();
}

/** Keeps a parsed report for review; old abandoned reviews go at the same time. */
export async function createUpload(
  db: DB,
  input: {
    sessionId: number;
    fileHash: string;
    fileName: string;
    format: ReportFormat;
    payload: UploadPayload;
    uploadedBy: number;
  },
): Promise<number> {
  const now = new Date();
  await db
    .deleteFrom("attendance_upload")
    .where("created_at", "<", new Date(now.getTime() - UPLOAD_TTL_MS).toISOString())
    .execute();
  const row = await db
    .insertInto("attendance_upload")
    .values({
      session_id: input.sessionId,
      file_hash: input.fileHash,
      file_name: input.fileName,
      format: input.format,
      payload: JSON.stringify(input.payload),
      uploaded_by: input.uploadedBy,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getUpload(db: DB, uploadId: number, sessionId: number): Promise<PendingUpload | undefined> {
  const row = await db
    .selectFrom("attendance_upload")
    .selectAll()
    .where("id", "=", uploadId)
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    sessionId: row.session_id,
    fileHash: row.file_hash,
    fileName: row.file_name,
    format: row.format as ReportFormat,
    payload: JSON.parse(row.payload) as UploadPayload,
    createdAt: row.created_at,
  };
}

/** Drops a pending review of this session; false when there was none (another session's, or gone). */
export async function discardUpload(db: DB, uploadId: number, sessionId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("attendance_upload")
    .where("id", "=", uploadId)
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** What the review shows of a person a report's row could be (read into a KnownPersonView). */
export const CANDIDATE_COLUMNS = [
  "person.id",
  "person.full_name",
  "person.email",
  "person.phone",
  "person.cooperative",
  "person.birth_year",
  "person.region",
] as const;

export interface KnownPersonView extends KnownPerson {
  cooperative: string | null;
  birthYear: number | null;
  region: string | null;
}

/**
 * The people a report could be about: everyone registered or waiting for this workshop,
 * and anyone with one of the report's e-mails, phones or names. Erased people are never matched.
 */
export async function findKnownPeople(
  db: DB,
  workshopId: number,
  participants: Participant[],
): Promise<KnownPersonView[]> {
  const registered = await db
    .selectFrom("registration")
    .innerJoin("person", "person.id", "registration.person_id")
    .select(CANDIDATE_COLUMNS)
    .where("registration.workshop_id", "=", workshopId)
    .where("registration.status", "in", ["registered", "waitlisted"])
    .where("person.erased_at", "is", null)
    .execute();
  const emails = unique(participants.map((p) => p.email));
  const phones = unique(participants.map((p) => p.phone));
  const keys = unique(participants.flatMap(participantNameKeys));
  const others = [];
  for (const [column, values] of [
    ["email", emails],
    ["phone", phones],
    ["name_key", keys],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      others.push(
        ...(await db
          .selectFrom("person")
          .select(CANDIDATE_COLUMNS)
          .where(`person.${column}`, "in", values.slice(i, i + 500))
          .where("person.erased_at", "is", null)
          .execute()),
      );
    }
  }
  const known = new Map<number, KnownPersonView>();
  const view = (p: (typeof registered)[number], isRegistered: boolean): KnownPersonView => ({
    id: p.id,
    fullName: p.full_name,
    email: p.email,
    phone: p.phone,
    registered: isRegistered,
    cooperative: p.cooperative,
    birthYear: p.birth_year,
    region: p.region,
  });
  for (const p of registered) known.set(p.id, view(p, true));
  for (const p of others) if (!known.has(p.id)) known.set(p.id, view(p, false));
  return [...known.values()];
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

/** The person an import recorded a participant as (null: ignored), found again by hashed participant keys. */
export interface RememberedDecision {
  keys: string[];
  personId: number | null;
}

export type ConfirmOutcome =
  | { kind: "saved"; importId: number; people: number; newPeople: number; ignored: number }
  | { kind: "already"; importedAt: string; fileName: string }
  | { kind: "undecided"; keys: string[] }
  | { kind: "unknownPerson" }
  | { kind: "notOffered" }
  | { kind: "gone" };

/**
 * Saves a reviewed report, all in one transaction: new people, attendance (keeping roll-call marks;
 * the larger of two reported times) and the file's hash, so the same file can never be applied twice.
 * People who came without registering are not registered afterwards: they count as walk-ins.
 */
export function confirmImport(
  db: DB,
  input: {
    uploadId: number;
    workshopId: number;
    sessionId: number;
    decisions: Map<string, Decision>;
    actorAccountId: number;
    /** Where the people added as new live, as the facilitator set it (checked by the form). */
    newPeoplePlace?: { country: string | null; region: string | null };
  },
): Promise<ConfirmOutcome> {
  return writeTransaction(db, async (tx) => {
    const upload = await getUpload(tx, input.uploadId, input.sessionId);
    if (!upload) return { kind: "gone" } as const;
    const identity = upload.payload.identity;
    const previous =
      (await findImportByHash(tx, input.sessionId, upload.fileHash)) ??
      (identity ? await findSameReport(tx, input.sessionId, identity) : undefined);
    if (previous) {
      await discardUpload(tx, upload.id, input.sessionId);
      return { kind: "already", importedAt: previous.imported_at, fileName: previous.file_name } as const;
    }
    const { participants } = upload.payload;
    const planned = planImport(participants, input.decisions, upload.format);
    if (!planned.ok) return { kind: "undecided", keys: planned.undecided } as const;
    const chosenIds = [...new Set(planned.plan.entries.flatMap((e) => (e.personId === null ? [] : [e.personId])))];
    const { matches, offered } = await offeredPeople(tx, input.workshopId, participants, input.decisions);
    if (!offered) return { kind: "notOffered" } as const;
    if (chosenIds.length) {
      const found = await tx
        .selectFrom("person")
        .select("id")
        .where("id", "in", chosenIds)
        .where("erased_at", "is", null)
        .execute();
      if (found.length !== chosenIds.length) return { kind: "unknownPerson" } as const;
    }

    const now = new Date().toISOString();
    const { id: importId } = await tx
      .insertInto("attendance_import")
      .values({
        session_id: input.sessionId,
        file_hash: upload.fileHash,
        file_name: upload.fileName,
        format: upload.format,
        rows_total: participants.length,
        rows_matched: participants.length - planned.plan.ignored,
        rows_ignored: planned.plan.ignored,
        imported_by: input.actorAccountId,
        imported_at: now,
        meeting_key: identity?.meetingKey ?? null,
        participants_hash: identity?.participantsHash ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    let newPeople = 0;
    const saved = new Set<number>();
    const personOf = new Map<string, number | null>(participants.map((p) => [p.key, null]));
    for (const entry of planned.plan.entries) {
      let personId = entry.personId;
      if (personId === null) {
        // "New" for someone whose e-mail or phone is already known would make a duplicate: the service reuses them.
        const resolved = await resolvePerson(tx, {
          details: { ...entry.newPerson!, ...input.newPeoplePlace },
          choice: "new",
          askOnSimilarName: false,
          consent: "notAsked",
          scope: null,
          actorAccountId: input.actorAccountId,
          audit: {
            action: "person.create.import",
            details: { workshopId: input.workshopId, sessionId: input.sessionId, importId },
          },
        });
        if (resolved.kind !== "found" && resolved.kind !== "created")
          throw new Error(`A new person from a report resolved to "${resolved.kind}"`);
        personId = resolved.person.id;
        if (resolved.kind === "created") newPeople++;
      }
      for (const key of entry.participantKeys) personOf.set(key, personId);
      if (saved.has(personId)) continue;
      saved.add(personId);
      await recordImportedAttendance(tx, {
        sessionId: input.sessionId,
        personId,
        importId,
        minutes: entry.minutes,
        present: entry.present,
        actorAccountId: input.actorAccountId,
        now,
      });
    }
    // The people the facilitator picked by hand (not the match the server made on its own).
    const linked = new Set(
      participants.flatMap((p) => {
        const decision = input.decisions.get(p.key);
        const match = matches.get(p.key);
        if (decision?.kind !== "person") return [];
        return match?.kind === "matched" && match.personId === decision.personId ? [] : [decision.personId];
      }),
    );
    for (const personId of linked) {
      await recordAudit(tx, {
        actorAccountId: input.actorAccountId,
        action: "attendance.import.linked",
        subjectType: "person",
        subjectId: personId,
        details: { workshopId: input.workshopId, sessionId: input.sessionId, importId },
      });
    }
    // Remembered so a later export of the same meeting starts from these choices (docs/decisions/022).
    const remembered: RememberedDecision[] = participants.map((p) => ({
      keys: participantKeys(p),
      personId: personOf.get(p.key) ?? null,
    }));
    await tx
      .updateTable("attendance_import")
      .set({ decisions: JSON.stringify(remembered) })
      .where("id", "=", importId)
      .execute();
    await discardUpload(tx, upload.id, input.sessionId);
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "attendance.import",
      subjectType: "workshop_session",
      subjectId: input.sessionId,
      details: { importId, format: upload.format, people: saved.size, newPeople, ignored: planned.plan.ignored },
    });
    return { kind: "saved", importId, people: saved.size, newPeople, ignored: planned.plan.ignored } as const;
  });
}

/**
 * Checks each person chosen on the review against what the server offers for that row: its own
 * match or candidates, computed again now, or someone already on the workshop (the "link" list).
 * A person id from the browser that is neither is never trusted.
 */
async function offeredPeople(
  tx: DB,
  workshopId: number,
  participants: Participant[],
  decisions: Map<string, Decision>,
): Promise<{ matches: Map<string, ParticipantMatch>; offered: boolean }> {
  const matches = matchParticipants(participants, await findKnownPeople(tx, workshopId, participants));
  const candidatesOf = (match: ParticipantMatch | undefined) =>
    match?.kind === "matched" ? [match.personId] : match?.kind === "probable" ? match.candidates : [];
  const others: number[] = [];
  for (const participant of participants) {
    const decision = decisions.get(participant.key);
    if (decision?.kind === "person" && !candidatesOf(matches.get(participant.key)).includes(decision.personId))
      others.push(decision.personId);
  }
  const onWorkshop = await peopleOnWorkshop(tx, workshopId, others);
  return { matches, offered: others.every((id) => onWorkshop.has(id)) };
}

async function recordImportedAttendance(
  tx: DB,
  input: {
    sessionId: number;
    personId: number;
    importId: number;
    minutes: number | null;
    present: boolean | null;
    actorAccountId: number;
    now: string;
  },
) {
  const status = input.present === null ? null : input.present ? ("present" as const) : ("absent" as const);
  const existing = await tx
    .selectFrom("attendance")
    .select(["id", "status", "minutes_online", "source", "import_id", "recorded_by", "recorded_at"])
    .where("session_id", "=", input.sessionId)
    .where("person_id", "=", input.personId)
    .executeTakeFirst();
  // What the row was and what this import leaves, so an undo restores only what nobody changed since.
  const change = {
    import_id: input.importId,
    session_id: input.sessionId,
    person_id: input.personId,
    existed: existing ? 1 : 0,
    before_status: existing?.status ?? null,
    before_minutes: existing?.minutes_online ?? null,
    before_source: existing?.source ?? null,
    before_import_id: existing?.import_id ?? null,
    before_recorded_by: existing?.recorded_by ?? null,
    before_recorded_at: existing?.recorded_at ?? null,
  };
  if (!existing) {
    await tx
      .insertInto("attendance_import_change")
      .values({ ...change, after_status: status, after_minutes: input.minutes })
      .execute();
    await tx
      .insertInto("attendance")
      .values({
        session_id: input.sessionId,
        person_id: input.personId,
        status,
        minutes_online: input.minutes,
        source: "import",
        import_id: input.importId,
        recorded_by: input.actorAccountId,
        recorded_at: input.now,
      })
      .execute();
    return;
  }
  // A roll-call mark made in the room wins over a typed-up sheet; two online reports keep the longer time.
  const minutes =
    input.minutes === null ? existing.minutes_online : Math.max(existing.minutes_online ?? 0, input.minutes);
  await tx
    .insertInto("attendance_import_change")
    .values({ ...change, after_status: existing.status ?? status, after_minutes: minutes })
    .execute();
  await tx
    .updateTable("attendance")
    .set({
      status: existing.status ?? status,
      minutes_online: minutes,
      import_id: input.importId,
      recorded_at: input.now,
    })
    .where("id", "=", existing.id)
    .execute();
}
