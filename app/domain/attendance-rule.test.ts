import { describe, expect, it } from "vitest";
import { attendedSession, attendedWorkshop, DEFAULT_MIN_MINUTES, minutesFromShare } from "./attendance-rule";

describe("attendedSession", () => {
  it("counts present and late in roll call, whatever the minutes", () => {
    expect(attendedSession({ status: "present", minutesOnline: null }, 30)).toBe(true);
    expect(attendedSession({ status: "late", minutesOnline: 0 }, 30)).toBe(true);
  });
  it("does not count excused or absent people without enough minutes", () => {
    expect(attendedSession({ status: "excused", minutesOnline: null }, 30)).toBe(false);
    expect(attendedSession({ status: "absent", minutesOnline: 29 }, 30)).toBe(false);
  });
  it("counts minutes online from the threshold up, inclusive", () => {
    expect(attendedSession({ status: null, minutesOnline: 29 }, 30)).toBe(false);
    expect(attendedSession({ status: null, minutesOnline: 30 }, 30)).toBe(true);
    expect(attendedSession({ status: "absent", minutesOnline: 45 }, 30)).toBe(true);
  });
  it("does not count a person without a mark", () => {
    expect(attendedSession(undefined, DEFAULT_MIN_MINUTES)).toBe(false);
    expect(attendedSession({ status: null, minutesOnline: null }, 1)).toBe(false);
  });
});

describe("attendedWorkshop", () => {
  it("needs at least one attended session", () => {
    expect(
      attendedWorkshop([undefined, { status: "absent", minutesOnline: null }, { status: null, minutesOnline: 31 }], 30),
    ).toBe(true);
    expect(attendedWorkshop([{ status: "excused", minutesOnline: 10 }, null], 30)).toBe(false);
    expect(attendedWorkshop([], 30)).toBe(false);
  });
});

describe("minutesFromShare", () => {
  it("turns a share into minutes of the shortest session, rounded up", () => {
    expect(minutesFromShare(50, [90, 121])).toBe(45);
    expect(minutesFromShare(33, [100])).toBe(33);
    expect(minutesFromShare(75, [61])).toBe(46);
  });
  it("refuses shares outside 1–100 % and workshops without sessions", () => {
    expect(minutesFromShare(0, [90])).toBeNull();
    expect(minutesFromShare(120, [90])).toBeNull();
    expect(minutesFromShare(50, [])).toBeNull();
  });
});
