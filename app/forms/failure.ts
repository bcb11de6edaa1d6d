import type { Msg } from "../i18n/keys";

/** Errors per field name (`form` for the form as a whole), as translation keys with their values. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, Msg>>;

/**
 * The one shape of a refused form: the errors, and the values the person typed,
 * so the page renders the form again with both (no JavaScript needed).
 * Pages read it with `useActionData<typeof action>()`; it is a plain type so
 * components may import it without pulling server code into the browser.
 */
export interface FormFailure {
  errors: FieldErrors;
  values: Record<string, string>;
}

/** The failure shape with what one page adds to it (candidates to choose from, rows to show…). */
export type FormFailureWith<Extra extends object> = FormFailure & Extra;
