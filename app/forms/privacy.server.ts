import { z } from "zod";

/** An admin's erasure of one person (the list's "Erase" button). */
export const ErasureSchema = z.object({
  personId: z.coerce
    .number({ error: "privacy.admin.notFound" })
    .int({ error: "privacy.admin.notFound" })
    .positive({ error: "privacy.admin.notFound" }),
});
