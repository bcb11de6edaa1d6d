import { describe, expect, it } from "vitest";
import {
  fillPerson,
  resolveAttendance,
  resolveCertificate,
  resolveEnrolment,
  resolveLessonCompletion,
  resolveRegistration,
  strongerMark,
  type PersonFacts,
} from "./merge-rules";

describe("registration clash", () => {
  const row = (status: "registered" | "waitlisted" | "cancelled", created_at: string) => ({ status, created_at });
  it("keeps the stronger status: registered > waitlisted > cancelled", () => {
    expect(resolveRegistration(row("cancelled", "2023-01-01"), row("registered", "2023-02-01"))).toEqual({
      survivor: "dropped",
    });
    expect(resolveRegistration(row("waitlisted", "2023-02-01"), row("cancelled", "2023-01-01"))).toEqual({
      survivor: "kept",
    });
    expect(resolveRegistration(row("waitlisted", "2023-01-01"), row("registered", "2023-02-01"))).toEqual({
      survivor: "dropped",
    });
  });
  it("between equal statuses keeps the earlier one, and the kept person's on a tie", () => {
    expect(resolveRegistration(row("registered", "2023-02-01"), row("registered", "2023-01-01"))).toEqual({
      survivor: "dropped",
    });
    expect(resolveRegistration(row("registered", "2023-01-01"), row("registered", "2023-02-01"))).toEqual({
      survivor: "kept",
    });
    expect(resolveRegistration(row("registered", "2023-01-01"), row("registered", "2023-01-01"))).toEqual({
      survivor: "kept",
    });
  });
});

describe("attendance clash", () => {
  it("orders marks present > late > excused > absent > none", () => {
    expect(strongerMark("absent", "late")).toBe("late");
    expect(strongerMark("present", "late")).toBe("present");
    expect(strongerMark("excused", "absent")).toBe("excused");
    expect(strongerMark(null, "absent")).toBe("absent");
    expect(strongerMark("absent", null)).toBe("absent");
    expect(strongerMark(null, null)).toBeNull();
  });
  it("keeps the strongest mark and the longest time online, never a sum", () => {
    expect(resolveAttendance({ status: "absent", minutes_online: 10 }, { status: null, minutes_online: 45 })).toEqual({
      survivor: "kept",
      update: { status: "absent", minutes_online: 45 },
    });
    expect(
      resolveAttendance({ status: null, minutes_online: null }, { status: "present", minutes_online: 20 }),
    ).toEqual({
      survivor: "kept",
      update: { status: "present", minutes_online: 20 },
    });
    expect(
      resolveAttendance({ status: "late", minutes_online: 30 }, { status: null, minutes_online: null }).update,
    ).toEqual({ status: "late", minutes_online: 30 });
  });
  it("keeps a hand correction: the later one when both rows have one, the dropped row's when only it has one", () => {
    const correction = (status: "present" | "absent", at: string) => ({
      corrected_status: status,
      corrected_minutes: null,
      corrected_by: 7,
      corrected_at: at,
      correction_reason: `razón ${at}`,
    });
    const none = {
      corrected_status: null,
      corrected_minutes: null,
      corrected_by: null,
      corrected_at: null,
      correction_reason: null,
    };
    const row = (c: typeof none | ReturnType<typeof correction>) => ({ status: null, minutes_online: 90, ...c });
    expect(resolveAttendance(row(none), row(correction("absent", "2024-01-02"))).update).toMatchObject(
      correction("absent", "2024-01-02"),
    );
    // The kept row's own, later correction stays as it is.
    expect(
      resolveAttendance(row(correction("present", "2024-01-03")), row(correction("absent", "2024-01-02"))).update,
    ).not.toHaveProperty("corrected_status");
    expect(
      resolveAttendance(row(correction("present", "2024-01-01")), row(correction("absent", "2024-01-02"))).update,
    ).toMatchObject(correction("absent", "2024-01-02"));
    expect(resolveAttendance(row(correction("present", "2024-01-01")), row(none)).update).not.toHaveProperty(
      "corrected_status",
    );
  });
});

describe("enrolment clash", () => {
  const enrolment = (over: Partial<Parameters<typeof resolveEnrolment>[0]>) => ({
    enrolled_at: "2023-02-01T00:00:00.000Z",
    method: "self",
    enrolled_by: null as number | null,
    completed_at: null as string | null,
    left_at: null as string | null,
    local_dates_key: "k",
    ...over,
  });
  it("keeps the earliest enrolment with its method and the earliest completion; local dates are recomputed", () => {
    const kept = enrolment({ completed_at: "2023-03-01T00:00:00.000Z" });
    const dropped = enrolment({
      enrolled_at: "2023-01-05T00:00:00.000Z",
      method: "staff",
      enrolled_by: 7,
      completed_at: "2023-01-20T00:00:00.000Z",
    });
    expect(resolveEnrolment(kept, dropped)).toEqual({
      survivor: "kept",
      update: {
        enrolled_at: "2023-01-05T00:00:00.000Z",
        method: "staff",
        enrolled_by: 7,
        completed_at: "2023-01-20T00:00:00.000Z",
        left_at: null,
        local_dates_key: null,
      },
    });
  });
  it("takes a completion from whichever row has one", () => {
    expect(resolveEnrolment(enrolment({ completed_at: "2023-04-01" }), enrolment({})).update?.completed_at).toBe(
      "2023-04-01",
    );
    expect(resolveEnrolment(enrolment({}), enrolment({ completed_at: "2023-04-01" })).update?.completed_at).toBe(
      "2023-04-01",
    );
  });
  it("stays active if either row is; if both left, the later leaving", () => {
    expect(resolveEnrolment(enrolment({ left_at: "2023-05-01" }), enrolment({})).update?.left_at).toBeNull();
    expect(resolveEnrolment(enrolment({}), enrolment({ left_at: "2023-05-01" })).update?.left_at).toBeNull();
    expect(
      resolveEnrolment(enrolment({ left_at: "2023-05-01" }), enrolment({ left_at: "2023-06-01" })).update?.left_at,
    ).toBe("2023-06-01");
  });
});

describe("lesson completion clash", () => {
  it("keeps the earliest completion and its method", () => {
    expect(
      resolveLessonCompletion(
        { completed_at: "2023-02-02", method: "manual" },
        { completed_at: "2023-01-10", method: "video" },
      ),
    ).toEqual({
      survivor: "kept",
      update: { completed_at: "2023-01-10", method: "video" },
    });
    expect(
      resolveLessonCompletion(
        { completed_at: "2023-01-10", method: "manual" },
        { completed_at: "2023-02-02", method: "video" },
      ),
    ).toEqual({ survivor: "kept" });
  });
});

describe("certificate clash", () => {
  it("keeps the earlier certificate, the kept person's on a tie", () => {
    expect(resolveCertificate({ issued_at: "2023-02-10" }, { issued_at: "2023-01-20" })).toEqual({
      survivor: "dropped",
    });
    expect(resolveCertificate({ issued_at: "2023-01-20" }, { issued_at: "2023-02-10" })).toEqual({ survivor: "kept" });
    expect(resolveCertificate({ issued_at: "2023-01-20" }, { issued_at: "2023-01-20" })).toEqual({ survivor: "kept" });
  });
});

describe("filling the kept person", () => {
  const person = (over: Partial<PersonFacts>): PersonFacts => ({
    email: null,
    phone: null,
    birth_year: null,
    country: null,
    region: null,
    cooperative: null,
    sex: "not_stated",
    consent_given_at: null,
    consent_notice_version: null,
    consent_method: null,
    consent_recorded_by: null,
    ...over,
  });
  it("fills empty fields from the other record and reports differing values without overwriting them", () => {
    const keep = person({ sex: "female", country: "PE", cooperative: "" });
    const drop = person({
      sex: "female",
      country: "GT",
      birth_year: 1961,
      cooperative: "Coop Sur",
      phone: "+51999888777",
      email: "",
    });
    expect(fillPerson(keep, drop)).toEqual({
      filled: { birth_year: 1961, cooperative: "Coop Sur", phone: "+51999888777" },
      differing: { country: "GT" },
    });
  });
  it("takes a stated sex only when the kept person has none", () => {
    expect(fillPerson(person({}), person({ sex: "male" }))).toEqual({ filled: { sex: "male" }, differing: {} });
    expect(fillPerson(person({ sex: "female" }), person({ sex: "male" }))).toEqual({
      filled: {},
      differing: { sex: "male" },
    });
    expect(fillPerson(person({ sex: "female" }), person({}))).toEqual({ filled: {}, differing: {} });
  });
  it("takes consent whole, with its notice, method and witness, only when the kept person gave none", () => {
    const consent = {
      consent_given_at: "2023-01-01T00:00:00.000Z",
      consent_notice_version: "v2",
      consent_method: "verbal",
      consent_recorded_by: 3,
    };
    expect(fillPerson(person({}), person(consent)).filled).toEqual(consent);
    expect(fillPerson(person({ consent_given_at: "2022-01-01T00:00:00.000Z" }), person(consent)).filled).toEqual({});
  });
});
