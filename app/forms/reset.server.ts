import { z } from "zod";
import { newPassword, requiredText } from "../utils/schema.server";

export const CodeSchema = z.object({
  identifier: requiredText("reset.staff.invalidIdentifier", "reset.staff.invalidIdentifier", 254),
  code: requiredText("reset.code.invalid", "reset.code.invalid", 20),
  password: newPassword(),
});

export const NewPasswordSchema = z.object({ password: newPassword() });
