import { useMemo } from "react";
import { buildReportTables, type ReportTable } from "../../domain/reach-tables";
import { useI18n } from "../../i18n/use-translation";
import type { ReachReport } from "../../models/reach.server";
import { BarChart, type Bar } from "./bar-chart";
import { ReportTableView } from "./report-table";
import { ReachDefinitions } from "./definitions";
import { QualityLinks } from "./quality-links";
import { dateFormat, numberFormat } from "../../utils/intl";

/** Bars from a breakdown table: its label column and its people column. */
function barsOf(table: ReportTable, valueColumn = 1): Bar[] {
  return table.rows.map((row) => ({ label: String(row[0] ?? ""), value: Number(row[valueColumn] ?? 0) }));
}

/**
 * The whole report below the filters: shared by the page and its print view. The page renders it
 * apart, once per report and language (app/reports/report-html.server.tsx), so it has plain links.
 */
export function ReportBody({
  report,
  duplicates,
  linkToLedger,
}: {
  report: ReachReport;
  duplicates: number | null;
  linkToLedger: boolean;
}) {
  const { t, locale } = useI18n();
  const tables = useMemo(() => buildReportTables(report, t), [report, t]);
  const table = (id: string) => tables.find((x) => x.id === id)!;
  const none = t("reports.values.none");
  const h = report.headline;
  const number = (n: number) => numberFormat(locale).format(n);

  const describe = (bars: Bar[], total = h.uniqueIndividuals) => {
    const top = [...bars].sort((a, b) => b.value - a.value)[0];
    return top ? t("reports.charts.barsText", { top: top.label, count: top.value, total }) : "";
  };
  const pair = (id: string, title: string) => {
    const bars = barsOf(table(id));
    return (
      <div className="reach-pair">
        <BarChart
          title={title}
          description={describe(bars)}
          bars={h.uniqueIndividuals ? bars : []}
          emptyText={t("reports.charts.empty")}
        />
        <ReportTableView table={table(id)} locale={locale} none={none} />
      </div>
    );
  };

  const monthBars = report.byMonth.map((m) => ({
    label: dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${m.key}-15T12:00:00Z`),
    ),
    value: m.count,
  }));
  const topMonth = [...monthBars].sort((a, b) => b.value - a.value)[0];
  const workshopBars = report.workshops.map((w) => ({ label: w.title, value: w.attended }));
  const topWorkshop = [...workshopBars].sort((a, b) => b.value - a.value)[0];

  return (
    <div className="reach-report">
      <section aria-labelledby="headline-title">
        <h2 id="headline-title">{t("reports.headline.title")}</h2>
        <dl className="reach-headline">
          <div className="reach-figure reach-figure-main" data-figure="unique">
            <dt>{t("reports.headline.unique")}</dt>
            <dd>{number(h.uniqueIndividuals)}</dd>
          </div>
          <div className="reach-figure" data-figure="workshops">
            <dt>{t("reports.headline.workshops")}</dt>
            <dd>{number(h.workshops)}</dd>
          </div>
          <div className="reach-figure" data-figure="participations">
            <dt>{t("reports.headline.participations")}</dt>
            <dd>{number(h.participations)}</dd>
          </div>
          <div className="reach-figure" data-figure="sessions">
            <dt>{t("reports.headline.sessions")}</dt>
            <dd>{number(h.sessions)}</dd>
          </div>
          {report.includesCourses ? (
            <div className="reach-figure" data-figure="courses-only">
              <dt>{t("reports.headline.viaCoursesOnly")}</dt>
              <dd>{number(h.viaCoursesOnly)}</dd>
            </div>
          ) : null}
          <div className="reach-figure" data-figure="registered">
            <dt>{t("reports.headline.registered")}</dt>
            <dd>{number(h.registered)}</dd>
          </div>
          <div className="reach-figure" data-figure="no-shows">
            <dt>{t("reports.headline.noShows")}</dt>
            <dd>{number(h.noShows)}</dd>
          </div>
          {/* The two kinds of no-show, as the workshop table's totals split them. */}
          <div className="reach-figure" data-figure="below-minimum">
            <dt>{t("reports.headline.belowMinimum")}</dt>
            <dd>{number(h.belowMinimum)}</dd>
          </div>
          <div className="reach-figure" data-figure="never-came">
            <dt>{t("reports.headline.neverCame")}</dt>
            <dd>{number(h.neverCame)}</dd>
          </div>
          <div className="reach-figure" data-figure="walk-ins">
            <dt>{t("reports.headline.walkIns")}</dt>
            <dd>{number(h.walkIns)}</dd>
          </div>
        </dl>
        <ReportTableView table={table("summary")} locale={locale} none={none} />
      </section>

      <section aria-labelledby="over-time-title">
        <h2 id="over-time-title">{t("reports.sections.overTime")}</h2>
        <div className="reach-pair">
          <BarChart
            title={t("reports.charts.byMonth")}
            description={
              topMonth
                ? t("reports.charts.byMonthText", {
                    total: h.uniqueIndividuals,
                    top: topMonth.label,
                    count: topMonth.value,
                  })
                : ""
            }
            bars={monthBars}
            emptyText={t("reports.charts.empty")}
          />
          <ReportTableView table={table("by-month")} locale={locale} none={none} />
        </div>
      </section>

      <section aria-labelledby="workshops-title">
        <h2 id="workshops-title">{t("reports.tables.workshops")}</h2>
        {report.workshops.length ? (
          <>
            <BarChart
              title={t("reports.charts.perWorkshop")}
              description={
                topWorkshop
                  ? t("reports.charts.perWorkshopText", { top: topWorkshop.label, count: topWorkshop.value })
                  : ""
              }
              bars={workshopBars}
              emptyText={t("reports.charts.empty")}
            />
            <ReportTableView table={table("workshops")} locale={locale} none={none} />
          </>
        ) : (
          <p>{t("reports.tables.noWorkshops")}</p>
        )}
      </section>

      <section aria-labelledby="disaggregation-title">
        <h2 id="disaggregation-title">{t("reports.sections.disaggregation")}</h2>
        {h.uniqueIndividuals === 0 ? <p>{t("reports.tables.noPeople")}</p> : null}
        {pair("by-sex", t("reports.charts.bySex"))}
        {pair("by-age", t("reports.charts.byAge"))}
        <ReportTableView table={table("by-funder-age")} locale={locale} none={none} />
        {pair("by-country", t("reports.charts.byCountry"))}
        <ReportTableView table={table("by-region")} locale={locale} none={none} />
        <ReportTableView table={table("by-cooperative")} locale={locale} none={none} />
        <ReportTableView table={table("by-modality")} locale={locale} none={none} />
      </section>

      {report.courses ? (
        <section aria-labelledby="courses-title">
          <h2 id="courses-title">{t("reports.tables.courses")}</h2>
          {report.courses.rows.length ? (
            <ReportTableView table={table("courses")} locale={locale} none={none} />
          ) : (
            <p>{t("reports.tables.noCourses")}</p>
          )}
        </section>
      ) : null}

      {duplicates !== null ? (
        <section aria-labelledby="quality-title" className="reach-quality">
          <h2 id="quality-title">{t("reports.quality.title")}</h2>
          <p>{t("reports.quality.intro")}</p>
          <p>
            {report.quality.matchedShare === null
              ? t("reports.quality.noImports")
              : `${t("reports.quality.matchedShare")}: ${numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(report.quality.matchedShare)}`}
          </p>
          <p>
            {t("reports.quality.duplicates")}: <strong data-figure="duplicates">{number(duplicates)}</strong>
            {linkToLedger && duplicates > 0 ? (
              <>
                {" "}
                <a href="/reports/people" className="no-print">
                  {t("reports.quality.reviewDuplicates")}
                </a>
              </>
            ) : null}
          </p>
          <ReportTableView table={table("quality")} locale={locale} none={none} />
          {linkToLedger ? <QualityLinks quality={report.quality} /> : null}
        </section>
      ) : null}

      <ReachDefinitions />
    </div>
  );
}
