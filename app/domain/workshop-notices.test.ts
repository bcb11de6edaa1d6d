import { describe, expect, it } from "vitest";
import { allSessionsOver, changeNoticeFor } from "./workshop-notices";

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
