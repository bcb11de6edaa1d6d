import type { DB } from "../utils/db.server";
import { writeTransaction } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { enrolPerson, type EnrolOutcome } from "./enrolment.server";
import { resolvePerson, type PersonCandidate } from "./person-resolution.server";

/** A person offered under "¿es alguna de estas personas?" (describeCandidates: contacts only as hints). */
export type EnrolCandidate = PersonCandidate;

export type StaffEnrolResult =
  | { kind: "done"; outcome: EnrolOutcome; personId: number; fullName: string }
  | { kind: "similar"; candidates: EnrolCandidate[] }
  /** The typed contact is this person's, who has another name: "¿es ella?" before anything is written. */
  | { kind: "confirm"; person: EnrolCandidate; matchedBy: "email" | "phone" }
  | { kind: "notOffered" }
  | { kind: "consentRequired" };

/**
 * Staff enrol one person, who may have no login:
 * - "match": the person with this e-mail or phone (staff confirm first when that person has
 *   another name: "confirm", answered with "choose" or "create"); else, if people with a similar
 *   name exist, ask staff to choose; else register a new person.
 * - "choose": the person staff picked from the similar names. The id comes from the
 *   browser: it counts only if the same name offers it again, or the person is already
 *   on the course; anything else is "notOffered" and writes nothing.
 * - "create": staff said it is someone new.
 * One write transaction, so a double submit never registers the person twice. Every
 * enrolment of an existing person, and every person created, is audit-logged.
 */
export async function enrolByStaff(
  db: DB,
  input: {
    courseId: number;
    staffAccountId: number;
    mode: "match" | "choose" | "create";
    chosenPersonId?: number;
    fullName: string;
    email: string | null;
    phone: string | null;
    /** For a new person; a person found keeps what is stored (PersonDetails carries it for comparison). */
    country?: string | null;
    region?: string | null;
    /** The person agreed (verbally) to the use of their data: needed only to register someone new. */
    consentGiven: boolean;
  },
): Promise<StaffEnrolResult> {
  return writeTransaction(db, async (tx) => {
    const resolved = await resolvePerson(tx, {
      details: {
        fullName: input.fullName,
        email: input.email,
        phone: input.phone,
        country: input.country ?? null,
        region: input.region ?? null,
      },
      choice: input.mode === "choose" ? (input.chosenPersonId ?? -1) : input.mode === "create" ? "new" : null,
      askOnSimilarName: true,
      consent: input.consentGiven ? "given" : "missing",
      scope: { courseId: input.courseId },
      actorAccountId: input.staffAccountId,
      audit: { action: "person.create.assisted", details: { courseId: input.courseId } },
    });
    if (resolved.kind === "refused") return { kind: resolved.reason } as const;
    if (resolved.kind === "choose") return { kind: "similar", candidates: resolved.candidates } as const;
    if (resolved.kind === "confirm")
      return { kind: "confirm", person: resolved.person, matchedBy: resolved.matchedBy } as const;
    if (resolved.kind === "differences") throw new Error("Staff enrolment does not ask about differing details");
    const { person } = resolved;
    const outcome = await enrolPerson(tx, {
      personId: person.id,
      courseId: input.courseId,
      method: "staff",
      enrolledBy: input.staffAccountId,
    });
    if (resolved.kind === "found") {
      await recordAudit(tx, {
        actorAccountId: input.staffAccountId,
        action: "enrolment.assisted",
        subjectType: "person",
        subjectId: person.id,
        details: { courseId: input.courseId, outcome, matchedBy: resolved.matchedBy },
      });
    }
    return { kind: "done", outcome, personId: person.id, fullName: person.fullName } as const;
  });
}
