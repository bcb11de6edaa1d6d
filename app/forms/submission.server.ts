import { data } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "../i18n/keys";
import type { FieldErrors, FormFailure } from "./failure";

export type { FieldErrors, FormFailure } from "./failure";

/** Values a failure never sends back to the browser. */
const SECRETS = ["password", "current", "code"];
const VALUE_MAX = 2000;

export type Submission<T> = { ok: true; data: T; values: Record<string, string> } | ({ ok: false } & FormFailure);

type Source = FormData | Record<string, string>;
interface Options {
  /** Field names never echoed back (besides passwords and codes). */
  omit?: string[];
}

/**
 * The one way a form is read: a Zod schema (in `app/forms/*.server.ts`) whose
 * messages are translation keys. Errors come back per field as keys (with the
 * limit as `max`/`min`), so the page shows them in the reader's language, and
 * with the typed values to fill the form again.
 */
export function parseSubmission<S extends z.ZodType>(
  schema: S,
  source: Source,
  options?: Options,
): Submission<z.output<S>>;
export function parseSubmission<S extends z.ZodType>(
  schema: S,
  source: Request,
  options?: Options,
): Promise<Submission<z.output<S>>>;
export function parseSubmission<S extends z.ZodType>(
  schema: S,
  source: Source | Request,
  options: Options = {},
): Submission<z.output<S>> | Promise<Submission<z.output<S>>> {
  if (source instanceof Request) return source.formData().then((form) => parseSubmission(schema, form, options));
  const values = keepValues(source, options.omit);
  const input = source instanceof FormData ? Object.fromEntries(source) : source;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: issuesToErrors(result.error.issues), values };
}

/** The first issue of each field, as a translation key with its limit. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    const vars: Record<string, number> = {};
    if (issue.code === "too_big") vars.max = Number(issue.maximum);
    if (issue.code === "too_small") vars.min = Number(issue.minimum);
    errors[field] = { key: issue.message as MessageKey, vars };
  }
  return errors;
}

/** The submitted text values to show again: never passwords or codes, never a file, each at most 2,000 characters. */
export function keepValues(source: Source, omit: string[] = []): Record<string, string> {
  const hidden = new Set([...SECRETS, ...omit]);
  const entries = source instanceof FormData ? [...source] : Object.entries(source);
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value === "string" && !hidden.has(name)) values[name] = value.slice(0, VALUE_MAX);
  }
  return values;
}

/**
 * The one way an action refuses a form: `{ errors, values }` (and what the page
 * adds, typed by `F`) with a 4xx status. `F` is never inferred from the
 * argument, so every failure of an action has the same type and the page reads
 * `useActionData<typeof action>()` without a cast.
 */
export function formFailure<F extends FormFailure = FormFailure>(
  failure: NoInfer<F> | ({ ok: false } & NoInfer<F>),
  status = 400,
) {
  const { ok: _ok, ...payload } = failure as F & { ok?: false };
  return data(payload as unknown as F, { status });
}
