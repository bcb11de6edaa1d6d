import type { DB } from "../utils/db.server";
import { writeTransaction } from "../utils/db.server";
import { enrolPerson, type EnrolOutcome } from "./enrolment.server";
import { createPerson, findPersonByContact, findPersonsWithSimilarName } from "./person.server";

export type StaffEnrolResult =
  | { kind: "done"; outcome: EnrolOutcome; personId: number; fullName: string }
  | { kind: "similar"; candidates: Array<{ id: number; fullName: string; contact: string | null }> }
  | { kind: "personNotFound" }
  | { kind: "consentRequired" };

/**
 * Staff enrol one person, who may have no login:
 * - "match": the person with this e-mail or phone; else, if people with a similar
 *   name exist, ask staff to choose; else register a new person.
 * - "choose": the person staff picked from the similar names.
 * - "create": staff said it is someone new.
 * One write transaction, so a double submit never registers the person twice.
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
    if (input.mode === "choose") {
      person = await tx.selectFrom("person").select(["id", "full_name"]).where("id", "=", input.chosenPersonId ?? -1).executeTakeFirst();
      if (!person) return { kind: "personNotFound" } as const;
    } else {
      person = await findPersonByContact(tx, { email: input.email, phone: input.phone });
      if (!person && input.mode === "match") {
        const similar = await findPersonsWithSimilarName(tx, input.fullName);
        if (similar.length > 0) {
          return {
            kind: "similar",
            candidates: similar.map((p) => ({ id: p.id, fullName: p.full_name, contact: p.email ?? p.phone })),
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
      }
    }
    const outcome = await enrolPerson(tx, { personId: person.id, courseId: input.courseId, method: "staff", enrolledBy: input.staffAccountId });
    return { kind: "done", outcome, personId: person.id, fullName: person.full_name } as const;
  });
}
