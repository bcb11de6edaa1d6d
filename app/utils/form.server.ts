import type { z } from "zod";
import type { MessageKey, Msg } from "../i18n/keys";

export type FieldErrors<Field extends string = string> = Partial<Record<Field, Msg>>;

/** What an action returns when a form is refused: errors per field and the values to show again. */
export interface FormFailure {
  errors: FieldErrors;
  values: Record<string, string>;
}

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors };

/**
 * Validates a form with a Zod schema whose messages are translation keys.
 * Errors come back per field as keys (with the limit as `max`/`min`), so the
 * page shows them in the reader's language.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData | Record<string, unknown>): FormResult<z.output<S>> {
  const input = form instanceof FormData ? Object.fromEntries(form) : form;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    const vars: Record<string, number> = {};
    if (issue.code === "too_big") vars.max = Number(issue.maximum);
    if (issue.code === "too_small") vars.min = Number(issue.minimum);
    errors[field] = { key: issue.message as MessageKey, vars };
  }
  return { ok: false, errors };
}

/** The submitted values to show again, without secrets. */
export function keepValues(form: FormData, omit: string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === "string" && !omit.includes(name)) values[name] = value.slice(0, 2000);
  }
  return values;
}
