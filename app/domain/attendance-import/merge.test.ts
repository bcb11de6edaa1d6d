import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport, type ReportRow } from "./index";
import {
  clipIntervals,
  combineParticipants,
  mergeParticipants,
  outsideSeconds,
  overlapSeconds,
  toMinutes,
} from "./merge";

async function participantsOf(fixture: string) {
  const outcome = await parseAttendanceReport(fixtureText(fixture), { timeZone: "America/Lima" });
  if (!outcome.ok) throw new Error(outcome.error.code);
  return await mergeParticipants(outcome.report.rows, outcome.report.format);
}

function row(overrides: Partial<ReportRow>): ReportRow {
  return {
    line: 2,
    name: "Rosa Quispe",
    originalName: null,
    email: null,
    phone: null,
    joinedAt: null,
    leftAt: null,
    durationSeconds: null,
    present: null,
    guest: false,
    role: "attendee",
    ...overrides,
  };
}

describe("mergeParticipants", () => {
  it("sums rejoins, counts two devices at once only once, and keeps the original name", async () => {
    const participants = await participantsOf("zoom-meeting-participants.csv");
    expect(participants.map((p) => [p.name, toMinutes(p.seconds), p.joins])).toEqual([
      ["Carmen Huamán Torres", 95, 1],
      ["Rosa Quispe Mamani", 88, 2],
      // 77 + 20 minutes, but the 20 overlap the first join: 77 minutes online.
      ["Teodoro Mamani Ccori", 77, 2],
      ["Juana Flores", 79, 1],
      ["+51 987 654 321", 50, 1],
      ["Pedro Ccama Huarca", 15, 1],
      ['Galaxy A12 de "Mamá"', 12, 1],
    ]);
    expect(participants[2]).toMatchObject({ key: "L7", otherNames: ["Teo"], guest: true, lines: [7, 9] });
    expect(participants[0].role).toBe("host");
  });

  it("joins a guest row to the signed-in person with the same name in another spelling", async () => {
    const participants = await participantsOf("zoom-meeting-no-block.csv");
    expect(participants.map((p) => [p.name, p.email, toMinutes(p.seconds), p.otherNames])).toEqual([
      ["María Pérez Huamán", "maria.perez@coop-sur.pe", 70, ["maria perez huaman"]],
      ["Luis Ticona", null, 28, []],
    ]);
  });

  it("keeps two people with the same name apart, and a same-named guest row apart from both", async () => {
    const participants = await participantsOf("zoom-same-name-two-people.csv");
    expect(participants.map((p) => [p.email, toMinutes(p.seconds)])).toEqual([
      ["juana.flores@coop-norte.pe", 79],
      ["jflores@coop-sur.pe", 72],
      [null, 4],
    ]);
  });

  it("does not add up a sign-in sheet's duplicate lines", async () => {
    const rows = [
      row({ line: 2, durationSeconds: 5400 }),
      row({ line: 3, name: "rosa QUISPE", durationSeconds: 3600, present: true }),
    ];
    const [rosa] = await mergeParticipants(rows, "sign-in-sheet");
    expect(rosa).toMatchObject({ seconds: 5400, timed: true, present: true, joins: 2 });
    const [marked] = await mergeParticipants([row({ present: true })], "sign-in-sheet");
    expect(marked).toMatchObject({ seconds: 0, timed: false, present: true });
  });

  it("groups by phone when there is no e-mail", async () => {
    const rows = [
      row({ line: 2, phone: "+51987654321", durationSeconds: 600 }),
      row({ line: 3, name: "Otra", phone: "+51987654321", durationSeconds: 600 }),
    ];
    expect(await mergeParticipants(rows, "zoom-meeting")).toHaveLength(1);
  });
});

describe("a participant who joined once", () => {
  // The usual case has its own short path in mergeParticipants: it must agree with the interval rule every platform follows.
  const window = { startsAt: "2026-11-19T15:00:00.000Z", endsAt: "2026-11-19T16:30:00.000Z" };
  const joins: Array<[string, string]> = [
    ["2026-11-19T14:40:10.000Z", "2026-11-19T15:20:00.000Z"],
    ["2026-11-19T15:10:00.000Z", "2026-11-19T16:45:30.500Z"],
    ["2026-11-19T14:00:00.000Z", "2026-11-19T17:00:00.000Z"],
    ["2026-11-19T15:05:00.000Z", "2026-11-19T16:00:00.000Z"],
    ["2026-11-19T14:00:00.000Z", "2026-11-19T14:50:00.000Z"],
    ["2026-11-19T16:30:00.000Z", "2026-11-19T16:40:00.000Z"],
  ];
  for (const sessionWindow of [window, undefined, { startsAt: window.endsAt, endsAt: window.startsAt }]) {
    it(`loses the time outside the session and keeps the clipped interval (window ${sessionWindow ? `${sessionWindow.startsAt}–${sessionWindow.endsAt}` : "none"})`, async () => {
      const rows = joins.map(([joinedAt, leftAt], i) =>
        row({
          line: i + 2,
          name: `Persona ${i}`,
          email: `p${i}@coop.pe`,
          joinedAt,
          leftAt,
          durationSeconds: Math.round((Date.parse(leftAt) - Date.parse(joinedAt)) / 1000),
        }),
      );
      const participants = await mergeParticipants(rows, "zoom-meeting", sessionWindow);
      expect(participants.map((p) => [p.seconds, p.intervals])).toEqual(
        rows.map((r) => {
          const intervals: Array<[string, string]> = [[r.joinedAt!, r.leftAt!]];
          return [
            Math.max(0, r.durationSeconds! - outsideSeconds(intervals, sessionWindow)),
            clipIntervals(intervals, sessionWindow),
          ];
        }),
      );
      if (sessionWindow === window)
        expect(participants.map((p) => toMinutes(p.seconds))).toEqual([20, 80, 90, 55, 0, 0]);
    });
  }
});

describe("overlapSeconds", () => {
  it("is zero for separate joins and the shared time for overlapping ones", async () => {
    expect(
      overlapSeconds([
        ["2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z"],
        ["2026-01-01T10:30:00Z", "2026-01-01T11:00:00Z"],
      ]),
    ).toBe(0);
    expect(
      overlapSeconds([
        ["2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"],
        ["2026-01-01T10:15:00Z", "2026-01-01T10:45:00Z"],
      ]),
    ).toBe(1800);
    expect(
      overlapSeconds([
        ["2026-01-01T10:00:00Z", "2026-01-01T10:20:00Z"],
        ["2026-01-01T10:10:00Z", "2026-01-01T10:40:00Z"],
        ["2026-01-01T10:30:00Z", "2026-01-01T10:50:00Z"],
      ]),
    ).toBe(1200);
  });
});

describe("combineParticipants", () => {
  it("adds two participants' time and removes the time they overlap", async () => {
    const [a, b] = await mergeParticipants(
      [
        row({
          line: 2,
          name: "Rosa",
          joinedAt: "2026-01-01T10:00:00Z",
          leftAt: "2026-01-01T11:00:00Z",
          durationSeconds: 3600,
        }),
        row({
          line: 3,
          name: "Galaxy A12",
          joinedAt: "2026-01-01T10:30:00Z",
          leftAt: "2026-01-01T11:30:00Z",
          durationSeconds: 3600,
        }),
      ],
      "zoom-meeting",
    );
    expect(combineParticipants([a, b], "zoom-meeting").seconds).toBe(5400);
  });
});
