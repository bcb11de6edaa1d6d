import { z } from "zod";
import { requiredText, text } from "./fields.server";

export const CORRECTION_REASON_MAX = 500;
/** Minutes online set by hand: a whole number from 0 to a day. */
export const CORRECTED_MINUTES_MAX = 1440;

const minutesInvalid = "attendance.correct.errors.minutesInvalid";

/**
 * A hand correction of one person's session (routes/staff.workshops.$id_.sessions.$sessionId.correct.$personId.tsx):
 * present / absent (wins over the mark and the minutes) or "by the minutes" (no status correction),
 * minutes online by hand (empty: the imported ones), and a required reason.
 */
export const AttendanceCorrectionSchema = z.object({
  status: z.enum(["present", "absent", "minutes"], { error: "attendance.correct.errors.statusRequired" }),
  minutes: text()
    .pipe(z.string().regex(/^\d{0,4}$/, { error: minutesInvalid }))
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || value <= CORRECTED_MINUTES_MAX, { error: minutesInvalid }),
  reason: requiredText(
    "attendance.correct.errors.reasonRequired",
    "attendance.correct.errors.reasonTooLong",
    CORRECTION_REASON_MAX,
  ),
});
