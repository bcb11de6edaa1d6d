import type { MessageKey, T } from "../i18n/keys";

/**
 * Every sheet a Minka workbook can have, with its own short name in each language: Excel allows
 * 31 characters, so a table's long title cut to fit read as nonsense ("Por edad (pares de los finan").
 */
const SHEET_KEYS = {
  summary: "exports.sheets.summary",
  workshops: "exports.sheets.workshops",
  "by-sex": "exports.sheets.bySex",
  "by-age": "exports.sheets.byAge",
  "by-funder-age": "exports.sheets.byFunderAge",
  "by-country": "exports.sheets.byCountry",
  "by-region": "exports.sheets.byRegion",
  "by-cooperative": "exports.sheets.byCooperative",
  "by-modality": "exports.sheets.byModality",
  "by-month": "exports.sheets.byMonth",
  courses: "exports.sheets.courses",
  quality: "exports.sheets.quality",
  registrations: "exports.sheets.registrations",
  "attendance-people": "exports.sheets.attendancePeople",
  "attendance-sessions": "exports.sheets.attendanceSessions",
  "course-progress": "exports.sheets.courseProgress",
  "person-data": "exports.sheets.personData",
} as const satisfies Record<string, MessageKey>;

export type SheetId = keyof typeof SHEET_KEYS;
export const SHEET_IDS = Object.keys(SHEET_KEYS) as SheetId[];

export function isSheetId(id: string): id is SheetId {
  return Object.hasOwn(SHEET_KEYS, id);
}

export function sheetName(id: SheetId, t: T): string {
  return t(SHEET_KEYS[id]);
}

export const SHEET_NAME_MAX = 31;

/** Why Excel would refuse (or silently repair) a sheet name; null when it takes it as it is. */
export function sheetNameProblem(name: string): "empty" | "tooLong" | "forbidden" | null {
  if (!name.trim()) return "empty";
  if (name.length > SHEET_NAME_MAX) return "tooLong";
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) return "forbidden";
  return null;
}
