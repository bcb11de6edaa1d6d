import type { Locale } from "../../db/schema";
import { matchParticipants, type ParticipantMatch } from "../domain/attendance-import/match";
import { decisionValue, type Decision } from "../domain/attendance-import/plan";
import { lastWorkshops } from "./person-candidates.server";
import { readReviewDecisions, reviewQuestions } from "../domain/attendance-review";
import { withRemainingAsNew } from "../domain/attendance-review-choices";
import { parseErrorMessage, reportFileError } from "../domain/attendance-upload-errors";
import { PlaceSchema } from "../forms/place.server";
import { parseSubmission } from "../forms/submission.server";
import type { Msg } from "../i18n/keys";
import type { DB } from "../utils/db.server";
import type { UploadedFile } from "../utils/report-upload.server";
import { earlierDecisions } from "./attendance-import-memory.server";
import {
  confirmImport,
  discardUpload,
  findKnownPeople,
  getUpload,
  listImports,
  receiveReport,
} from "./attendance-upload.server";

/**
 * The steps of importing an attendance report for one session, as the import page takes them:
 * what the page shows (the upload form or a pending review), receiving a file, and answering the
 * review (confirm or discard). Each step ends in an outcome the page turns into a redirect or a message.
 */
interface ImportScope {
  workshop: { id: number; title: string; timezone: string; country?: string | null };
  session: { id: number; starts_at: string; ends_at?: string };
}

export type UploadFailure = { step: "upload"; error: Msg };
/** The upload id posted is not a pending review of this session (confirmed, discarded, expired, or another session's). */
export type GoneFailure = { step: "gone" };
export type ReviewFailure = {
  step: "review";
  errors: Record<string, Msg>;
  values: Record<string, string>;
  message?: Msg;
};
export type ImportFailure = UploadFailure | GoneFailure | ReviewFailure;

export type ImportStep =
  | { kind: "review"; uploadId: number }
  | { kind: "already"; importedAt: string; fileName: string }
  | { kind: "discarded" }
  | { kind: "saved"; people: number; newPeople: number; ignored: number }
  | { kind: "failed"; status: number; failure: ImportFailure };

const gone: ImportStep = { kind: "failed", status: 400, failure: { step: "gone" } };

/** The page: earlier imports of the session and, when `upload` names a pending review of it, that review. */
export async function importPage(db: DB, { workshop, session }: ImportScope, uploadParam: string | null) {
  const base = {
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone },
    session: { id: session.id, startsAt: session.starts_at },
    imports: (await listImports(db, session.id)).map((i) => ({
      id: i.id,
      fileName: i.file_name,
      importedAt: i.imported_at,
      people: i.rows_matched,
      ignored: i.rows_ignored,
      undoneAt: i.undone_at,
      undoneBy: i.undone_by_name,
      /** Imports made before each row's earlier values were kept cannot be undone. */
      undoable: i.participants_hash !== null,
    })),
  };
  const upload =
    uploadParam && /^\d{1,12}$/.test(uploadParam) ? await getUpload(db, Number(uploadParam), session.id) : undefined;
  if (!upload) return { ...base, review: null, gone: Boolean(uploadParam) };
  const { participants } = upload.payload;
  const earlier = await earlierDecisions(db, workshop.id, session.id, participants);
  const matched = await findKnownPeople(db, workshop.id, participants);
  const found = [...matched, ...earlier.people.filter((p) => !matched.some((m) => m.id === p.id))];
  const last = await lastWorkshops(
    db,
    found.map((p) => p.id),
  );
  const known = found.map((p) => ({ ...p, lastWorkshop: last.get(p.id) ?? null }));
  const questions = reviewQuestions(participants, matchParticipants(participants, matched), known);
  return {
    ...base,
    gone: false,
    review: {
      uploadId: upload.id,
      /** Where new people live unless the facilitator says otherwise: the workshop's country. */
      defaultCountry: workshop.country ?? "",
      fileName: upload.fileName,
      format: upload.format,
      otherDate: upload.payload.otherDate,
      problems: upload.payload.problems,
      ...questions,
      items: questions.items.map((item) => startFromEarlier(item, earlier.decisions.get(item.participant.key))),
      earlier: earlier.from ? { ...earlier.from, people: earlier.decisions.size } : null,
    },
  };
}

/**
 * A participant an earlier import of this session decided starts with that decision. A person chosen
 * then who is not among today's candidates is offered first, so the choice can be seen and changed.
 */
function startFromEarlier<T extends { match: ParticipantMatch; initial: string }>(item: T, decision?: Decision): T {
  if (!decision) return item;
  if (decision.kind !== "person") return { ...item, initial: decisionValue(decision) };
  const { match } = item;
  const offered = match.kind === "matched" ? [match.personId] : match.kind === "probable" ? match.candidates : [];
  const initial = decisionValue(decision);
  if (offered.includes(decision.personId)) return { ...item, initial };
  return { ...item, initial, match: { kind: "probable", candidates: [decision.personId, ...offered] } };
}

/** An uploaded file (as `readReportFile` read it): refused, already imported, not a report, or kept for review. */
export async function receiveUploadedReport(
  db: DB,
  { workshop, session }: ImportScope,
  input: { file: UploadedFile; uploadedBy: number; locale: Locale },
): Promise<ImportStep> {
  const { file } = input;
  if (!file.ok) {
    const { status, error } = reportFileError(file, input.locale);
    return { kind: "failed", status, failure: { step: "upload", error } };
  }
  const received = await receiveReport(db, {
    bytes: file.bytes,
    fileName: file.fileName,
    session,
    timeZone: workshop.timezone,
    uploadedBy: input.uploadedBy,
  });
  switch (received.kind) {
    case "review":
      return { kind: "review", uploadId: received.uploadId };
    case "already":
      return { kind: "already", importedAt: received.importedAt, fileName: received.fileName };
    case "invalid":
      return { kind: "failed", status: 400, failure: { step: "upload", error: parseErrorMessage(received.error) } };
  }
}

/**
 * The facilitator's answer to a review: discard it, or confirm it with one decision per participant.
 * A refused confirmation keeps every choice made (`values`), so the form comes back as it was sent.
 */
export async function answerReview(
  db: DB,
  { workshop, session }: ImportScope,
  input: { form: FormData; actorAccountId: number },
): Promise<ImportStep> {
  const { form } = input;
  const uploadId = Number(form.get("uploadId"));
  const validId = Number.isSafeInteger(uploadId) && uploadId > 0;
  if (form.get("intent") === "discard")
    return validId && (await discardUpload(db, uploadId, session.id)) ? { kind: "discarded" } : gone;
  const upload = validId ? await getUpload(db, uploadId, session.id) : undefined;
  if (!upload) return gone;

  const posted = Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
  const { participants } = upload.payload;
  // "Add the remaining people as new": the rows still without a choice become new people, as if
  // staff had chosen it on each; a refusal shows them so.
  const values =
    form.get("intent") === "newForRest"
      ? withRemainingAsNew(
          reviewQuestions(
            participants,
            matchParticipants(participants, await findKnownPeople(db, workshop.id, participants)),
            [],
          ).items,
          posted,
        )
      : posted;
  const refused = (errors: Record<string, Msg>, message?: Msg): ImportStep => ({
    kind: "failed",
    status: 400,
    failure: message ? { step: "review", errors, values, message } : { step: "review", errors, values },
  });
  const { decisions, errors } = readReviewDecisions(participants, new Map(Object.entries(values)));
  const place = parseSubmission(PlaceSchema, form);
  if (!place.ok) Object.assign(errors, place.errors);
  if (Object.keys(errors).length || !place.ok) return refused(errors);

  const outcome = await confirmImport(db, {
    uploadId: upload.id,
    workshopId: workshop.id,
    sessionId: session.id,
    decisions,
    actorAccountId: input.actorAccountId,
    newPeoplePlace: place.data,
  });
  switch (outcome.kind) {
    case "saved":
      return { kind: "saved", people: outcome.people, newPeople: outcome.newPeople, ignored: outcome.ignored };
    case "already":
      return { kind: "already", importedAt: outcome.importedAt, fileName: outcome.fileName };
    case "gone":
      return gone;
    case "undecided":
      return refused(
        Object.fromEntries(outcome.keys.map((key) => [key, { key: "attendance.review.chooseRequired" } as Msg])),
      );
    case "unknownPerson":
      return refused({}, { key: "attendance.review.unknownPerson" });
    case "notOffered":
      return refused({}, { key: "attendance.review.notOffered" });
  }
}
