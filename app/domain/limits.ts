/** Field lengths shared by forms (browser hints) and server validation. */
export const NAME_MAX = 120;
/** Rows in one enrolment CSV import. */
export const MAX_IMPORT_ROWS = 2000;
/**
 * Bytes in one enrolment CSV: 2,000 rows of a name, an e-mail, a phone and a course fit in
 * about 200 kB. It stays well under the 1 MB form limit because the confirmation step sends
 * the same text back in a form field (where commas and accents take up to three times the room).
 */
export const MAX_IMPORT_BYTES = 500_000;

/** A roster of people (CSV or XLSX) has the enrolment list's row limit. */
export const MAX_ROSTER_ROWS = MAX_IMPORT_ROWS;
