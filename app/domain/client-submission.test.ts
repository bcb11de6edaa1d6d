import { describe, expect, it } from "vitest";
import { readClientSubmission } from "./client-submission";

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("readClientSubmission", () => {
  it("accepts no client id: a form sent without JavaScript", () => {
    expect(readClientSubmission(form({}), 7)).toEqual({ ok: true, clientId: null });
    expect(readClientSubmission(form({ clientId: "" }), null)).toEqual({ ok: true, clientId: null });
  });

  it("accepts a browser's random UUID, in lower case", () => {
    const id = crypto.randomUUID();
    expect(readClientSubmission(form({ clientId: id, account: "7" }), 7)).toEqual({ ok: true, clientId: id });
    expect(readClientSubmission(form({ clientId: id.toUpperCase() }), 7)).toEqual({ ok: true, clientId: id });
  });

  it("refuses anything else as a client id", () => {
    for (const bad of [
      "1",
      "not-a-uuid-not-a-uuid-not-a-uuid-xx",
      "00000000-0000-0000-0000-000000000000",
      crypto.randomUUID() + "a",
      " " + crypto.randomUUID().slice(1),
      "x".repeat(5000),
    ])
      expect(readClientSubmission(form({ clientId: bad }), 7)).toEqual({ ok: false, reason: "badClientId" });
  });

  it("refuses a submission kept for another account, or for a signed-in account when nobody is signed in", () => {
    const clientId = crypto.randomUUID();
    expect(readClientSubmission(form({ clientId, account: "8" }), 7)).toEqual({ ok: false, reason: "otherAccount" });
    expect(readClientSubmission(form({ clientId, account: "8" }), null)).toEqual({
      ok: false,
      reason: "otherAccount",
    });
  });
});
