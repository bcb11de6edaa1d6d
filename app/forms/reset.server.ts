import { z } from "zod";
import { newPassword, requiredText, text } from "./fields.server";

export const CodeSchema = z.object({
  identifier: requiredText("reset.staff.invalidIdentifier", "reset.staff.invalidIdentifier", 254),
  code: requiredText("reset.code.invalid", "reset.code.invalid", 20),
  password: newPassword(),
});

/** The link's token travels in a hidden field; a wrong one is refused by the reset itself. */
export const NewPasswordSchema = z.object({ token: text(), password: newPassword() });

/** Staff issuing a reset code: the login as typed (cut to a sane length); the action says whose it is. */
export const StaffCodeSchema = z.object({
  identifier: z.preprocess((value) => (typeof value === "string" ? value.slice(0, 300) : ""), z.string()),
});
