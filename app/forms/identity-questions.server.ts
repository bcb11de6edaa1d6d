import type { CandidateView } from "../components/person-candidate";
import type { ConfirmView, DifferencesView } from "../components/identity-questions";
import type { FieldErrors } from "./failure";
import type { WalkInOutcome } from "../models/walk-in.server";

export interface IdentityQuestion {
  errors: FieldErrors;
  candidates?: CandidateView[];
  confirm?: ConfirmView;
  differences?: DifferencesView;
}

/**
 * The assisted-registration form's questions about who the person is (walk-in and roll call):
 * similar names to choose from, "¿es ella?", or details that differ from the record. A question
 * asked again after a submit without an answer carries the "choose one" error.
 */
export function identityQuestion(outcome: WalkInOutcome, values: Record<string, string>): IdentityQuestion | null {
  const unanswered = values.choice !== undefined && values.choice === "";
  switch (outcome.kind) {
    case "choose":
      return {
        errors: values.choice === undefined ? {} : { choice: { key: "workshops.walkIn.errors.chooseRequired" } },
        candidates: outcome.candidates,
      };
    case "confirm":
      return {
        errors: unanswered ? { choice: { key: "identity.confirm.required" } } : {},
        confirm: { person: outcome.person, matchedBy: outcome.matchedBy },
      };
    case "differences":
      return { errors: {}, differences: { person: outcome.person, differences: outcome.differences } };
    default:
      return null;
  }
}
