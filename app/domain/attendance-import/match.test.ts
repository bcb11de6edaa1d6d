import { describe, expect, it } from "vitest";
import { matchParticipants, type KnownPerson } from "./match";
import type { Participant } from "./merge";

function participant(key: string, overrides: Partial<Participant> = {}): Participant {
  return {
    key,
    name: "Nadie",
    otherNames: [],
    email: null,
    phone: null,
    seconds: 3600,
    timed: true,
    intervals: [],
    joins: 1,
    present: null,
    guest: true,
    role: "attendee",
    lines: [2],
    ...overrides,
  };
}

const people: KnownPerson[] = [
  { id: 1, fullName: "Rosa Quispe Mamani", email: "socia@minka.test", phone: null, registered: true },
  { id: 2, fullName: "Teodoro Mamani Ccori", email: null, phone: null, registered: true },
  { id: 3, fullName: "Juana Flores", email: null, phone: "+51911111111", registered: true },
  { id: 4, fullName: "Juana Flores", email: "jflores@coop-sur.pe", phone: null, registered: true },
  { id: 5, fullName: "Elena Choque", email: null, phone: "+51987654321", registered: true },
  { id: 6, fullName: "Rosa Quispe Mamani", email: "rosa.otra@example.org", phone: null, registered: false },
  { id: 7, fullName: "Pedro Ccama Huarca", email: null, phone: null, registered: false },
];

describe("matchParticipants", () => {
  it("matches by e-mail, preferring the registered person", () => {
    const m = matchParticipants([participant("a", { name: "QUISPE MAMANI, Rosa", email: "socia@minka.test" })], people);
    expect(m.get("a")).toEqual({ kind: "matched", personId: 1, by: "email" });
  });

  it("asks when the contact belongs to someone with another name (never a silent swap)", () => {
    const m = matchParticipants(
      [
        participant("a", { name: "Rosita", email: "socia@minka.test" }),
        participant("b", { name: "Carmen Ccori", phone: "+51987654321" }),
        participant("c", { name: "Rosita", otherNames: ["Rosa Quispe Mamani"], email: "socia@minka.test" }),
      ],
      people,
    );
    expect(m.get("a")).toEqual({ kind: "probable", candidates: [1] });
    expect(m.get("b")).toEqual({ kind: "probable", candidates: [5] });
    // One of the names it showed up under is the person's: that is them.
    expect(m.get("c")).toEqual({ kind: "matched", personId: 1, by: "email" });
  });

  it("matches by phone when there is no e-mail match", () => {
    const m = matchParticipants([participant("a", { name: "+51 987 654 321", phone: "+51987654321" })], people);
    expect(m.get("a")).toEqual({ kind: "matched", personId: 5, by: "phone" });
  });

  it("matches by name, ignoring accents, case, word order and a rename", () => {
    const m = matchParticipants(
      [
        participant("a", { name: "MAMANI CCORI, teodoro", otherNames: ["Teo"] }),
        participant("b", { name: "Rosa Quispe Mamani" }),
      ],
      people,
    );
    expect(m.get("a")).toEqual({ kind: "matched", personId: 2, by: "name" });
    // Registered people come first: the unregistered namesake (6) is not even a candidate for a match by name.
    expect(m.get("b")).toEqual({ kind: "matched", personId: 1, by: "name" });
  });

  it("asks to choose when two registered people share the name", () => {
    const m = matchParticipants([participant("a", { name: "juana flores" })], people);
    expect(m.get("a")).toEqual({ kind: "probable", candidates: [3, 4] });
  });

  it("asks to choose when two participants claim one name, or the person was already identified by e-mail", () => {
    const m = matchParticipants(
      [participant("a", { name: "Teodoro Mamani Ccori" }), participant("b", { name: "Teodoro Mamani Ccori" })],
      people,
    );
    expect(m.get("a")).toEqual({ kind: "probable", candidates: [2] });
    expect(m.get("b")).toEqual({ kind: "probable", candidates: [2] });
    const n = matchParticipants(
      [
        participant("a", { name: "Rosa Quispe Mamani", email: "socia@minka.test" }),
        participant("b", { name: "Rosa Quispe Mamani" }),
      ],
      people,
    );
    expect(n.get("b")).toEqual({ kind: "probable", candidates: [1, 6] });
  });

  it("does not take a person signed in with another e-mail for the registered namesake", () => {
    const m = matchParticipants(
      [participant("a", { name: "Teodoro Mamani Ccori", email: "teo@otro.pe" })],
      [{ ...people[1], email: "teodoro@coop.pe" }],
    );
    expect(m.get("a")).toEqual({ kind: "probable", candidates: [2] });
  });

  it("offers registered people whose name contains the participant's (two words or more)", () => {
    const m = matchParticipants(
      [participant("a", { name: "Rosa Quispe" }), participant("b", { name: "Rosa" })],
      people,
    );
    expect(m.get("a")).toEqual({ kind: "probable", candidates: [1] });
    expect(m.get("b")).toEqual({ kind: "unmatched" });
  });

  it("offers unregistered people with exactly the name as candidates only", () => {
    const m = matchParticipants([participant("a", { name: "Pedro Ccama Huarca" })], people);
    expect(m.get("a")).toEqual({ kind: "probable", candidates: [7] });
  });

  it("leaves strangers unmatched", () => {
    const m = matchParticipants([participant("a", { name: "Galaxy A12" })], people);
    expect(m.get("a")).toEqual({ kind: "unmatched" });
  });
});
