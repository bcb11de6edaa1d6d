import { describe, expect, it } from "vitest";
import { allSessionsOver, changeNoticeFor, removalNoticeFor } from "./workshop-notices";

describe("allSessionsOver", () => {
  const now = new Date("2026-12-04T15:00:00.000Z");
  it("is true only when every session has ended", () => {
    expect(allSessionsOver([{ ends_at: "2026-12-04T14:59:59.000Z" }], now)).toBe(true);
    expect(allSessionsOver([{ ends_at: "2026-12-04T15:00:00.000Z" }], now)).toBe(true);
    expect(
      allSessionsOver([{ ends_at: "2026-12-01T12:00:00.000Z" }, { ends_at: "2026-12-04T15:00:01.000Z" }], now),
    ).toBe(false);
    expect(allSessionsOver([], now)).toBe(true);
  });
});

describe("changeNoticeFor", () => {
  it("sends the registered an invitation or its cancellation, the waitlisted a note, nobody else anything", () => {
    expect(changeNoticeFor("registered", "published")).toBe("change");
    expect(changeNoticeFor("registered", "draft")).toBe("change");
    expect(changeNoticeFor("registered", "cancelled")).toBe("cancelled");
    expect(changeNoticeFor("waitlisted", "published")).toBe("waitlist_change");
    expect(changeNoticeFor("waitlisted", "cancelled")).toBe("waitlist_cancelled");
    expect(changeNoticeFor("cancelled", "published")).toBeNull();
    expect(changeNoticeFor("cancelled", "cancelled")).toBeNull();
  });
});

describe("removalNoticeFor", () => {
  const open = { workshopWasCancelled: false, waitlistToldOtherwise: false };
  it("withdraws the removed session from the registered, tells the waitlisted, nobody else", () => {
    expect(removalNoticeFor("registered", open)).toBe("session_removed");
    expect(removalNoticeFor("waitlisted", open)).toBe("waitlist_change");
    expect(removalNoticeFor("cancelled", open)).toBeNull();
  });
  it("withdraws it even when the same save sends the registered another e-mail, which cannot withdraw it", () => {
    expect(removalNoticeFor("registered", { ...open, waitlistToldOtherwise: true })).toBe("session_removed");
  });
  it("sends the waitlisted one note per save", () => {
    expect(removalNoticeFor("waitlisted", { ...open, waitlistToldOtherwise: true })).toBeNull();
  });
  it("says nothing when the workshop was already cancelled: every event was withdrawn then", () => {
    const cancelled = { workshopWasCancelled: true, waitlistToldOtherwise: false };
    expect(removalNoticeFor("registered", cancelled)).toBeNull();
    expect(removalNoticeFor("waitlisted", cancelled)).toBeNull();
  });
});
