import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { PASSWORD_MIN } from "../domain/password-rules";
import { Field } from "./field";

/** The "new password" field every password form shares: same name, hint, rules and autocomplete. */
export function NewPasswordField({ label, error }: { label: string; error?: Msg }) {
  const { t } = useI18n();
  return (
    <Field
      label={label}
      hint={t("auth.signup.passwordHint")}
      name="password"
      type="password"
      autoComplete="new-password"
      minLength={PASSWORD_MIN}
      error={error}
      required
    />
  );
}
