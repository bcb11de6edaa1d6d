import type { Locale } from "../../db/schema";
import { regionName } from "../domain/regions";
import type { PersonDataExport } from "../models/privacy.server";
import { formatDateTime } from "../utils/dates";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface ReadableSection {
  table: string;
  title: string;
  records: Array<Array<{ field: string; label: string; value: string }>>;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** Kept in the downloads, left off the page: the person's own id on every row, and an internal key. */
const NOT_SHOWN = new Set(["person_id", "local_dates_key"]);

/** Where a stored code ("female", "registered", "roll_call") has its words, by "table.field" or "field". */
const VALUE_WORDS: Record<string, string> = {
  sex: "common.sexes",
  country: "common.countries",
  role: "common.roles",
  preferred_language: "exports.myData.values.languages",
  consent_method: "exports.myData.values.consentMethod",
  "registration.status": "workshops.registrationStatus",
  "registration.method": "workshops.staff.methods",
  "enrolment.method": "learning.staff.methods",
  "attendance.status": "attendance.rollCall.statuses",
  "attendance.corrected_status": "attendance.rollCall.statuses",
  "attendance.source": "exports.myData.values.source",
  "email.status": "exports.myData.values.emailStatus",
  "email.kind": "workshops.staff.mail.kinds",
};

/** A message, or null when there is none (the translator answers a missing key with the key). */
function word(t: Translate, key: string): string | null {
  const text = t(key);
  return text === key ? null : text;
}

function readableValue(t: Translate, locale: Locale, table: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = String(value);
  if (INSTANT.test(text)) return formatDateTime(text, locale);
  if (field === "region") return regionName(text) ?? text;
  const words = VALUE_WORDS[`${table}.${field}`] ?? VALUE_WORDS[field];
  return (words && word(t, `${words}.${text}`)) ?? text;
}

/**
 * The export as the person reads it on /account/data: each table under a heading in their
 * language, each field by its name in their language (its column name only if none is written yet),
 * codes in words and dates as dates. The downloads keep the column names, for programs.
 */
export function readablePersonData(data: PersonDataExport, t: Translate, locale: Locale): ReadableSection[] {
  return Object.entries(data).map(([table, records]) => ({
    table,
    title: word(t, `exports.myData.tables.${table}`) ?? table,
    records: records.map((record) =>
      Object.entries(record)
        .filter(([field]) => !NOT_SHOWN.has(field))
        .map(([field, value]) => ({
          field,
          label: word(t, `exports.myData.fields.${field}`) ?? field,
          value: readableValue(t, locale, table, field, value),
        })),
    ),
  }));
}
