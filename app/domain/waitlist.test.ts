import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byArrival, freeSeats, placeFor, registrationRefusal, toPromote, waitlistPosition } from "./waitlist";

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe("seats", () => {
  it("seats people until the capacity is reached, then waitlists them", () => {
    expect(placeFor(2, 0, "self")).toBe("registered");
    expect(placeFor(2, 1, "staff")).toBe("registered");
    expect(placeFor(2, 2, "self")).toBe("waitlisted");
    expect(placeFor(2, 5, "import")).toBe("waitlisted");
  });
  it("never fills a workshop without capacity", () => {
    expect(placeFor(null, 10_000, "self")).toBe("registered");
    expect(freeSeats(null, 3)).toBe(Number.POSITIVE_INFINITY);
  });
  it("gives walk-ins a seat even when the advance places are taken", () => {
    expect(placeFor(2, 2, "walk_in")).toBe("registered");
  });
  it("counts no negative free seats when over capacity", () => {
    expect(freeSeats(2, 3)).toBe(0);
  });
});

describe("waitlist order", () => {
  const waitlist = [
    { id: 7, created_at: at(5) },
    { id: 3, created_at: at(1) },
    { id: 9, created_at: at(1) },
    { id: 4, created_at: at(3) },
  ];
  it("orders by arrival time, then by insertion order for the same instant", () => {
    expect([...waitlist].sort(byArrival).map((w) => w.id)).toEqual([3, 9, 4, 7]);
  });
  it("gives 1-based positions, and none to people not waiting", () => {
    expect(waitlistPosition(waitlist, 3)).toBe(1);
    expect(waitlistPosition(waitlist, 9)).toBe(2);
    expect(waitlistPosition(waitlist, 7)).toBe(4);
    expect(waitlistPosition(waitlist, 99)).toBeNull();
  });
  it("promotes the first people in line into the free seats only", () => {
    expect(toPromote(waitlist, 10, 8).map((w) => w.id)).toEqual([3, 9]);
    expect(toPromote(waitlist, 10, 10)).toEqual([]);
    expect(toPromote(waitlist, 10, 12)).toEqual([]);
    expect(toPromote(waitlist, null, 50).map((w) => w.id)).toEqual([3, 9, 4, 7]);
  });
  it("never promotes more than the free seats, and always the earliest arrivals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.nat(), created_at: fc.integer({ min: 0, max: 59 }).map(at) }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 45 }),
        (entries, capacity, registered) => {
          const unique = [...new Map(entries.map((e) => [e.id, e])).values()];
          const promoted = toPromote(unique, capacity, registered);
          expect(promoted.length).toBe(Math.min(unique.length, Math.max(0, capacity - registered)));
          const rest = unique.filter((e) => !promoted.includes(e));
          for (const p of promoted) for (const r of rest) expect(byArrival(p, r)).toBeLessThan(0);
        },
      ),
    );
  });
});

describe("registrationRefusal", () => {
  const now = "2026-03-10T12:00:00.000Z";
  const future = [{ ends_at: "2026-03-20T17:00:00.000Z" }];
  const open = { status: "published" as const, registration_opens_at: null, registration_closes_at: null };

  it("accepts a published, upcoming workshop with an open window", () => {
    expect(registrationRefusal(open, future, "self", now)).toBeNull();
    expect(
      registrationRefusal(
        {
          ...open,
          registration_opens_at: "2026-03-01T00:00:00.000Z",
          registration_closes_at: "2026-03-19T00:00:00.000Z",
        },
        future,
        "self",
        now,
      ),
    ).toBeNull();
  });
  it("refuses drafts, cancelled and past workshops", () => {
    expect(registrationRefusal({ ...open, status: "draft" }, future, "self", now)).toBe("notPublished");
    expect(registrationRefusal({ ...open, status: "cancelled" }, future, "self", now)).toBe("cancelled");
    expect(registrationRefusal(open, [{ ends_at: "2026-03-09T17:00:00.000Z" }], "self", now)).toBe("past");
    expect(registrationRefusal(open, [], "self", now)).toBe("past");
  });
  it("refuses before the window opens and from the moment it closes", () => {
    expect(
      registrationRefusal({ ...open, registration_opens_at: "2026-03-11T00:00:00.000Z" }, future, "self", now),
    ).toBe("notOpenYet");
    expect(registrationRefusal({ ...open, registration_closes_at: now }, future, "self", now)).toBe("closed");
  });
  it("lets staff register people outside the window and on the day, but not for a cancelled workshop", () => {
    const closed = { ...open, registration_closes_at: "2026-03-01T00:00:00.000Z" };
    expect(registrationRefusal(closed, future, "walk_in", now)).toBeNull();
    expect(registrationRefusal({ ...open, status: "draft" }, future, "staff", now)).toBeNull();
    expect(registrationRefusal(open, [{ ends_at: "2026-03-09T17:00:00.000Z" }], "walk_in", now)).toBeNull();
    expect(registrationRefusal({ ...open, status: "cancelled" }, future, "walk_in", now)).toBe("cancelled");
  });
});
