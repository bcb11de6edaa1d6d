import type { Selectable } from "kysely";
import type { WorkshopTable } from "../../db/schema";
import { hasRole } from "../domain/roles";
import { localDateTime, localTime, type WorkshopInput } from "../domain/workshop-input";
import type { FieldErrors, FormFailureWith } from "./failure";
import { formFailure, keepValues } from "./submission.server";
import { validateWorkshopForm } from "./workshop.server";
import { listCourseChoices, listStaffAccounts, staffAccountIdsAmong, type SessionRow } from "../models/workshop.server";
import type { SessionUser } from "../models/session.server";
import { localDate } from "../utils/dates";
import { getDb, type DB } from "../utils/db.server";

export const MIN_SESSION_ROWS = 3;

interface WorkshopFormExtra {
  facilitatorIds: string[];
  rows: number;
}

/** What the workshop form shows: a workshop's values (loader), or a refused submission (action). */
export type WorkshopFormState = Omit<WorkshopFormFailure, "errors"> & Partial<Pick<WorkshopFormFailure, "errors">>;
export type WorkshopFormFailure = FormFailureWith<WorkshopFormExtra>;

export async function workshopFormChoices(db: DB) {
  const [staff, courses] = await Promise.all([listStaffAccounts(db), listCourseChoices(db)]);
  return { staff, courses };
}

/** The form's values for an existing workshop, in its own time zone. */
export function valuesFromWorkshop(
  workshop: Selectable<WorkshopTable>,
  sessions: SessionRow[],
  facilitatorIds: number[],
): WorkshopFormState {
  const tz = workshop.timezone;
  const values: Record<string, string> = {
    title: workshop.title,
    description: workshop.description,
    courseId: workshop.course_id ? String(workshop.course_id) : "",
    modality: workshop.modality,
    place: workshop.place ?? "",
    joinUrl: workshop.join_url ?? "",
    country: workshop.country ?? "",
    region: workshop.region ?? "",
    timezone: tz,
    capacity: workshop.capacity == null ? "" : String(workshop.capacity),
    registrationOpens: localDateTime(workshop.registration_opens_at, tz),
    registrationCloses: localDateTime(workshop.registration_closes_at, tz),
    status: workshop.status,
    attendanceMinMinutes: String(workshop.attendance_min_minutes),
  };
  sessions.forEach((s, i) => {
    values[`session-${i}-id`] = String(s.id);
    values[`session-${i}-date`] = localDate(s.starts_at, tz);
    values[`session-${i}-start`] = localTime(s.starts_at, tz);
    values[`session-${i}-end`] = localTime(s.ends_at, tz);
  });
  return { values, facilitatorIds: facilitatorIds.map(String), rows: Math.max(MIN_SESSION_ROWS, sessions.length + 1) };
}

/**
 * Reads a submitted workshop form. "More session rows" re-renders with three more
 * empty rows (works without JavaScript). A facilitator always stays on the
 * workshops they create or edit, so they never lock themselves out.
 */
export async function readWorkshopSubmission(
  request: Request,
  user: SessionUser,
): Promise<
  { ok: true; input: WorkshopInput } | { ok: false; response: ReturnType<typeof formFailure<WorkshopFormFailure>> }
> {
  const form = await request.formData();
  const values = keepValues(form);
  const facilitatorIds = form.getAll("facilitatorIds").map(String);
  if (!hasRole(user.role, "manager") && !facilitatorIds.includes(String(user.accountId)))
    facilitatorIds.push(String(user.accountId));
  const rows = Math.min(60, Math.max(MIN_SESSION_ROWS, Number(values.rows) || MIN_SESSION_ROWS));
  if (values.intent === "moreSessions")
    return {
      ok: false,
      response: formFailure<WorkshopFormFailure>({ values, facilitatorIds, rows: rows + 3, errors: {} }, 200),
    };
  const result = validateWorkshopForm(values, facilitatorIds);
  const notStaff = await hasNonStaffFacilitator(facilitatorIds);
  if (!result.ok || notStaff) {
    const errors: FieldErrors = { ...(result.ok ? {} : result.errors) };
    if (notStaff) errors.facilitatorIds = { key: "workshops.form.errors.facilitatorNotStaff" };
    return { ok: false, response: formFailure<WorkshopFormFailure>({ values, facilitatorIds, rows, errors }) };
  }
  return { ok: true, input: result.data };
}

/** The form offers only team accounts: anything else (a member, an unknown id, junk) was not chosen from it. */
async function hasNonStaffFacilitator(facilitatorIds: string[]): Promise<boolean> {
  if (facilitatorIds.some((id) => !/^\d{1,9}$/.test(id))) return true;
  const ids = [...new Set(facilitatorIds.map(Number))];
  return (await staffAccountIdsAmong(await getDb(), ids)).size !== ids.length;
}
