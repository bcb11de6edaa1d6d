import { describe, expect, it } from "vitest";
import { CHECK_IN_OPENS_MINUTES_BEFORE, checkInOpensAt, checkInWindow } from "./checkin-window";

// A session on Thursday 12 March 2026, 10:00–12:00 in Lima (UTC−5): stored in UTC.
const session = { starts_at: "2026-03-12T15:00:00.000Z", ends_at: "2026-03-12T17:00:00.000Z" };

describe("checkInWindow", () => {
  it("opens 30 minutes before the start", () => {
    expect(CHECK_IN_OPENS_MINUTES_BEFORE).toBe(30);
    expect(checkInOpensAt(session)).toBe("2026-03-12T14:30:00.000Z");
    expect(checkInWindow(session, "2026-03-12T14:29:59.999Z")).toBe("early");
    expect(checkInWindow(session, "2026-03-12T14:30:00.000Z")).toBe("open");
  });

  it("stays open during the session, up to its end included", () => {
    expect(checkInWindow(session, "2026-03-12T16:00:00.000Z")).toBe("open");
    expect(checkInWindow(session, "2026-03-12T17:00:00.000Z")).toBe("open");
    expect(checkInWindow(session, "2026-03-12T17:00:00.001Z")).toBe("ended");
  });

  it("compares instants, not strings: a 'now' with another offset is read as the same moment", () => {
    expect(checkInWindow(session, "2026-03-12T09:45:00-05:00")).toBe("open");
    expect(checkInWindow(session, "2026-03-12T12:01:00-05:00")).toBe("ended");
    expect(checkInWindow(session, new Date("2026-03-12T14:40:00Z"))).toBe("open");
  });

  it("follows a session that runs past midnight to its end the next day", () => {
    // 23:30–00:45 Lima time: stored ending on the next UTC day.
    const late = { starts_at: "2026-03-13T04:30:00.000Z", ends_at: "2026-03-13T05:45:00.000Z" };
    expect(checkInWindow(late, "2026-03-13T04:00:00.000Z")).toBe("open");
    expect(checkInWindow(late, "2026-03-13T05:30:00.000Z")).toBe("open");
    expect(checkInWindow(late, "2026-03-13T05:46:00.000Z")).toBe("ended");
  });
});
