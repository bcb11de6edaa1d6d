import crypto from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../db/schema";
import { ReportBody } from "../components/reach/report-body";
import { translatorFor } from "../i18n/translator.server";
import { StaticI18n } from "../i18n/use-translation";
import type { ReachReport } from "../models/reach.server";

const MAX_ENTRIES = 64;
const rendered = new Map<string, string>();

interface BodyOptions {
  locale: Locale;
  duplicates: number | null;
  linkToLedger: boolean;
}

/**
 * The report's body as HTML, rendered once per report content, language, duplicates count and
 * links (docs/decisions/024): its tables were most of a report request's CPU, rendered again on
 * every request. Keyed by the content itself, so a changed figure, another viewer's report or
 * another language is another entry, whatever cached the report.
 */
export function reportBodyHtml(report: ReachReport, options: BodyOptions): string {
  const key = crypto
    .createHash("sha256")
    .update(JSON.stringify([options.locale, options.duplicates, options.linkToLedger, report]))
    .digest("base64");
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const t = translatorFor(options.locale);
  const html = renderToStaticMarkup(
    <StaticI18n.Provider value={{ locale: options.locale, t }}>
      <ReportBody report={report} duplicates={options.duplicates} linkToLedger={options.linkToLedger} />
    </StaticI18n.Provider>,
    // useId's ids must not meet those of the page around it.
    { identifierPrefix: "report-" },
  );
  if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, html);
  return html;
}
