import { contactHint } from "../domain/contact";
import type { DB } from "../utils/db.server";
import { writeTransaction } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { enrolPerson, type EnrolOutcome } from "./enrolment.server";
import { createPerson, findPersonByContact, findPersonsWithSimilarName } from "./person.server";

/** A person offered under "¿es alguna de estas personas?": the contact only as a hint. */
export interface EnrolCandidate {
  id: number;
  fullName: string;
  contactHint: string | null;
}

export type StaffEnrolResult =
  | { kind: "done"; outcome: EnrolOutcome; personId: number; fullName: string }
  | { kind: "similar"; candidates: EnrolCandidate[] }
  | { kind: "notOffered" }
  | { kind: "consentRequired" };

/**
 * Staff enrol one person, who may have no login:
 * - "match": the person with this e-mail or phone; else, if people with a similar
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
    /** The person agreed (verbally) to the use of their data: needed only to register someone new. */
    consentGiven: boolean;
  },
): Promise<StaffEnrolResult> {
  return writeTransaction(db, async (tx) => {
    let person: { id: number; full_name: string } | undefined;
    let matchedBy: "email" | "phone" | "choice" | null = null;
    if (input.mode === "choose") {
      const chosen = input.chosenPersonId ?? -1;
      const offered = (await findPersonsWithSimilarName(tx, input.fullName)).some((p) => p.id === chosen);
      const onCourse =
        offered ||
        (await tx.selectFrom("enrolment").select("id").where("course_id", "=", input.courseId).where("person_id", "=", chosen).executeTakeFirst()) !== undefined;
      if (!offered && !onCourse) return { kind: "notOffered" } as const;
      person = await tx.selectFrom("person").select(["id", "full_name"]).where("id", "=", chosen).where("erased_at", "is", null).executeTakeFirst();
      if (!person) return { kind: "notOffered" } as const;
      matchedBy = "choice";
    } else {
      const byContact = await findPersonByContact(tx, { email: input.email, phone: input.phone });
      if (byContact) {
        person = byContact;
        matchedBy = byContact.email !== null && byContact.email === input.email ? "email" : "phone";
      }
      if (!person && input.mode === "match") {
        const similar = await findPersonsWithSimilarName(tx, input.fullName);
        if (similar.length > 0) {
          return {
            kind: "similar",
            candidates: similar.map((p) => ({ id: p.id, fullName: p.full_name, contactHint: contactHint(p.email ?? p.phone) })),
          } as const;
        }
      }
      if (!person) {
        if (!input.consentGiven) return { kind: "consentRequired" } as const;
        const id = await createPerson(tx, {
          fullName: input.fullName,
          email: input.email,
          phone: input.phone,
          consent: { method: "staff", recordedBy: input.staffAccountId },
        });
        person = { id, full_name: input.fullName };
        await recordAudit(tx, { actorAccountId: input.staffAccountId, action: "person.create.assisted", subjectType: "person", subjectId: id, details: { courseId: input.courseId } });
      }
    }
    const outcome = await enrolPerson(tx, { personId: person.id, courseId: input.courseId, method: "staff", enrolledBy: input.staffAccountId });
    if (matchedBy) {
      await recordAudit(tx, {
        actorAccountId: input.staffAccountId,
        action: "enrolment.assisted",
        subjectType: "person",
        subjectId: person.id,
        details: { courseId: input.courseId, outcome, matchedBy },
      });
    }
    return { kind: "done", outcome, personId: person.id, fullName: person.full_name } as const;
  });
}
