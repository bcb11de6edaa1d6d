/**
 * Builders for attendance: roll-call marks and imported reports, through the real models.
 * Shared by tests and the demo seed.
 */
import type { AttendanceStatus } from "../schema";
import { getDb } from "../../app/utils/db.server";
import { saveRollCall } from "../../app/models/attendance.server";
import { confirmImport, findKnownPeople, getUpload, receiveReport } from "../../app/models/attendance-upload.server";
import { matchParticipants, type ParticipantMatch } from "../../app/domain/attendance-import/match";
import { defaultDecision, type Decision } from "../../app/domain/attendance-import/plan";
import { createPerson } from "../../app/models/person.server";
import { makeRegistration, makeWorkshop } from "./workshops";

export async function makeMark(spec: {
  workshopId: number;
  sessionId: number;
  personId: number;
  status?: AttendanceStatus;
  actorAccountId: number;
}) {
  const outcome = await saveRollCall(await getDb(), {
    workshopId: spec.workshopId,
    sessionId: spec.sessionId,
    marks: [{ personId: spec.personId, status: spec.status ?? "present" }],
    actorAccountId: spec.actorAccountId,
  });
  if (!outcome.ok) throw new Error(`Mark refused: ${outcome.reason}`);
}

/**
 * Uploads a report for a session and returns what the review screen would start from:
 * the upload, and the default decision per participant (none for a probable match or a stranger).
 */
export async function uploadReport(spec: {
  workshopId: number;
  session: { id: number; starts_at: string; ends_at?: string };
  bytes: Uint8Array;
  fileName?: string;
  timeZone?: string;
  actorAccountId: number;
}) {
  const db = await getDb();
  const received = await receiveReport(db, {
    bytes: spec.bytes,
    fileName: spec.fileName ?? "participants.csv",
    session: spec.session,
    timeZone: spec.timeZone ?? "America/Lima",
    uploadedBy: spec.actorAccountId,
  });
  if (received.kind !== "review")
    return { received, upload: null, matches: null, decisions: new Map<string, Decision>() };
  const upload = (await getUpload(db, received.uploadId, spec.session.id))!;
  const matches = matchParticipants(
    upload.payload.participants,
    await findKnownPeople(db, spec.workshopId, upload.payload.participants),
  );
  const decisions = new Map<string, Decision>();
  for (const participant of upload.payload.participants) {
    const decision = defaultDecision(participant, matches.get(participant.key)!);
    if (decision) decisions.set(participant.key, decision);
  }
  return { received, upload, matches, decisions };
}

/** Decides every undecided probable match for its first candidate. */
export function takeFirstCandidates(matches: Map<string, ParticipantMatch>, decisions: Map<string, Decision>) {
  for (const [key, match] of matches) {
    if (!decisions.has(key) && match.kind === "probable")
      decisions.set(key, { kind: "person", personId: match.candidates[0] });
  }
}

/** Decides every stranger still undecided as a new person, as the review's "add the remaining people as new" does. */
export function addRemainingAsNew(matches: Map<string, ParticipantMatch>, decisions: Map<string, Decision>) {
  for (const [key, match] of matches) {
    if (!decisions.has(key) && match.kind === "unmatched") decisions.set(key, { kind: "new" });
  }
}

/**
 * Uploads and confirms a report; probable matches take their first candidate and strangers are
 * added as new people, unless `choose` says otherwise.
 */
export async function importReport(spec: Parameters<typeof uploadReport>[0] & { choose?: Record<string, Decision> }) {
  const { received, upload, matches, decisions } = await uploadReport(spec);
  if (!upload || !matches) return { received, confirmed: null };
  takeFirstCandidates(matches, decisions);
  addRemainingAsNew(matches, decisions);
  for (const [key, decision] of Object.entries(spec.choose ?? {})) decisions.set(key, decision);
  const confirmed = await confirmImport(await getDb(), {
    uploadId: upload.id,
    workshopId: spec.workshopId,
    sessionId: spec.session.id,
    decisions,
    actorAccountId: spec.actorAccountId,
  });
  return { received, confirmed };
}

/** The people of the fixture `tests/fixtures/attendance/zoom-meeting-participants.csv`, as registered for its workshop. */
export const COSTS_WORKSHOP_PEOPLE = [
  { key: "rosa", fullName: "Rosa Quispe Mamani", email: "socia@minka.test" },
  { key: "teodoro", fullName: "Teodoro Mamani Ccori" },
  { key: "juanaNorte", fullName: "Juana Flores", cooperative: "Cooperativa Agraria Norte", phone: "+51911111111" },
  { key: "juanaSur", fullName: "Juana Flores", cooperative: "Cooperativa Cafetalera Sur", phone: "+51922222222" },
  { key: "elena", fullName: "Elena Choque", phone: "+51987654321" },
  { key: "marco", fullName: "Marco Apaza", email: "marco.apaza@example.org" },
] as const;

/**
 * A past online workshop (sessions on 19 and 26 November 2026, 10:00–11:30 Lima) with the people
 * of the Zoom fixture registered. People already in the database (by e-mail) are reused, so the
 * demo member is Rosa.
 */
export async function makeCostsWorkshop(spec: { facilitatorIds?: number[] } = {}) {
  const db = await getDb();
  const workshop = await makeWorkshop({
    title: "Costos de producción para su cooperativa",
    description: "Cómo calcular lo que cuesta producir un quintal de café, paso a paso.",
    modality: "online",
    facilitatorIds: spec.facilitatorIds,
    sessions: [
      { date: "2026-11-19", start: "10:00", end: "11:30" },
      { date: "2026-11-26", start: "10:00", end: "11:30" },
    ],
  });
  const people = {} as Record<(typeof COSTS_WORKSHOP_PEOPLE)[number]["key"], number>;
  for (const spec of COSTS_WORKSHOP_PEOPLE) {
    const email = "email" in spec ? spec.email : null;
    const existing = email
      ? await db.selectFrom("person").select("id").where("email", "=", email).executeTakeFirst()
      : undefined;
    const personId =
      existing?.id ??
      (await createPerson(db, {
        fullName: spec.fullName,
        email,
        phone: "phone" in spec ? spec.phone : null,
        cooperative: "cooperative" in spec ? spec.cooperative : null,
        consent: { method: "self" },
      }));
    await makeRegistration(workshop.id, { personId, method: "staff", registeredBy: workshop.facilitatorIds[0] });
    people[spec.key] = personId;
  }
  return { ...workshop, people };
}
