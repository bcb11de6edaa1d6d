import { z } from "zod";
import { text } from "./fields.server";

/** Confirming a previewed enrolment list: the kept list's id (anything else is "gone") and the consent box. */
export const EnrolmentCommitSchema = z.object({
  uploadId: text()
    .pipe(z.string().regex(/^[1-9]\d{0,11}$/, { error: "learning.import.fileProblems.gone" }))
    .transform(Number),
  consent: z.preprocess((value) => value === "on", z.boolean()),
});
