import type { Sex } from "../../db/schema";
import type { MessageKey, T } from "../i18n/keys";
import type { Count, ReachReport } from "../models/reach.server";
import { dateFormat } from "../utils/intl";
import { isRegionOf, regionName } from "./regions";
import type { SheetId } from "./sheet-names";

/**
 * The report as plain tables: the page, the CSV, the XLSX sheets and the CLI all render these,
 * so what a manager downloads is exactly what they saw.
 */
export type CellKind = "text" | "count" | "percent" | "date" | "month";
export type Cell = string | number | null;
export interface ReportColumn {
  label: string;
  kind: CellKind;
}
export interface ReportTable {
  /** Also names the table's sheet in the workbook (`app/domain/sheet-names.ts`). */
  id: SheetId;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  total?: Cell[];
}

const share = (count: number, total: number) => (total ? count / total : null);

function breakdown(
  id: SheetId,
  title: string,
  label: string,
  rows: Array<{ name: string; count: number }>,
  total: number,
  t: T,
): ReportTable {
  return {
    id,
    title,
    columns: [
      { label, kind: "text" },
      { label: t("reports.tables.people"), kind: "count" },
      { label: t("reports.tables.share"), kind: "percent" },
    ],
    rows: rows.map((row) => [row.name, row.count, share(row.count, total)]),
    total: [t("reports.tables.total"), rows.reduce((sum, row) => sum + row.count, 0), total ? 1 : null],
  };
}

/**
 * The region table's rows: the region's Spanish name and its ISO 3166-2 code (none for older
 * free text, shown as it was typed), by country and then name, so a country's regions read in order.
 */
export function regionRows(rows: ReachReport["byRegion"]) {
  return rows
    .map((r) => ({
      country: r.country,
      name: regionName(r.region),
      code: r.region && isRegionOf(r.country, r.region) ? r.region : null,
      count: r.count,
    }))
    .sort(
      (a, b) =>
        Number(a.country === null) - Number(b.country === null) ||
        (a.country ?? "").localeCompare(b.country ?? "") ||
        Number(a.name === null) - Number(b.name === null) ||
        (a.name ?? "").localeCompare(b.name ?? "", "es"),
    );
}

export function countryName(code: string | null, t: T): string {
  if (!code) return t("reports.values.notStated");
  const key = `common.countries.${code}` as MessageKey;
  const name = t(key);
  return name === key ? code : name;
}

/** "other" cannot be a message key (it marks plural forms), hence "other_sex". */
export function sexLabel(sex: Sex, t: T): string {
  return t(`reports.values.sex.${sex === "other" ? "other_sex" : sex}`);
}

/** "2022-10-01 – 2023-09-30" in files; pages pass a date formatter for "1 oct 2022 – 30 sept 2023". */
export function periodText(
  report: Pick<ReachReport, "from" | "to">,
  t: T,
  formatDate: (date: string) => string = (d) => d,
): string {
  return report.from && report.to ? `${formatDate(report.from)} – ${formatDate(report.to)}` : t("reports.periodAll");
}

/** A local calendar date for people, e.g. "1 oct 2022"; formatted in UTC so no time zone can move it. */
export function calendarDateFormatter(locale: string): (date: string) => string {
  const format = dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return (date) => format.format(new Date(`${date}T12:00:00Z`));
}

export function buildReportTables(report: ReachReport, t: T): ReportTable[] {
  const h = report.headline;
  const total = h.uniqueIndividuals;
  const stated = (value: string | null) => value || t("reports.values.notStated");
  const named = <K>(rows: Count<K>[], name: (key: K) => string) =>
    rows.map((row) => ({ name: name(row.key), count: row.count }));
  const tables: ReportTable[] = [];

  const summary: Cell[][] = [
    [t("reports.tables.period"), periodText(report, t)],
    [t("reports.headline.unique"), h.uniqueIndividuals],
    [t("reports.headline.workshops"), h.workshops],
    [t("reports.headline.sessions"), h.sessions],
    [t("reports.headline.participations"), h.participations],
    [t("reports.headline.viaWorkshops"), h.viaWorkshops],
    [t("reports.headline.viaCoursesOnly"), h.viaCoursesOnly],
    [t("reports.headline.registered"), h.registered],
    [t("reports.headline.noShows"), h.noShows],
    [t("reports.headline.walkIns"), h.walkIns],
    [t("reports.headline.belowMinimum"), h.belowMinimum],
    [t("reports.headline.neverCame"), h.neverCame],
  ];
  if (report.courses) {
    summary.push(
      [t("reports.tables.enrolled"), report.courses.enrolled],
      [t("reports.tables.completed"), report.courses.completed],
    );
  }
  tables.push({
    id: "summary",
    title: t("reports.tables.summary"),
    columns: [
      { label: t("reports.tables.figure"), kind: "text" },
      { label: t("reports.tables.value"), kind: "count" },
    ],
    rows: summary,
  });

  tables.push({
    id: "workshops",
    title: t("reports.tables.workshops"),
    columns: [
      { label: t("reports.tables.workshop"), kind: "text" },
      { label: t("reports.tables.firstDate"), kind: "date" },
      { label: t("reports.tables.lastDate"), kind: "date" },
      { label: t("reports.tables.modality"), kind: "text" },
      { label: t("reports.tables.place"), kind: "text" },
      { label: t("reports.tables.facilitators"), kind: "text" },
      { label: t("reports.tables.minMinutes"), kind: "count" },
      { label: t("reports.tables.registered"), kind: "count" },
      { label: t("reports.tables.attended"), kind: "count" },
      { label: t("reports.tables.walkIns"), kind: "count" },
      { label: t("reports.tables.belowMinimum"), kind: "count" },
      { label: t("reports.tables.neverCame"), kind: "count" },
      { label: t("reports.tables.attendanceRate"), kind: "percent" },
    ],
    rows: report.workshops.map((w) => [
      w.title,
      w.firstDate,
      w.lastDate,
      t(`reports.values.modality.${w.modality}`),
      [w.place, w.region, w.country ? countryName(w.country, t) : null].filter(Boolean).join(", ") ||
        t("reports.values.notStated"),
      w.facilitators.join(", "),
      w.minMinutes,
      w.registered,
      w.attended,
      w.walkIns,
      w.belowMinimum,
      w.neverCame,
      w.attendanceRate,
    ]),
    total: [
      t("reports.tables.total"),
      null,
      null,
      null,
      null,
      null,
      null,
      h.registered,
      h.participations,
      h.walkIns,
      h.belowMinimum,
      h.neverCame,
      h.registered ? (h.registered - h.noShows) / h.registered : null,
    ],
  });

  tables.push(
    breakdown(
      "by-sex",
      t("reports.tables.bySex"),
      t("reports.tables.sex"),
      named(report.bySex, (k) => sexLabel(k, t)),
      total,
      t,
    ),
    breakdown(
      "by-age",
      t("reports.tables.byAge"),
      t("reports.tables.age"),
      named(report.byAge, (k) => t(`reports.values.age.${k}`)),
      total,
      t,
    ),
    breakdown(
      "by-funder-age",
      t("reports.tables.byFunderAge"),
      t("reports.tables.age"),
      named(report.byFunderAge, (k) => t(`reports.values.funderAge.${k}`)),
      total,
      t,
    ),
    breakdown(
      "by-country",
      t("reports.tables.byCountry"),
      t("reports.tables.country"),
      named(report.byCountry, (k) => countryName(k, t)),
      total,
      t,
    ),
  );
  tables.push({
    id: "by-region",
    title: t("reports.tables.byRegion"),
    columns: [
      { label: t("reports.tables.country"), kind: "text" },
      { label: t("reports.tables.region"), kind: "text" },
      { label: t("reports.tables.regionCode"), kind: "text" },
      { label: t("reports.tables.people"), kind: "count" },
      { label: t("reports.tables.share"), kind: "percent" },
    ],
    rows: regionRows(report.byRegion).map((r) => [
      countryName(r.country, t),
      stated(r.name),
      r.code,
      r.count,
      share(r.count, total),
    ]),
    total: [
      t("reports.tables.total"),
      null,
      null,
      report.byRegion.reduce((sum, r) => sum + r.count, 0),
      total ? 1 : null,
    ],
  });
  tables.push(
    breakdown(
      "by-cooperative",
      t("reports.tables.byCooperative"),
      t("reports.tables.cooperative"),
      named(report.byCooperative, stated),
      total,
      t,
    ),
    breakdown(
      "by-modality",
      t("reports.tables.byModality"),
      t("reports.tables.modality"),
      named(report.byModality, (k) => t(`reports.values.modality.${k}`)),
      total,
      t,
    ),
  );
  const months = breakdown(
    "by-month",
    t("reports.tables.byMonth"),
    t("reports.tables.month"),
    named(report.byMonth, (k) => k),
    total,
    t,
  );
  months.columns[0].kind = "month";
  tables.push(months);

  if (report.courses) {
    const c = report.courses;
    tables.push({
      id: "courses",
      title: t("reports.tables.courses"),
      columns: [
        { label: t("reports.tables.courseName"), kind: "text" },
        { label: t("reports.tables.enrolled"), kind: "count" },
        { label: t("reports.tables.completed"), kind: "count" },
        { label: t("reports.tables.cohortCompleted"), kind: "count" },
        { label: t("reports.tables.completionRate"), kind: "percent" },
      ],
      rows: c.rows.map((row) => [row.title, row.enrolled, row.completed, row.cohortCompleted, row.completionRate]),
      total: [t("reports.tables.allCourses"), c.enrolled, c.completed, c.cohortCompleted, c.completionRate],
    });
  }

  const q = report.quality;
  tables.push({
    id: "quality",
    title: t("reports.tables.quality"),
    columns: [
      { label: t("reports.tables.figure"), kind: "text" },
      { label: t("reports.tables.value"), kind: "count" },
    ],
    rows: [
      [t("reports.quality.importRows"), q.importRowsTotal],
      [t("reports.quality.matchedShare"), q.importRowsMatched],
      [t("reports.quality.ignored"), q.importRowsIgnored],
      [t("reports.quality.missingSex"), q.missingSex],
      [t("reports.quality.missingBirthYear"), q.missingBirthYear],
      [t("reports.quality.missingCountry"), q.missingCountry],
    ],
  });
  return tables;
}
