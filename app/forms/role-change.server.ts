import { z } from "zod";
import { ROLES } from "../../db/schema";

/** An admin's change of one account's role (the accounts list). The invalid role is named first, as the form shows one message. */
export const RoleChangeSchema = z.object({
  role: z.enum(ROLES, { error: "admin.accounts.invalidRole" }),
  accountId: z.coerce.number({ error: "admin.accounts.notFound" }).int({ error: "admin.accounts.notFound" }),
});
