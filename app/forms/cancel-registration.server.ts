import { z } from "zod";
import { requiredText } from "./fields.server";

export const CANCEL_REASON_MAX = 500;

/** Staff cancelling a registration (routes/staff.workshops.$id.cancel.tsx): which one, and why. */
export const CancelRegistrationSchema = z.object({
  registrationId: z
    .preprocess((v) => (typeof v === "string" ? v : ""), z.string().regex(/^\d{1,12}$/))
    .transform(Number),
  reason: requiredText(
    "identity.cancel.errors.reasonRequired",
    "identity.cancel.errors.reasonTooLong",
    CANCEL_REASON_MAX,
  ),
});
