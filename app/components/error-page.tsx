import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { MessageKey } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";

const BY_STATUS: Record<number, [MessageKey, MessageKey]> = {
  403: ["common.errors.forbiddenTitle", "common.errors.forbiddenText"],
  404: ["common.errors.notFoundTitle", "common.errors.notFoundText"],
  413: ["common.errors.tooLargeTitle", "common.errors.serverText"],
};

/** Localized 403 / 404 / 500 pages for every error boundary. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] = BY_STATUS[status] ?? ["common.errors.serverTitle", "common.errors.serverText"];
  return (
    <div className="error-page">
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p>
        <Link to="/" className="button">
          {t("common.errors.goHome")}
        </Link>
      </p>
    </div>
  );
}
