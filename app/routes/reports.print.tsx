import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportBody } from "../components/reach/report-body";
import { filtersToSearch } from "../domain/reach-filters";
import { calendarDateFormatter, periodText } from "../domain/reach-tables";
import { useI18n } from "../i18n/use-translation";
import styles from "../styles/reach.css";
import { loadReachRequest } from "../reports/reach-request.server";
import { formatDateTime } from "../utils/dates";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "reports.printTitle") }];

/** The same report without the form, laid out for paper (the browser's own Print command). */
export async function loader({ request }: LoaderFunctionArgs) {
  const result = await loadReachRequest(request);
  return data(
    { ...result, texts: await pageTexts(request, ["reports", "people.staff.quality"]) },
    { status: result.errors.length ? 400 : 200 },
  );
}

export default function ReportPrint() {
  const { filters, errors, report, duplicates, generatedAt } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div className="reach-page reach-print">
      <h1>{t("reports.printTitle")}</h1>
      <p className="no-print">
        <Link to={`/reports?${filtersToSearch(filters)}`}>{t("reports.people.back")}</Link>
      </p>
      {errors.length ? (
        <ul className="form-error" role="alert">
          {errors.map((error) => (
            <li key={error}>{t(error)}</li>
          ))}
        </ul>
      ) : null}
      {report ? (
        <>
          <p className="reach-period">
            {t("reports.period", { range: periodText(report, t, calendarDateFormatter(locale)) })}
          </p>
          <p>{t("reports.generatedAt", { date: formatDateTime(generatedAt, locale, "long") })}</p>
          <ReportBody report={report} duplicates={duplicates} linkToLedger={false} />
        </>
      ) : null}
    </div>
  );
}
