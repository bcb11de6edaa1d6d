import { describe, expect, it } from "vitest";
import type { Participant } from "./attendance-import/merge";
import type { ParticipantMatch } from "./attendance-import/match";
import {
  personOption,
  readReviewDecisions,
  reviewQuestions,
  showsGuestLabel,
  timeOnline,
  type ReviewItem,
  type ReviewPerson,
} from "./attendance-review";
import { remainingAsNew, withRemainingAsNew } from "./attendance-review-choices";

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

const person = (id: number, fullName: string, overrides: Partial<ReviewPerson> = {}): ReviewPerson => ({
  id,
  fullName,
  email: null,
  phone: null,
  registered: false,
  cooperative: null,
  birthYear: null,
  ...overrides,
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("the people offered on the review", () => {
  it("are told apart by cooperative, birth year and hints of their contacts, never the full contact", () => {
    const option = personOption(
      person(7, "Juana Flores", {
        cooperative: "Coop Sur",
        region: "PE-CUS",
        birthYear: 1958,
        phone: "+51987654321",
        email: "juana@example.org",
        registered: true,
        lastWorkshop: { title: "Quesos andinos", startsAt: "2026-05-04T15:00:00.000Z", timezone: "America/Lima" },
      }),
    );
    expect(option).toEqual({
      id: 7,
      fullName: "Juana Flores",
      registered: true,
      details: ["Coop Sur", "Cusco", "1958", "…321", "j…a@example.org"],
      lastWorkshop: { title: "Quesos andinos", startsAt: "2026-05-04T15:00:00.000Z", timezone: "America/Lima" },
    });
    expect(personOption(person(8, "Juana Flores")).details).toEqual([]);
  });

  it("start each question at its default, list every known person, and the registered ones by name", () => {
    const participants = [
      participant("L1"),
      participant("L2", { name: "Juana Flores" }),
      participant("L3", { role: "host" }),
      participant("L4", { name: "Nueva" }),
    ];
    const matches = new Map<string, ParticipantMatch>([
      ["L1", { kind: "matched", personId: 1, by: "email" }],
      ["L2", { kind: "probable", candidates: [2, 3] }],
      ["L3", { kind: "matched", personId: 4, by: "name" }],
      ["L4", { kind: "unmatched" }],
    ]);
    const known = [
      person(1, "Rosa Quispe", { registered: true }),
      person(2, "Juana Flores", { registered: true }),
      person(3, "Juana Flores"),
      person(4, "Ángel Host", { registered: true }),
    ];
    const screen = reviewQuestions(participants, matches, known);
    expect(screen.items.map((i) => [i.participant.key, i.match.kind, i.initial])).toEqual([
      ["L1", "matched", "person:1"],
      ["L2", "probable", ""],
      ["L3", "matched", "ignore"],
      // Nobody is added as a new person unless staff say so.
      ["L4", "unmatched", ""],
    ]);
    expect(Object.keys(screen.people).map(Number)).toEqual([1, 2, 3, 4]);
    expect(screen.registered.map((p) => p.fullName)).toEqual(["Ángel Host", "Juana Flores", "Rosa Quispe"]);
  });
});

describe("reading the review's answers", () => {
  const participants = [participant("L1"), participant("L2"), participant("L3"), participant("L4")];

  it("reads a person, new, ignore, and a person chosen from the link list", () => {
    const { decisions, errors } = readReviewDecisions(
      participants,
      form({ "d-L1": "person:5", "d-L2": "new", "d-L3": "ignore", "d-L4": "link", "link-L4": "person:9" }),
    );
    expect(errors).toEqual({});
    expect(Object.fromEntries(decisions)).toEqual({
      L1: { kind: "person", personId: 5 },
      L2: { kind: "new" },
      L3: { kind: "ignore" },
      L4: { kind: "person", personId: 9 },
    });
  });

  it("asks again for a missing or invalid choice, and for a link without a person; nothing is guessed", () => {
    const { decisions, errors } = readReviewDecisions(
      participants,
      form({ "d-L1": "", "d-L2": "person:abc", "d-L3": "link", "link-L3": "" }),
    );
    expect(decisions.size).toBe(0);
    expect(errors).toEqual({
      L1: { key: "attendance.review.chooseRequired" },
      L2: { key: "attendance.review.chooseRequired" },
      L3: { key: "attendance.review.linkRequired" },
      L4: { key: "attendance.review.chooseRequired" },
    });
  });

  it("takes the name staff typed for a new person, tidied, and refuses an empty or overlong one", () => {
    const typed = readReviewDecisions(
      participants.slice(0, 2),
      form({ "d-L1": "new", "name-L1": "  Beto   Ramos Quispe ", "d-L2": "new" }),
    );
    expect(typed.errors).toEqual({});
    expect(Object.fromEntries(typed.decisions)).toEqual({
      L1: { kind: "new", fullName: "Beto Ramos Quispe" },
      L2: { kind: "new" },
    });
    const bad = readReviewDecisions(
      participants.slice(0, 2),
      form({ "d-L1": "new", "name-L1": "   ", "d-L2": "new", "name-L2": "x".repeat(121) }),
    );
    expect(bad.decisions.size).toBe(0);
    expect(bad.errors).toEqual({
      L1: { key: "attendance.review.nameRequired" },
      L2: { key: "attendance.review.nameTooLong", vars: { max: 120 } },
    });
  });
});

describe("adding the remaining people as new", () => {
  const item = (key: string, match: ParticipantMatch, initial: string, overrides: Partial<Participant> = {}) =>
    ({ participant: participant(key, overrides), match, initial }) as ReviewItem;
  const items = [
    item("L1", { kind: "matched", personId: 1, by: "email" }, "person:1"),
    item("L2", { kind: "probable", candidates: [2] }, ""),
    item("L3", { kind: "unmatched" }, "", { role: "host" }),
    item("L4", { kind: "unmatched" }, ""),
    item("L5", { kind: "unmatched" }, ""),
    item("L6", { kind: "unmatched" }, ""),
  ];
  items[2].initial = "ignore";

  it("counts the rows not recognised that have no choice yet, on the page and after a refused post", () => {
    expect(remainingAsNew(items, {}).map((i) => i.participant.key)).toEqual(["L4", "L5", "L6"]);
    expect(remainingAsNew(items, { "d-L4": "ignore", "d-L5": "" }).map((i) => i.participant.key)).toEqual(["L5", "L6"]);
  });

  it("fills only those with new, keeps every choice made, and leaves a probable match for staff", () => {
    const posted = { intent: "newForRest", "d-L1": "person:1", "d-L3": "ignore", "d-L4": "ignore", "name-L5": "Eva" };
    const filled = withRemainingAsNew(items, posted);
    expect(filled).toEqual({ ...posted, "d-L5": "new", "d-L6": "new" });
    const { decisions, errors } = readReviewDecisions(
      items.map((i) => i.participant),
      new Map(Object.entries(filled)),
    );
    expect(errors).toEqual({ L2: { key: "attendance.review.chooseRequired" } });
    expect(Object.fromEntries(decisions)).toEqual({
      L1: { kind: "person", personId: 1 },
      L3: { kind: "ignore" },
      L4: { kind: "ignore" },
      L5: { kind: "new", fullName: "Eva" },
      L6: { kind: "new" },
    });
  });
});

describe("what the review says about a participant", () => {
  const at = (time: string) => `2026-11-19T${time}:00.000Z`;

  it("says the joins were counted once when two of them overlapped", () => {
    const twoDevices = participant("L1", {
      joins: 2,
      seconds: 120 * 60,
      intervals: [
        [at("15:00"), at("16:30")],
        [at("16:00"), at("17:00")],
      ],
    });
    expect(timeOnline(twoDevices)).toEqual([
      { key: "attendance.review.joinsOverlap", vars: { count: 2, minutes: 120 } },
    ]);
  });

  it("says the joins were added up when they did not overlap, and only the minutes for one join", () => {
    const rejoined = participant("L1", {
      joins: 2,
      seconds: 90 * 60,
      intervals: [
        [at("15:00"), at("16:00")],
        [at("16:10"), at("16:40")],
      ],
    });
    expect(timeOnline(rejoined)).toEqual([
      { key: "attendance.review.participant", vars: { minutes: 90 } },
      { key: "attendance.review.joins", vars: { count: 2 } },
    ]);
    expect(timeOnline(participant("L2"))).toEqual([{ key: "attendance.review.participant", vars: { minutes: 30 } }]);
  });

  it("never calls a recognised person, or one the report gives an e-mail for, someone without an account", () => {
    const guest = { guest: true };
    const row = (match: ParticipantMatch, overrides: Partial<Participant> = {}) =>
      ({ participant: participant("L1", { ...guest, ...overrides }), match, initial: "" }) as ReviewItem;
    expect(showsGuestLabel(row({ kind: "matched", personId: 1, by: "email" }, { email: "rosa@example.org" }))).toBe(
      false,
    );
    expect(showsGuestLabel(row({ kind: "matched", personId: 1, by: "name" }))).toBe(false);
    expect(showsGuestLabel(row({ kind: "probable", candidates: [1] }, { email: "rosa@example.org" }))).toBe(false);
    expect(showsGuestLabel(row({ kind: "unmatched" }))).toBe(true);
    expect(showsGuestLabel(row({ kind: "unmatched" }, { guest: false }))).toBe(false);
  });
});
