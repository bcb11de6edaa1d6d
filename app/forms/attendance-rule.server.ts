import { z } from "zod";
import { MIN_MINUTES_RANGE } from "../domain/attendance-rule";
import { text } from "./fields.server";

const invalid = "attendance.rule.errors.amountInvalid";

/** The attendance rule: minutes online, or a share (1–100 %) of the sessions' length, converted to minutes by the action. */
export const AttendanceRuleSchema = z
  .object({
    kind: z.enum(["minutes", "percent"]).catch("minutes"),
    amount: text()
      .pipe(z.string().regex(/^\d{1,4}$/, { error: invalid }))
      .transform(Number),
  })
  .refine(
    ({ kind, amount }) =>
      kind === "minutes"
        ? amount >= MIN_MINUTES_RANGE.min && amount <= MIN_MINUTES_RANGE.max
        : amount >= 1 && amount <= 100,
    { error: invalid, path: ["amount"] },
  );
