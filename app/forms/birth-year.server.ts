import { readBirthYear } from "../domain/birth-year";
import type { MessageKey } from "../i18n/keys";
import { text } from "./fields.server";

const MESSAGES: Record<"notAYear" | "tooEarly" | "inFuture", MessageKey> = {
  notAYear: "people.birthYear.errors.notAYear",
  tooEarly: "people.birthYear.errors.tooEarly",
  inFuture: "people.birthYear.errors.inFuture",
};

/** An optional birth year as every person form asks it (domain/birth-year.ts): null when empty. */
export function birthYearField() {
  return text().transform((typed, ctx) => {
    const reading = readBirthYear(typed);
    if (reading.ok) return reading.year;
    ctx.addIssue({ code: "custom", input: typed, message: MESSAGES[reading.problem] });
    return null;
  });
}
