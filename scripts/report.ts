/**
 * `npm run report`: the same figures as /reports (same filters, same model, same tables), for scripts and cron.
 * `npm run report -- --help` lists the options.
 */
import fs from "node:fs";
import { fiscalYearOf, parseReachFilters } from "../app/domain/reach-filters";
import { buildReportTables } from "../app/domain/reach-tables";
import { translatorFor } from "../app/i18n/translator.server";
import { computeReachReport } from "../app/models/reach.server";
import { closeDb, getDb } from "../app/utils/db.server";
import { localDate } from "../app/utils/dates";
import { reportCsv, reportXlsx } from "../app/utils/reach-export.server";
import { parseCommandLine } from "./cli-args";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const USAGE = `Usage: npm run report -- [period] [filters] [--format csv|json|xlsx] [--out file]

Prints the reach report of /reports (the same figures, as a manager sees them).

Period (one of them; default: the current US fiscal year):
  --fy 2026               US fiscal year 2026 (1 Oct 2025 – 30 Sep 2026)
  --year 2026             calendar year 2026
  --from 2025-10-01 --to 2026-09-30
                          a range of local dates, both included (at most 10 years)
  --all                   the life of the project

Filters:
  --workshop-country PE   workshops held in this country (PE, GT, SV, DO, HN, OTHER); leaves courses out
                          (--country PE is the same, as in older scripts)
  --person-country GT     only people whose record says this country, in workshops and courses
  --workshop ID           one workshop
  --facilitator ID        the workshops of one facilitator (an account id)
  --course ID             one course and the workshops linked to it
  --enrolments            also count course enrolments as reach, not only completions

Output:
  --format csv|json|xlsx  default csv; xlsx needs --out
  --out FILE              write to FILE (default: standard output)
  --locale es|en          language of the tables (default es)
  --help, -h              this text
`;

const { values } = parseCommandLine(
  {
    options: {
      from: { type: "string" },
      to: { type: "string" },
      fy: { type: "string" },
      year: { type: "string" },
      all: { type: "boolean" },
      format: { type: "string", default: "csv" },
      out: { type: "string" },
      "workshop-country": { type: "string" },
      country: { type: "string" },
      "person-country": { type: "string" },
      workshop: { type: "string" },
      facilitator: { type: "string" },
      course: { type: "string" },
      enrolments: { type: "boolean" },
      locale: { type: "string", default: "es" },
    },
  },
  USAGE,
);

const format = values.format ?? "csv";
if (!["csv", "json", "xlsx"].includes(format)) fail(`Unknown --format "${format}": use csv, json or xlsx.`);
if (format === "xlsx" && !values.out) fail("An XLSX file is binary: give --out file.xlsx.");
const locale = values.locale === "en" ? "en" : "es";
const t = translatorFor(locale);

const params = new URLSearchParams();
if (values.from || values.to) {
  params.set("period", "custom");
  params.set("from", values.from ?? "");
  params.set("to", values.to ?? "");
} else if (values.fy) params.set("period", `fy-${values.fy}`);
else if (values.year) params.set("period", `year-${values.year}`);
else if (values.all) params.set("period", "all");
const workshopCountry = values["workshop-country"] ?? values.country;
if (workshopCountry) params.set("workshopCountry", workshopCountry);
if (values["person-country"]) params.set("personCountry", values["person-country"]);
for (const key of ["workshop", "facilitator", "course"] as const) if (values[key]) params.set(key, values[key]!);
if (values.enrolments) params.set("enrolments", "1");

const parsed = parseReachFilters(params, { kind: "fy", year: fiscalYearOf(localDate(new Date().toISOString())) });
if (!parsed.ok) fail(parsed.errors.map((error) => t(error)).join("\n"));

const db = await getDb();
// The command line is an operator's tool: it sees what a manager sees.
const report = await computeReachReport(db, parsed.filters, { accountId: 0, seesAll: true });
await closeDb();

const tables = buildReportTables(report, t);
const title = t("reports.title");
if (format === "xlsx") {
  fs.writeFileSync(values.out!, await reportXlsx(title, tables, t));
} else {
  const body =
    format === "csv"
      ? reportCsv(title, tables)
      : JSON.stringify({ filters: parsed.filters, report, tables }, null, 2) + "\n";
  if (values.out) fs.writeFileSync(values.out, body);
  else process.stdout.write(body);
}
if (values.out) console.error(`${t("reports.headline.unique")}: ${report.headline.uniqueIndividuals} → ${values.out}`);
