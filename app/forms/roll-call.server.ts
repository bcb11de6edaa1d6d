import { z } from "zod";
import { ROLL_CALL_STATUSES } from "../domain/attendance-rule";

const notOnRoll = "attendance.rollCall.notOnRoll";

/** One tap on the roll call (JavaScript on): a person and their mark. Whether they are on the list is the model's to say. */
export const RollCallMarkSchema = z.object({
  personId: z.coerce.number({ error: notOnRoll }).int({ error: notOnRoll }),
  status: z.enum(ROLL_CALL_STATUSES, { error: notOnRoll }),
});
