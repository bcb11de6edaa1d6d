import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";

/** On the login page: the ways in without a password (access card code, e-mailed link). */
export function LoginOptions() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="login-options">
      <h2 id="login-options">{t("access.loginOptions.title")}</h2>
      <ul className="link-list">
        <li>
          <Link to="/login/code">{t("access.loginOptions.card")}</Link>
        </li>
        <li>
          <Link to="/login/link">{t("access.loginOptions.link")}</Link>
        </li>
      </ul>
    </section>
  );
}
