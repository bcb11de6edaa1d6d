import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useDocumentHtml } from "../components/document-html";
import { ReportFilters } from "../components/reach/report-filters";
import { filtersToSearch } from "../domain/reach-filters";
import { calendarDateFormatter, periodText } from "../domain/reach-tables";
import { useI18n } from "../i18n/use-translation";
import styles from "../styles/reach.css";
import { loadReachRequest } from "../reports/reach-request.server";
import { reportBodyHtml } from "../reports/report-html.server";
import { getLocale } from "../utils/locale.server";
import { sendOnce } from "../utils/document-html.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "reports.title") }];

const REPORT_BODY_ID = "report-body";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await loadReachRequest(request);
  const locale = await getLocale(request);
  const body = result.report
    ? reportBodyHtml(result.report, { locale, duplicates: result.duplicates, linkToLedger: true })
    : null;
  return data(
    {
      ...result,
      // In the page, not again in the hydration data.
      bodyHtml: body === null ? null : sendOnce(context, REPORT_BODY_ID, body),
      texts: await pageTexts(request, [
        "reports.errors",
        "reports.exports",
        "reports.facilitatorIntro",
        "reports.filters",
        "reports.intro",
        "reports.period",
        "reports.periodAll",
        "reports.tables",
        "reports.title",
        "reports.values",
      ]),
    },
    { status: result.errors.length ? 400 : 200 },
  );
}

export default function ReportsPage() {
  const { viewer, filters, errors, report, options, bodyHtml } = useLoaderData<typeof loader>();
  const body = useDocumentHtml(REPORT_BODY_ID, bodyHtml);
  const { t, locale } = useI18n();
  const search = filtersToSearch(filters);
  return (
    <div className="reach-page">
      <h1>{t("reports.title")}</h1>
      <p>{t("reports.intro")}</p>
      {viewer.seesAll ? null : <p className="notice">{t("reports.facilitatorIntro")}</p>}
      <ReportFilters filters={filters} options={options} seesAll={viewer.seesAll} />
      {errors.length ? (
        <div className="form-error" role="alert">
          <p>
            <strong>{t("reports.errors.title")}</strong>
          </p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{t(error)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {report ? (
        <>
          <p className="reach-period">
            {t("reports.period", { range: periodText(report, t, calendarDateFormatter(locale)) })}
          </p>
          <nav aria-labelledby="exports-title" className="reach-exports no-print">
            <h2 id="exports-title">{t("reports.exports.title")}</h2>
            <ul>
              <li>
                <a href={`/reports/export?format=csv&${search}`} className="button" download>
                  {t("reports.exports.csv")}
                </a>
              </li>
              <li>
                <a href={`/reports/export?format=xlsx&${search}`} className="button" download>
                  {t("reports.exports.xlsx")}
                </a>
              </li>
              <li>
                <Link to={`/reports/print?${search}`} className="button">
                  {t("reports.exports.print")}
                </Link>
              </li>
            </ul>
          </nav>
          <div id={REPORT_BODY_ID} dangerouslySetInnerHTML={{ __html: body }} />
        </>
      ) : null}
    </div>
  );
}
