import { describe, expect, it } from "vitest";
import { validateWorkshopForm } from "../forms/workshop.server";
import { isHttpUrl, localDateTime, readSessionRows } from "./workshop-input";

const base: Record<string, string> = {
  title: "Contabilidad básica para cooperativas",
  description: "Cuentas claras.",
  courseId: "",
  modality: "online",
  place: "",
  joinUrl: "https://zoom.us/j/123456789",
  country: "PE",
  region: "Cusco",
  timezone: "America/Lima",
  capacity: "25",
  registrationOpens: "",
  registrationCloses: "",
  status: "published",
  "session-0-date": "2026-03-12",
  "session-0-start": "10:00",
  "session-0-end": "12:00",
  "session-1-date": "2026-03-19",
  "session-1-start": "10:00",
  "session-1-end": "12:00",
  "session-2-date": "",
  "session-2-start": "",
  "session-2-end": "",
};

function errorsOf(changes: Record<string, string>, facilitators = ["4"]) {
  const result = validateWorkshopForm({ ...base, ...changes }, facilitators);
  if (result.ok) throw new Error("expected errors");
  return Object.fromEntries(Object.entries(result.errors).map(([field, msg]) => [field, msg?.key]));
}

describe("validateWorkshopForm", () => {
  it("turns local session times into UTC in the workshop's zone and ignores blank rows", () => {
    const result = validateWorkshopForm(base, ["4", "4", "9"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.sessions).toEqual([
      { id: null, startsAt: "2026-03-12T15:00:00.000Z", endsAt: "2026-03-12T17:00:00.000Z" },
      { id: null, startsAt: "2026-03-19T15:00:00.000Z", endsAt: "2026-03-19T17:00:00.000Z" },
    ]);
    expect(result.data.capacity).toBe(25);
    expect(result.data.facilitatorIds).toEqual([4, 9]);
  });

  it("uses the chosen time zone, e.g. Guatemala is one hour behind Lima", () => {
    const result = validateWorkshopForm({ ...base, timezone: "America/Guatemala" }, ["4"]);
    expect(result.ok && result.data.sessions[0].startsAt).toBe("2026-03-12T16:00:00.000Z");
  });

  it("accepts an empty capacity as no limit", () => {
    const result = validateWorkshopForm({ ...base, capacity: "" }, ["4"]);
    expect(result.ok && result.data.capacity).toBeNull();
  });

  it("refuses a capacity of 0, a negative one, or one that is not a whole number", () => {
    for (const capacity of ["0", "-5", "2.5", "diez"])
      expect(errorsOf({ capacity }).capacity).toBe("workshops.form.errors.capacityInvalid");
  });

  it("reads an end earlier than the start as the next day: 23:30 to 00:45 is 75 minutes", () => {
    const result = validateWorkshopForm({ ...base, "session-1-start": "23:30", "session-1-end": "00:45" }, ["4"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const late = result.data.sessions[1];
    expect(late).toEqual({ id: null, startsAt: "2026-03-20T04:30:00.000Z", endsAt: "2026-03-20T05:45:00.000Z" });
    expect((Date.parse(late.endsAt) - Date.parse(late.startsAt)) / 60_000).toBe(75);
  });

  it("checks overlaps with a session that crosses midnight", () => {
    const result = validateWorkshopForm(
      {
        ...base,
        "session-0-date": "2026-03-12",
        "session-0-start": "23:30",
        "session-0-end": "00:45",
        "session-1-date": "2026-03-13",
        "session-1-start": "00:30",
        "session-1-end": "02:00",
      },
      ["4"],
    );
    expect(!result.ok && result.errors["session-1-start"]?.key).toBe("workshops.form.errors.sessionOverlaps");
  });

  it("refuses a session whose end equals its start, with its own message", () => {
    expect(errorsOf({ "session-1-end": "10:00" })["session-1-end"]).toBe("workshops.form.errors.sessionEndsAtStart");
  });

  it("takes the attendance rule (minimum minutes online) from the form, 30 when left empty", () => {
    const set = validateWorkshopForm({ ...base, attendanceMinMinutes: "45" }, ["4"]);
    expect(set.ok && set.data.attendanceMinMinutes).toBe(45);
    const empty = validateWorkshopForm({ ...base, attendanceMinMinutes: "" }, ["4"]);
    expect(empty.ok && empty.data.attendanceMinMinutes).toBe(30);
  });

  it("refuses an attendance rule that is not 1–600 whole minutes, or longer than the shortest session", () => {
    for (const attendanceMinMinutes of ["0", "601", "2.5", "treinta"])
      expect(errorsOf({ attendanceMinMinutes }).attendanceMinMinutes).toBe(
        "workshops.form.errors.attendanceMinInvalid",
      );
    // Both sessions last 120 minutes: a 121-minute rule could never be met.
    expect(errorsOf({ attendanceMinMinutes: "121" }).attendanceMinMinutes).toBe(
      "workshops.form.errors.attendanceMinLongerThanSession",
    );
  });

  it("refuses overlapping sessions and names the one it overlaps", () => {
    const result = validateWorkshopForm(
      { ...base, "session-1-date": "2026-03-12", "session-1-start": "11:30", "session-1-end": "13:00" },
      ["4"],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors["session-1-start"]).toEqual({
      key: "workshops.form.errors.sessionOverlaps",
      vars: { number: 1 },
    });
  });

  it("accepts back-to-back sessions", () => {
    expect(
      validateWorkshopForm(
        { ...base, "session-1-date": "2026-03-12", "session-1-start": "12:00", "session-1-end": "13:00" },
        ["4"],
      ).ok,
    ).toBe(true);
  });

  it("refuses an unknown time zone", () => {
    expect(errorsOf({ timezone: "America/Atlantis" }).timezone).toBe("workshops.form.errors.timezoneInvalid");
    expect(errorsOf({ timezone: "" }).timezone).toBe("workshops.form.errors.timezoneInvalid");
  });

  it("refuses a join link that is not http(s)", () => {
    for (const joinUrl of ["javascript:alert(1)", "ftp://example.org/x", "zoom.us/j/1", "mailto:a@b.pe"]) {
      expect(errorsOf({ joinUrl }).joinUrl, joinUrl).toBe("workshops.form.errors.joinUrlInvalid");
    }
  });

  it("refuses bad dates and times in session rows", () => {
    const errors = errorsOf({ "session-0-date": "2026-02-30", "session-1-start": "25:00" });
    expect(errors["session-0-date"]).toBe("workshops.form.errors.sessionDate");
    expect(errors["session-1-start"]).toBe("workshops.form.errors.sessionTime");
  });

  it("needs a title, at least one session and one facilitator", () => {
    const errors = errorsOf(
      {
        title: "  ",
        "session-0-date": "",
        "session-0-start": "",
        "session-0-end": "",
        "session-1-date": "",
        "session-1-start": "",
        "session-1-end": "",
      },
      [],
    );
    expect(errors.title).toBe("workshops.form.errors.titleRequired");
    expect(errors["session-0-date"]).toBe("workshops.form.errors.sessionRequired");
    expect(errors.facilitatorIds).toBe("workshops.form.errors.facilitatorRequired");
  });

  it("refuses an unknown modality or status", () => {
    expect(errorsOf({ modality: "telepathy" }).modality).toBe("workshops.form.errors.modalityRequired");
    expect(errorsOf({ status: "archived" }).status).toBe("workshops.form.errors.statusInvalid");
  });

  it("stores the registration window in UTC and refuses one that closes before it opens", () => {
    const ok = validateWorkshopForm(
      { ...base, registrationOpens: "2026-03-01T08:00", registrationCloses: "2026-03-11T18:00" },
      ["4"],
    );
    expect(ok.ok && [ok.data.registrationOpensAt, ok.data.registrationClosesAt]).toEqual([
      "2026-03-01T13:00:00.000Z",
      "2026-03-11T23:00:00.000Z",
    ]);
    expect(
      errorsOf({ registrationOpens: "2026-03-11T18:00", registrationCloses: "2026-03-01T08:00" }).registrationCloses,
    ).toBe("workshops.form.errors.windowOrder");
    expect(errorsOf({ registrationOpens: "mañana" }).registrationOpens).toBe("workshops.form.errors.dateTimeInvalid");
  });
});

describe("helpers", () => {
  it("reads session rows in order, with their ids", () => {
    expect(readSessionRows({ "session-1-date": "b", "session-0-date": "a", "session-0-id": "7" })).toEqual([
      { id: "7", date: "a", start: "", end: "" },
      { id: "", date: "b", start: "", end: "" },
    ]);
  });
  it("knows http(s) URLs", () => {
    expect(isHttpUrl("https://meet.example.org/abc")).toBe(true);
    expect(isHttpUrl("http://x")).toBe(true);
    expect(isHttpUrl("https://")).toBe(false);
  });
  it("shows an instant as the local date-time of a zone", () => {
    expect(localDateTime("2026-03-12T15:00:00.000Z", "America/Lima")).toBe("2026-03-12T10:00");
    expect(localDateTime(null, "America/Lima")).toBe("");
  });
});
