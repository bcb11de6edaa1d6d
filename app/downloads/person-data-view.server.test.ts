import { describe, expect, it } from "vitest";
import { translatorFor } from "../i18n/translator.server";
import { readablePersonData } from "./person-data-view.server";

const AT = "2026-03-12T15:00:00.000Z";
/** One record of every table of the export, with every column it has (app/models/privacy.server.ts). */
const EXPORT = {
  person: [
    {
      id: 1,
      full_name: "Rosa Quispe",
      email: "rosa@example.org",
      phone: "+51987654321",
      sex: "female",
      birth_year: 1960,
      country: "PE",
      region: "PE-CUS",
      cooperative: "Coop",
      preferred_language: "es",
      consent_given_at: AT,
      consent_notice_version: "2026-01",
      consent_method: "self",
      consent_recorded_by: null,
      consent_withdrawn_at: null,
      erased_at: null,
      created_at: AT,
      updated_at: AT,
    },
  ],
  account: [{ id: 1, email: "rosa@example.org", phone: null, role: "member", created_at: AT, updated_at: AT }],
  registration: [
    {
      id: 1,
      workshop_id: 2,
      person_id: 1,
      status: "registered",
      method: "walk_in",
      registered_by: 3,
      created_at: AT,
      updated_at: AT,
      promoted_at: null,
      cancelled_at: null,
      workshop_title: "Ahorro",
    },
  ],
  enrolment: [
    {
      id: 1,
      person_id: 1,
      course_id: 4,
      method: "staff",
      enrolled_by: 3,
      enrolled_at: AT,
      left_at: null,
      completed_at: AT,
      enrolled_local_date: "2026-03-12",
      completed_local_date: "2026-03-12",
      local_dates_key: "x",
      course_title: "Finanzas",
    },
  ],
  lesson_completion: [
    {
      id: 1,
      person_id: 1,
      lesson_id: 5,
      method: "manual",
      completed_at: AT,
      lesson_title: "Uno",
      course_title: "Finanzas",
    },
  ],
  certificate: [
    {
      id: 1,
      person_id: 1,
      course_id: 4,
      code: "MK-1",
      full_name: "Rosa Quispe",
      course_title: "Finanzas",
      hours: 2,
      completed_at: AT,
      issued_at: AT,
    },
  ],
  attendance: [
    {
      id: 1,
      session_id: 6,
      person_id: 1,
      status: "present",
      minutes_online: null,
      source: "roll_call",
      import_id: null,
      recorded_by: 3,
      recorded_at: AT,
      corrected_status: null,
      corrected_minutes: null,
      corrected_by: null,
      corrected_at: null,
      correction_reason: null,
      workshop_title: "Ahorro",
      session_starts_at: AT,
    },
  ],
  email: [{ id: 1, subject: "Confirmación", kind: "confirmation", status: "sent", created_at: AT, sent_at: AT }],
};

describe("the readable data page", () => {
  for (const locale of ["es", "en"] as const) {
    const t = translatorFor(locale) as (key: string) => string;
    it(`names every table and field in ${locale}, never by its column name`, () => {
      const sections = readablePersonData(EXPORT, t, locale);
      expect(sections.map((s) => s.table)).toEqual(Object.keys(EXPORT));
      for (const section of sections) {
        expect(section.title).not.toBe(section.table);
        for (const { field, label } of section.records.flat()) expect(label, field).not.toBe(field);
      }
    });
  }

  it("writes codes in words and instants as dates, and leaves out the person's own id on every row", () => {
    const t = translatorFor("es") as (key: string) => string;
    const sections = readablePersonData(EXPORT, t, "es");
    const value = (table: string, field: string) =>
      sections.find((s) => s.table === table)!.records[0].find((f) => f.field === field)?.value;
    expect(value("person", "sex")).toBe("Mujer");
    expect(value("person", "country")).toBe("Perú");
    expect(value("registration", "status")).toBe("Inscrita");
    expect(value("registration", "method")).toBe("El mismo día");
    expect(value("email", "status")).toBe("Enviado");
    expect(value("email", "sent_at")).toMatch(/2026/);
    expect(value("email", "sent_at")).not.toContain("T15");
    expect(value("registration", "person_id")).toBeUndefined();
    expect(value("person", "consent_recorded_by")).toBe("—");
  });
});
