import { z } from "zod";
import { text } from "./fields.server";

/**
 * Logging in: whatever was typed is tried (cut to a sane length), so a wrong
 * login and a wrong password get the same answer; only empty fields are refused here.
 */
export const LoginSchema = z.object({
  identifier: text()
    .transform((value) => value.slice(0, 300))
    .pipe(z.string().min(1, { error: "auth.login.required" })),
  password: z.preprocess(
    (value) => (typeof value === "string" ? value.slice(0, 1000) : ""),
    z.string().min(1, { error: "auth.login.passwordRequired" }),
  ),
});

/** Asking for a reset link: the address is checked by the action (it answers the same whether or not it exists). */
export const ForgotPasswordSchema = z.object({
  identifier: z.preprocess((value) => (typeof value === "string" ? value.slice(0, 300) : ""), z.string()),
});
