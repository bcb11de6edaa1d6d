import { describe, expect, it } from "vitest";
import { attendedSession, attendedWorkshop, DEFAULT_MIN_MINUTES, isCorrected, minutesCounted } from "./attendance-rule";

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

describe("a hand correction", () => {
  it("to absent wins over imported minutes and a roll-call mark", () => {
    expect(attendedSession({ status: null, minutesOnline: 90, correctedStatus: "absent" }, 30)).toBe(false);
    expect(attendedSession({ status: "present", minutesOnline: null, correctedStatus: "absent" }, 30)).toBe(false);
    expect(
      attendedSession({ status: "late", minutesOnline: 90, correctedStatus: "absent", correctedMinutes: 90 }, 30),
    ).toBe(false);
  });
  it("to present wins over no minutes and a roll-call absent", () => {
    expect(attendedSession({ status: null, minutesOnline: null, correctedStatus: "present" }, 30)).toBe(true);
    expect(attendedSession({ status: "absent", minutesOnline: 5, correctedStatus: "present" }, 30)).toBe(true);
  });
  it("of the minutes counts instead of the imported minutes", () => {
    expect(attendedSession({ status: null, minutesOnline: 90, correctedMinutes: 10 }, 30)).toBe(false);
    expect(attendedSession({ status: null, minutesOnline: 10, correctedMinutes: 30 }, 30)).toBe(true);
    expect(attendedSession({ status: null, minutesOnline: null, correctedMinutes: 45 }, 30)).toBe(true);
    // A roll-call present still counts when only the minutes were corrected.
    expect(attendedSession({ status: "present", minutesOnline: 90, correctedMinutes: 0 }, 30)).toBe(true);
  });
  it("leaves no minutes counted once the person is corrected to absent", () => {
    expect(minutesCounted({ status: null, minutesOnline: 90, correctedStatus: "absent" })).toBeNull();
    expect(minutesCounted({ status: null, minutesOnline: 90, correctedMinutes: 12 })).toBe(12);
    expect(minutesCounted({ status: null, minutesOnline: 90 })).toBe(90);
  });
  it("is told apart from an uncorrected mark", () => {
    expect(isCorrected({ status: null, minutesOnline: 90 })).toBe(false);
    expect(isCorrected({ status: null, minutesOnline: 90, correctedStatus: null, correctedMinutes: null })).toBe(false);
    expect(isCorrected({ status: null, minutesOnline: 90, correctedMinutes: 0 })).toBe(true);
    expect(isCorrected({ status: null, minutesOnline: 90, correctedStatus: "absent" })).toBe(true);
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
