import { z } from "zod";

const id = z.coerce.number().int().positive();
export const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("merge"), a: id, b: id, keep: id }),
  z.object({ intent: z.literal("distinct"), a: id, b: id }),
]);
