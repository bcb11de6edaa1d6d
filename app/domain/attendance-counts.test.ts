import { describe, expect, it } from "vitest";
import { attendeeOutcome, rollCallCounts, tallyAttendance, type Attendee } from "./attendance-counts";

const MIN = 30;
const registered = (method: "self" | "walk_in" | "import" = "self") => ({ status: "registered" as const, method });

describe("tallyAttendance", () => {
  it("splits a workshop into registered, attended, walk-ins, below the minimum and never came", () => {
    const people: Attendee[] = [
      { registration: registered(), marks: [{ status: "present", minutesOnline: null }] },
      { registration: registered(), marks: [{ status: null, minutesOnline: 10 }] },
      { registration: registered(), marks: [] },
      { registration: null, marks: [{ status: null, minutesOnline: 45 }] },
    ];
    expect(tallyAttendance(people, MIN)).toEqual({
      registered: 3,
      attended: 2,
      walkIns: 1,
      belowMinimum: 1,
      neverCame: 1,
    });
  });

  it("counts a door registration as a walk-in, and a roster import as registered in advance", () => {
    const attended = [{ status: "late" as const, minutesOnline: null }];
    expect(tallyAttendance([{ registration: registered("walk_in"), marks: attended }], MIN).walkIns).toBe(1);
    expect(tallyAttendance([{ registration: registered("import"), marks: attended }], MIN).walkIns).toBe(0);
    // Waitlisted or cancelled is not a registration: whoever came anyway came without one.
    const waitlisted = { status: "waitlisted" as const, method: "self" as const };
    expect(tallyAttendance([{ registration: waitlisted, marks: attended }], MIN)).toMatchObject({
      registered: 0,
      attended: 1,
      walkIns: 1,
    });
  });

  it("reads absent or excused marks without minutes as never came, and any minutes below the minimum as below it", () => {
    expect(
      attendeeOutcome({ registration: registered(), marks: [{ status: "absent", minutesOnline: null }] }, MIN),
    ).toBe("neverCame");
    expect(attendeeOutcome({ registration: registered(), marks: [{ status: "excused", minutesOnline: 0 }] }, MIN)).toBe(
      "neverCame",
    );
    expect(
      attendeeOutcome({ registration: registered(), marks: [null, { status: "absent", minutesOnline: 29 }] }, MIN),
    ).toBe("belowMinimum");
    expect(attendeeOutcome({ registration: registered(), marks: [{ status: null, minutesOnline: 30 }] }, MIN)).toBe(
      "attended",
    );
    expect(attendeeOutcome({ registration: null, marks: [{ status: null, minutesOnline: 5 }] }, MIN)).toBe(
      "notExpected",
    );
  });

  it("follows a hand correction: absent is never came whatever the minutes, present attended, corrected minutes count", () => {
    const outcome = (mark: Attendee["marks"][number]) =>
      attendeeOutcome({ registration: registered(), marks: [mark] }, MIN);
    expect(outcome({ status: null, minutesOnline: 90, correctedStatus: "absent" })).toBe("neverCame");
    expect(outcome({ status: "present", minutesOnline: 20, correctedStatus: "absent" })).toBe("neverCame");
    expect(outcome({ status: "absent", minutesOnline: null, correctedStatus: "present" })).toBe("attended");
    expect(outcome({ status: null, minutesOnline: 90, correctedMinutes: 10 })).toBe("belowMinimum");
    expect(outcome({ status: null, minutesOnline: 10, correctedMinutes: 0 })).toBe("neverCame");
    expect(outcome({ status: null, minutesOnline: null, correctedMinutes: 40 })).toBe("attended");
  });

  it("always splits the registered who did not attend into below the minimum and never came", () => {
    const people: Attendee[] = [];
    for (const status of ["registered", "waitlisted", "cancelled", null] as const)
      for (const minutes of [null, 0, 10, 30])
        for (const mark of [null, "present", "absent"] as const)
          people.push({
            registration: status ? { status, method: "self" } : null,
            marks: [{ status: mark, minutesOnline: minutes }],
          });
    const tally = tallyAttendance(people, MIN);
    const registeredAttended = people.filter(
      (p) => p.registration?.status === "registered" && attendeeOutcome(p, MIN) === "attended",
    ).length;
    expect(tally.belowMinimum + tally.neverCame).toBe(tally.registered - registeredAttended);
    expect(tally.belowMinimum).toBeGreaterThan(0);
    expect(tally.neverCame).toBeGreaterThan(0);
  });
});

describe("rollCallCounts", () => {
  it("counts people online for the minimum as present, and keeps a mark made by hand", () => {
    expect(
      rollCallCounts(
        [
          { status: null, minutesOnline: 30 },
          { status: null, minutesOnline: 29 },
          { status: null, minutesOnline: null },
          { status: "absent", minutesOnline: 45 },
          { status: "present", minutesOnline: null },
          { status: "late", minutesOnline: 5 },
          { status: "excused", minutesOnline: null },
        ],
        MIN,
      ),
    ).toEqual({ present: 2, late: 1, excused: 1, absent: 1, unmarked: 2, presentByMinutes: 1, corrected: 0 });
  });

  it("counts a hand correction as what it says, whatever the mark or the minutes, and says how many", () => {
    expect(
      rollCallCounts(
        [
          { status: null, minutesOnline: 90, correctedStatus: "absent" },
          { status: "present", minutesOnline: null, correctedStatus: "absent" },
          { status: "absent", minutesOnline: null, correctedStatus: "present" },
          { status: null, minutesOnline: 90, correctedMinutes: 10 },
          { status: null, minutesOnline: 5, correctedMinutes: 40 },
        ],
        MIN,
      ),
    ).toEqual({ present: 2, late: 0, excused: 0, absent: 2, unmarked: 1, presentByMinutes: 1, corrected: 5 });
  });
});
