import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";

interface Described {
  label: ReactNode;
  hint?: ReactNode;
  error?: Msg;
}

/** Wires label, hint and error to the control with aria-invalid / aria-describedby. */
function useDescribed(error: Msg | undefined, hint: ReactNode | undefined) {
  const id = useId();
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    aria: {
      "aria-invalid": error ? true : undefined,
      "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined,
    },
    hintNode: hint ? (
      <p id={hintId} className="hint">
        {hint}
      </p>
    ) : null,
    errorNode: error ? (
      <p id={errorId} className="field-error">
        {t(error.key, error.vars)}
      </p>
    ) : null,
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
