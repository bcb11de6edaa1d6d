import { describe, expect, it } from "vitest";
import { ROLES } from "../../db/schema";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("lets each role do what the roles below it can, and no more", () => {
    const allowed = ROLES.flatMap((actual) =>
      ROLES.filter((required) => hasRole(actual, required)).map((r) => `${actual}>=${r}`),
    );
    expect(allowed).toEqual([
      "member>=member",
      "facilitator>=member",
      "facilitator>=facilitator",
      "manager>=member",
      "manager>=facilitator",
      "manager>=manager",
      "admin>=member",
      "admin>=facilitator",
      "admin>=manager",
      "admin>=admin",
    ]);
  });
});
