import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import type { FormFailure } from "../forms/failure";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { fieldIds } from "./field-ids";

interface Described {
  label: ReactNode;
  hint?: ReactNode;
  error?: Msg;
}

/** The errors of one field or group, each a translation key; nothing at all when there is none. */
export function ErrorList({ id, errors }: { id?: string; errors?: Msg | Array<Msg | undefined> }) {
  const { t } = useI18n();
  const list = (Array.isArray(errors) ? errors : [errors]).filter((e): e is Msg => Boolean(e));
  if (list.length === 0) return null;
  if (list.length === 1) {
    return (
      <p id={id} className="field-error">
        {t(list[0].key, list[0].vars)}
      </p>
    );
  }
  return (
    <ul id={id} className="field-error">
      {list.map((error) => (
        <li key={error.key}>{t(error.key, error.vars)}</li>
      ))}
    </ul>
  );
}

/** Wires label, hint and error to the control with aria-invalid / aria-describedby. */
function useDescribed(error: Msg | undefined, hint: ReactNode | undefined) {
  const ids = fieldIds(useId(), { hint: Boolean(hint), error: Boolean(error) });
  return {
    id: ids.id,
    aria: {
      "aria-invalid": error ? true : undefined,
      "aria-describedby": ids.describedBy,
    },
    hintNode: hint ? (
      <p id={ids.hintId} className="hint">
        {hint}
      </p>
    ) : null,
    errorNode: <ErrorList id={ids.errorId} errors={error} />,
  };
}

export function Field({ label, hint, error, ...input }: Described & InputHTMLAttributes<HTMLInputElement>) {
  const { id, aria, hintNode, errorNode } = useDescribed(error, hint);
  return (
    <div className="field">
      <label htmlFor={input.id ?? id}>{label}</label>
      {hintNode}
      <input id={id} {...aria} {...input} />
      {errorNode}
    </div>
  );
}

export function TextareaField({
  label,
  hint,
  error,
  ...textarea
}: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, aria, hintNode, errorNode } = useDescribed(error, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintNode}
      <textarea id={id} {...aria} {...textarea} />
      {errorNode}
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  children,
  ...select
}: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  const { id, aria, hintNode, errorNode } = useDescribed(error, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintNode}
      <select id={id} {...aria} {...select}>
        {children}
      </select>
      {errorNode}
    </div>
  );
}

export function CheckboxField({ label, hint, error, ...input }: Described & InputHTMLAttributes<HTMLInputElement>) {
  const { id, aria, hintNode, errorNode } = useDescribed(error, hint);
  return (
    <div className="field field-checkbox">
      {hintNode}
      <div className="checkbox-row">
        <input type="checkbox" id={id} {...aria} {...input} />
        <label htmlFor={id}>{label}</label>
      </div>
      {errorNode}
    </div>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
}

interface ChoiceGroupProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: Msg;
  name: string;
  choices: Choice[];
  className?: string;
}

/**
 * One question with its choices: a fieldset whose legend is the question, the
 * hint and error described on the group, one input per choice.
 */
function ChoiceGroup({
  type,
  legend,
  hint,
  error,
  name,
  choices,
  checked,
  className,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; checked: string[] }) {
  const { id, aria, hintNode, errorNode } = useDescribed(error, hint);
  return (
    <fieldset className={className} {...aria}>
      <legend>{legend}</legend>
      {hintNode}
      {errorNode}
      {choices.map((choice, i) => (
        <div className="checkbox-row" key={choice.value}>
          <input
            type={type}
            id={`${id}-${i}`}
            name={name}
            value={choice.value}
            defaultChecked={checked.includes(choice.value)}
          />
          <label htmlFor={`${id}-${i}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One of several choices (radios). */
export function RadioGroupField({ defaultValue, ...group }: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceGroup type="radio" checked={defaultValue === undefined ? [] : [defaultValue]} {...group} />;
}

/** Any of several choices ("tick all that apply"); the form posts the name once per ticked box. */
export function CheckboxGroupField({ defaultValue = [], ...group }: ChoiceGroupProps & { defaultValue?: string[] }) {
  return <ChoiceGroup type="checkbox" checked={defaultValue} {...group} />;
}

/** A summary at the top of a form, announced to screen readers when it appears. */
export function FormErrorSummary({ show, message }: { show: boolean; message?: Msg }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <p className="form-error" role="alert">
      {t(message?.key ?? "common.errors.formHasErrors", message?.vars)}
    </p>
  );
}

/** What a one-button form (a row's "Change", "Erase", "Merge") did: a notice, or why it was refused. */
export type FormOutcomeResult = { ok: true; message: Msg } | FormFailure;

/** Shows a FormOutcomeResult: the notice when done, the first error when refused. */
export function FormOutcome({ result, format }: { result?: FormOutcomeResult; format?: (message: Msg) => string }) {
  const { t } = useI18n();
  const message = !result ? undefined : "ok" in result ? result.message : Object.values(result.errors).find(Boolean);
  if (!result || !message) return null;
  return (
    <p className={"ok" in result ? "notice" : "form-error"} role="status">
      {format ? format(message) : t(message.key, message.vars)}
    </p>
  );
}
