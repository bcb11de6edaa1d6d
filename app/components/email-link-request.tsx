import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FormFailure } from "../forms/failure";
import { Field, FormErrorSummary } from "./field";

/** What the page's action answered: the link is on its way (for any address), or the form was refused. */
export type EmailLinkRequestResult = { sent: true } | FormFailure | undefined;

/**
 * "Type your e-mail and we send you a link": the page body of /forgot-password and /login/link.
 * The same answer for any address; a refused form keeps what was typed; no JavaScript needed.
 * `children` is what the page says after the form (other ways in, the way back).
 */
export function EmailLinkRequest({
  texts,
  result,
  action,
  children,
}: {
  texts: { title: string; intro: string; label: string; submit: string; sent: string };
  result: EmailLinkRequestResult;
  /** Where the form posts; the page's own action when left out. */
  action?: string;
  children?: ReactNode;
}) {
  const failure = result && "errors" in result ? result : undefined;
  return (
    <div className="narrow">
      <h1>{texts.title}</h1>
      {result && "sent" in result ? (
        <p className="notice" role="status">
          {texts.sent}
        </p>
      ) : (
        <>
          <p>{texts.intro}</p>
          <Form method="post" action={action} noValidate>
            <FormErrorSummary show={Boolean(failure)} message={failure?.errors.form} />
            <Field
              label={texts.label}
              name="identifier"
              type="email"
              autoComplete="email"
              defaultValue={failure?.values.identifier}
              required
            />
            <button type="submit" className="button primary">
              {texts.submit}
            </button>
          </Form>
        </>
      )}
      {children}
    </div>
  );
}
