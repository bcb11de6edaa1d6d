import type { Role } from "../../db/schema";

// Each role can do everything the roles before it can.
const RANK: Record<Role, number> = { member: 0, facilitator: 1, manager: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
