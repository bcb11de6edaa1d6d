import { z } from "zod";
import { MAX_CARDS_PER_SHEET } from "../models/access-card.server";

/** Staff printing cards: how many distinct cards go on the sheet (1–8; empty means one). */
export const IssueCardsSchema = z.object({
  copies: z.preprocess(
    (value) => (value === undefined || value === "" ? 1 : Number(value)),
    z.number().int().min(1).max(MAX_CARDS_PER_SHEET),
  ),
});

/** Revoking one card: its id. Whose card it is, the model checks. */
export const RevokeCardSchema = z.object({
  card: z.preprocess((value) => Number(value), z.number().int().positive()),
});

/** "Entrar con el código de su tarjeta": both fields are tried as typed; any mismatch gets one answer. */
export const CardCodeSchema = z.object({
  code: z.preprocess(
    (value) => (typeof value === "string" ? value.slice(0, 40) : ""),
    z.string().trim().min(1, { error: "access.code.required" }),
  ),
  phone: z.preprocess(
    (value) => (typeof value === "string" ? value.slice(0, 40) : ""),
    z.string().trim().min(1, { error: "access.code.required" }),
  ),
});
