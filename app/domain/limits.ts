/** Field lengths shared by forms (browser hints) and server validation. */
export const NAME_MAX = 120;
/** Rows in one enrolment CSV import. */
export const MAX_IMPORT_ROWS = 2000;
