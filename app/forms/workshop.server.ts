import { z } from "zod";
import { DEFAULT_MIN_MINUTES, MIN_MINUTES_RANGE } from "../domain/attendance-rule";
import { COUNTRIES } from "../domain/countries";
import { CAPACITY_MAX, DESCRIPTION_MAX, MODALITIES, TITLE_MAX, WORKSHOP_STATUSES } from "../domain/workshop-fields";
import {
  checkSessionRows,
  isHttpUrl,
  isLocalDateTime,
  readSessionRows,
  type WorkshopInput,
} from "../domain/workshop-input";
import { isValidTimeZone, zonedTimeToUtc } from "../utils/dates";
import type { FieldErrors } from "./failure";
import { requiredText, text } from "./fields.server";
import { parseSubmission } from "./submission.server";

const optional = (max: number) => text().pipe(z.string().max(max, { error: "workshops.form.errors.tooLong" }));

/** The workshop's own fields; sessions (`session-N-*`) and facilitators are checked beside it. */
export const WorkshopFieldsSchema = z.object({
  title: requiredText("workshops.form.errors.titleRequired", "workshops.form.errors.tooLong", TITLE_MAX),
  description: optional(DESCRIPTION_MAX),
  courseId: text().pipe(z.string().regex(/^\d*$/, { error: "workshops.form.errors.courseInvalid" })),
  modality: z.enum(MODALITIES, { error: "workshops.form.errors.modalityRequired" }),
  place: optional(200),
  joinUrl: optional(500).refine((value) => value === "" || isHttpUrl(value), {
    error: "workshops.form.errors.joinUrlInvalid",
  }),
  country: text().pipe(z.union([z.literal(""), z.enum(COUNTRIES)], { error: "workshops.form.errors.countryInvalid" })),
  region: optional(120),
  timezone: text().refine((value) => value !== "" && isValidTimeZone(value), {
    error: "workshops.form.errors.timezoneInvalid",
  }),
  capacity: text().refine(
    (value) => value === "" || (/^-?\d+$/.test(value) && Number(value) >= 1 && Number(value) <= CAPACITY_MAX),
    {
      error: "workshops.form.errors.capacityInvalid",
    },
  ),
  registrationOpens: text().refine((value) => value === "" || isLocalDateTime(value), {
    error: "workshops.form.errors.dateTimeInvalid",
  }),
  registrationCloses: text().refine((value) => value === "" || isLocalDateTime(value), {
    error: "workshops.form.errors.dateTimeInvalid",
  }),
  attendanceMinMinutes: text().refine(
    (value) =>
      value === "" ||
      (/^\d{1,4}$/.test(value) && Number(value) >= MIN_MINUTES_RANGE.min && Number(value) <= MIN_MINUTES_RANGE.max),
    { error: "workshops.form.errors.attendanceMinInvalid" },
  ),
  status: z.enum(WORKSHOP_STATUSES, { error: "workshops.form.errors.statusInvalid" }),
});

/**
 * Validates the workshop form: its fields, its session rows and its
 * facilitators, every error at once, keyed by input name.
 */
export function validateWorkshopForm(
  values: Record<string, string>,
  facilitatorIds: string[],
): { ok: true; data: WorkshopInput } | { ok: false; errors: FieldErrors } {
  const parsed = parseSubmission(WorkshopFieldsSchema, values);
  const timezone = parsed.ok ? parsed.data.timezone : isValidTimeZone(values.timezone ?? "") ? values.timezone : null;
  const checked = checkSessionRows(readSessionRows(values), timezone);
  const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...checked.errors };

  const ids = facilitatorIds.filter((id) => /^\d+$/.test(id)).map(Number);
  if (ids.length === 0) errors.facilitatorIds = { key: "workshops.form.errors.facilitatorRequired" };

  if (!parsed.ok) return { ok: false, errors };
  const form = parsed.data;
  const toUtc = (local: string) =>
    local ? zonedTimeToUtc(local.slice(0, 10), local.slice(11, 16), form.timezone) : null;
  const registrationOpensAt = toUtc(form.registrationOpens);
  const registrationClosesAt = toUtc(form.registrationCloses);
  if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt) {
    errors.registrationCloses = { key: "workshops.form.errors.windowOrder" };
  }
  const attendanceMinMinutes = form.attendanceMinMinutes ? Number(form.attendanceMinMinutes) : DEFAULT_MIN_MINUTES;
  // A rule longer than a session could never be met online in that session.
  const shortest = Math.min(...checked.sessions.map((s) => (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000));
  if (attendanceMinMinutes > shortest) {
    errors.attendanceMinMinutes = {
      key: "workshops.form.errors.attendanceMinLongerThanSession",
      vars: { minutes: Math.floor(shortest) },
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: {
      title: form.title,
      description: form.description,
      courseId: form.courseId ? Number(form.courseId) : null,
      modality: form.modality,
      place: form.place || null,
      joinUrl: form.joinUrl || null,
      country: form.country || null,
      region: form.region || null,
      timezone: form.timezone,
      capacity: form.capacity ? Number(form.capacity) : null,
      registrationOpensAt,
      registrationClosesAt,
      status: form.status,
      facilitatorIds: [...new Set(ids)],
      attendanceMinMinutes,
      sessions: checked.sessions,
    },
  };
}
