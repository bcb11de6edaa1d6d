import crypto from "node:crypto";
import type { CsvRecord } from "../domain/csv/records";
import type { PersonChoice } from "../domain/person-resolution";
import { MAX_ROSTER_ROWS } from "../domain/limits";
import {
  readRosterCsv,
  parseRosterRecords,
  type ParsedRoster,
  type RosterFileProblem,
  type RosterRow,
} from "../domain/roster";
import { slicer } from "../domain/slices";
import { decodeUpload } from "../utils/csv.server";
import { writeTransaction, type DB } from "../utils/db.server";
import { isZip, readFirstSheet } from "../utils/xlsx-read.server";
import { recordAudit } from "./audit.server";
import {
  lookUpPerson,
  resolvePerson,
  type PersonCandidate,
  type PersonLookup,
  type PersonRequest,
} from "./person-resolution.server";
import { registerInTransaction } from "./registration.server";

/**
 * Roster import (docs/decisions/014-roster-import.md): a file of people and their details,
 * previewed row by row through the one person-matching service (read-only), then committed in
 * one transaction, optionally registering everyone to one workshop.
 */

export type RowOutcome =
  | { kind: "error" }
  | { kind: "new" }
  | { kind: "same"; person: { id: number; fullName: string } }
  /** `refusedChoice`: staff's answer named someone this roster does not offer (stale or forged); ask again. */
  | { kind: "choose"; candidates: PersonCandidate[]; refusedChoice?: boolean };

export interface RosterPreviewRow extends RosterRow {
  outcome: RowOutcome;
  /** Staff's answer to "choose" (null when there is none or it was refused), kept so the form shows it again. */
  choice: PersonChoice;
  /** Already registered or waiting for the target workshop: nothing changes for them. */
  alreadyRegistered: boolean;
}

export type RosterPreview =
  | { ok: true; rows: RosterPreviewRow[]; errorCount: number; chooseCount: number }
  | { ok: false; problem: RosterFileProblem; line?: number };

export interface RosterSettings {
  /** Register everyone to this workshop; null: only add them to the ledger. */
  workshopId: number | null;
  consentForAll: boolean;
}

/** A roster's target workshop: its title for the preview, its status to refuse a cancelled one. */
export async function rosterWorkshop(db: DB, workshopId: number) {
  return db.selectFrom("workshop").select(["title", "status"]).where("id", "=", workshopId).executeTakeFirst();
}

/** Rosters left unconfirmed longer than this are dropped. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

type ReadFile =
  | { ok: true; records: CsvRecord[]; complete: boolean }
  | { ok: false; problem: RosterFileProblem; line?: number };

/** The file's rows: an XLSX workbook's first sheet, or CSV text through the one CSV reader. */
async function readRosterFile(bytes: Uint8Array): Promise<ReadFile> {
  if (isZip(bytes)) return readFirstSheet(bytes, { maxRecords: MAX_ROSTER_ROWS + 1 });
  return readRosterCsv(decodeUpload(bytes));
}

function personRequest(row: RosterRow, choice: PersonChoice, workshopId: number | null): PersonRequest {
  return {
    details: {
      fullName: row.fullName,
      email: row.email,
      phone: row.phone,
      sex: row.sex,
      birthYear: row.birthYear,
      cooperative: row.cooperative,
      country: row.country,
      region: row.region,
    },
    choice,
    askOnSimilarName: true,
    // Without consent, a person with a contact is kept as one known from an attendance report is;
    // without a contact either, nobody is created (the parser already refuses that row).
    consent: row.consent ? "given" : row.email || row.phone ? "notAsked" : "missing",
    scope: workshopId === null ? null : { workshopId },
  };
}

/** A lookup as a preview outcome. */
function outcomeOf(lookup: PersonLookup): RowOutcome {
  switch (lookup.kind) {
    case "create":
      return { kind: "new" };
    case "found":
      return { kind: "same", person: lookup.person };
    case "choose":
      return { kind: "choose", candidates: lookup.candidates };
    // The row's contact belongs to someone with another name: staff say whether it is them (docs/decisions/013).
    case "confirm":
    case "differences":
      return { kind: "choose", candidates: [lookup.person] };
    case "refused":
      return { kind: "error" };
  }
}

/** Checks every row and says what committing would do; writes nothing. */
export async function previewRoster(
  db: DB,
  parsed: ParsedRoster,
  settings: RosterSettings,
  choices: ReadonlyMap<number, PersonChoice> = new Map(),
): Promise<RosterPreview> {
  if (!parsed.ok) return parsed;
  const rows: RosterPreviewRow[] = [];
  const slice = slicer();
  for (const row of parsed.rows) {
    if (slice.due()) await slice.pause();
    let choice = choices.get(row.line) ?? null;
    if (row.problems.length > 0) {
      rows.push({ ...row, outcome: { kind: "error" }, choice, alreadyRegistered: false });
      continue;
    }
    let lookup = await lookUpPerson(db, personRequest(row, choice, settings.workshopId));
    let refusedChoice = false;
    if (lookup.kind === "refused" && lookup.reason === "notOffered") {
      refusedChoice = true;
      choice = null;
      lookup = await lookUpPerson(db, personRequest(row, null, settings.workshopId));
    }
    let outcome = outcomeOf(lookup);
    if (outcome.kind === "choose" && refusedChoice) outcome = { ...outcome, refusedChoice };
    const registration =
      outcome.kind === "same" && settings.workshopId !== null
        ? await db
            .selectFrom("registration")
            .select("status")
            .where("workshop_id", "=", settings.workshopId)
            .where("person_id", "=", outcome.person.id)
            .executeTakeFirst()
        : undefined;
    rows.push({
      ...row,
      outcome,
      choice,
      alreadyRegistered: registration !== undefined && registration.status !== "cancelled",
    });
  }
  return {
    ok: true,
    rows,
    errorCount: rows.filter((r) => r.outcome.kind === "error").length,
    chooseCount: rows.filter((r) => r.outcome.kind === "choose").length,
  };
}

function parseKept(records: CsvRecord[], settings: RosterSettings): ParsedRoster {
  return parseRosterRecords(records, true, {
    consentForAll: settings.consentForAll,
    currentYear: new Date().getUTCFullYear(),
  });
}

export interface ReceivedRoster {
  preview: RosterPreview;
  /** The kept roster to confirm by id; null when a row or the file has a problem. */
  uploadId: number | null;
}

/**
 * Reads and previews an uploaded roster and, when no row has an error, keeps its rows for the
 * confirmation (rows to choose for are answered there). Abandoned rosters older than a day go
 * at the same time.
 */
export async function receiveRoster(
  db: DB,
  input: { bytes: Uint8Array; fileName: string; uploadedBy: number; settings: RosterSettings },
): Promise<ReceivedRoster> {
  const read = await readRosterFile(input.bytes);
  if (!read.ok) return { preview: read, uploadId: null };
  const parsed = parseRosterRecords(read.records, read.complete, {
    consentForAll: input.settings.consentForAll,
    currentYear: new Date().getUTCFullYear(),
  });
  const preview = await previewRoster(db, parsed, input.settings);
  if (!preview.ok || preview.errorCount > 0) return { preview, uploadId: null };
  const now = new Date();
  await db
    .deleteFrom("roster_upload")
    .where("created_at", "<", new Date(now.getTime() - UPLOAD_TTL_MS).toISOString())
    .execute();
  const row = await db
    .insertInto("roster_upload")
    .values({
      file_hash: crypto.createHash("sha256").update(input.bytes).digest("hex"),
      file_name: input.fileName.slice(0, 200) || "roster",
      records: JSON.stringify(read.records),
      workshop_id: input.settings.workshopId,
      consent_for_all: input.settings.consentForAll ? 1 : 0,
      uploaded_by: input.uploadedBy,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { preview, uploadId: row.id };
}

interface KeptRoster {
  records: CsvRecord[];
  settings: RosterSettings;
}

/** A kept roster, for the staff member who uploaded it only (and not past its day). */
async function keptRoster(db: DB, uploadId: number, staff: { accountId: number }): Promise<KeptRoster | undefined> {
  const row = await db
    .selectFrom("roster_upload")
    .select(["records", "workshop_id", "consent_for_all"])
    .where("id", "=", uploadId)
    .where("uploaded_by", "=", staff.accountId)
    .where("created_at", ">=", new Date(Date.now() - UPLOAD_TTL_MS).toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    records: JSON.parse(row.records) as CsvRecord[],
    settings: { workshopId: row.workshop_id, consentForAll: Boolean(row.consent_for_all) },
  };
}

/** The preview of a kept roster again, with staff's answers so far; undefined when gone or someone else's. */
export async function previewKeptRoster(
  db: DB,
  uploadId: number,
  staff: { accountId: number },
  choices: ReadonlyMap<number, PersonChoice>,
): Promise<{ preview: RosterPreview; settings: RosterSettings } | undefined> {
  const kept = await keptRoster(db, uploadId, staff);
  if (!kept) return undefined;
  return {
    preview: await previewRoster(db, parseKept(kept.records, kept.settings), kept.settings, choices),
    settings: kept.settings,
  };
}

export interface RosterCounts {
  created: number;
  matched: number;
  registered: number;
  waitlisted: number;
  alreadyRegistered: number;
}

export type RosterCommit =
  | ({ ok: true; workshopId: number | null } & RosterCounts)
  | { ok: false; gone: true }
  | { ok: false; gone?: false; workshopCancelled?: boolean; preview: RosterPreview };

/**
 * Commits a kept roster all-or-nothing, for the staff member who uploaded it: it is checked again
 * inside one write transaction with staff's answers, and an error or an unanswered "choose" writes
 * nothing. A row previewed as new is committed as new (a person created by an earlier row of the
 * same roster with a similar name is not asked about). Re-uploading the same roster creates and
 * registers nobody twice: contacts match, and a registration is unique per person and workshop.
 */
export async function commitRoster(
  db: DB,
  uploadId: number,
  staff: { accountId: number },
  choices: ReadonlyMap<number, PersonChoice>,
): Promise<RosterCommit> {
  return writeTransaction(db, async (tx) => {
    const kept = await keptRoster(tx, uploadId, staff);
    if (!kept) return { ok: false, gone: true } as const;
    const { settings } = kept;
    const preview = await previewRoster(tx, parseKept(kept.records, settings), settings, choices);
    if (!preview.ok || preview.errorCount > 0 || preview.chooseCount > 0) return { ok: false, preview } as const;
    if (settings.workshopId !== null) {
      const workshop = await tx
        .selectFrom("workshop")
        .select("status")
        .where("id", "=", settings.workshopId)
        .executeTakeFirst();
      if (!workshop || workshop.status === "cancelled") return { ok: false, workshopCancelled: true, preview } as const;
    }
    const counts: RosterCounts = { created: 0, matched: 0, registered: 0, waitlisted: 0, alreadyRegistered: 0 };
    const slice = slicer();
    for (const row of preview.rows) {
      if (slice.due()) await slice.pause();
      const choice: PersonChoice = row.outcome.kind === "new" ? "new" : row.choice;
      const resolved = await resolvePerson(tx, {
        ...personRequest(row, choice, settings.workshopId),
        actorAccountId: staff.accountId,
        audit: { action: "person.create.import", details: { roster: uploadId, line: row.line } },
      });
      if (resolved.kind !== "found" && resolved.kind !== "created")
        throw new Error(`A roster row resolved to "${resolved.kind}"`);
      if (resolved.kind === "created") counts.created++;
      else counts.matched++;
      if (settings.workshopId === null) continue;
      const registration = await registerInTransaction(tx, {
        workshopId: settings.workshopId,
        personId: resolved.person.id,
        method: "import",
        registeredBy: staff.accountId,
      });
      if (!registration.ok) throw new Error(`A roster registration was refused: ${registration.reason}`);
      if (registration.already) counts.alreadyRegistered++;
      else if (registration.status === "waitlisted") counts.waitlisted++;
      else counts.registered++;
    }
    await recordAudit(tx, {
      actorAccountId: staff.accountId,
      action: "roster.import",
      subjectType: settings.workshopId === null ? "person" : "workshop",
      subjectId: settings.workshopId,
      details: { rows: preview.rows.length, ...counts },
    });
    await tx.deleteFrom("roster_upload").where("id", "=", uploadId).execute();
    return { ok: true, workshopId: settings.workshopId, ...counts } as const;
  });
}
