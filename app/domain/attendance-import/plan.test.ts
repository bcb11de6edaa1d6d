import { describe, expect, it } from "vitest";
import type { Participant } from "./merge";
import { decisionValue, defaultDecision, planImport, readDecision, type Decision } from "./plan";

function participant(key: string, overrides: Partial<Participant> = {}): Participant {
  return {
    key,
    name: "Rosa Quispe",
    otherNames: [],
    email: null,
    phone: null,
    seconds: 1800,
    timed: true,
    intervals: [],
    joins: 1,
    present: null,
    guest: false,
    role: "attendee",
    lines: [2],
    ...overrides,
  };
}

describe("decisions", () => {
  it("round-trip through form values and refuse anything else", () => {
    for (const d of [{ kind: "new" }, { kind: "ignore" }, { kind: "person", personId: 42 }] as Decision[]) {
      expect(readDecision(decisionValue(d))).toEqual(d);
    }
    expect(readDecision("person:abc")).toBeNull();
    expect(readDecision("delete")).toBeNull();
    expect(readDecision(undefined)).toBeNull();
  });

  it("start as the match, ignore for hosts, and nothing for a probable match or a stranger: staff choose", () => {
    expect(defaultDecision(participant("a"), { kind: "matched", personId: 3, by: "email" })).toEqual({
      kind: "person",
      personId: 3,
    });
    expect(defaultDecision(participant("a"), { kind: "probable", candidates: [3, 4] })).toBeNull();
    expect(defaultDecision(participant("a", { role: "host" }), { kind: "unmatched" })).toEqual({ kind: "ignore" });
    expect(
      defaultDecision(participant("a", { role: "panelist" }), { kind: "matched", personId: 3, by: "email" }),
    ).toEqual({ kind: "ignore" });
    // Adding a stranger as a new person is a choice staff make (or "add all remaining"), never the default.
    expect(defaultDecision(participant("a"), { kind: "unmatched" })).toBeNull();
  });
});

describe("planImport", () => {
  it("needs a decision for every participant", () => {
    const result = planImport(
      [participant("a"), participant("b")],
      new Map([["a", { kind: "ignore" }]]),
      "zoom-meeting",
    );
    expect(result).toEqual({ ok: false, undecided: ["b"] });
  });

  it("makes one entry per person, new people from their report details, and counts the ignored", () => {
    const result = planImport(
      [
        participant("a", { seconds: 1500, intervals: [["2026-01-01T10:00:00Z", "2026-01-01T10:25:00Z"]] }),
        participant("b", {
          name: "Galaxy",
          seconds: 1200,
          intervals: [["2026-01-01T10:20:00Z", "2026-01-01T10:40:00Z"]],
        }),
        participant("c", { name: "Pedro", email: "pedro@x.pe", seconds: 600 }),
        participant("d", { role: "host" }),
      ],
      new Map<string, Decision>([
        ["a", { kind: "person", personId: 9 }],
        ["b", { kind: "person", personId: 9 }],
        ["c", { kind: "new" }],
        ["d", { kind: "ignore" }],
      ]),
      "zoom-meeting",
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        ignored: 1,
        entries: [
          {
            personId: null,
            newPerson: { fullName: "Pedro", email: "pedro@x.pe", phone: null },
            participantKeys: ["c"],
            minutes: 10,
            present: null,
          },
          // 25 + 20 minutes with 5 shared.
          { personId: 9, newPerson: null, participantKeys: ["a", "b"], minutes: 40, present: null },
        ],
      },
    });
  });
});

describe("a new person's name", () => {
  it("is the one staff typed in the review, or else the participant's best name", () => {
    const result = planImport(
      [participant("L1", { name: "Beto" }), participant("L2", { name: "Ana Torres" })],
      new Map<string, Decision>([
        ["L1", { kind: "new", fullName: "Beto Ramos Quispe" }],
        ["L2", { kind: "new" }],
      ]),
      "zoom-meeting",
    );
    expect(result.ok && result.plan.entries.map((entry) => entry.newPerson?.fullName)).toEqual([
      "Beto Ramos Quispe",
      "Ana Torres",
    ]);
  });
});
