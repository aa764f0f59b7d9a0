/**
 * The dashboard's figures as HTML, rendered once per cached report, language and filter
 * (decision 0181-dashboard-html-kept-with-the-report). The report cache hands the same
 * report object to every request of one key and version (cache.server.ts), and a new
 * version makes a new object: the HTML is kept beside that object, so it is keyed and
 * invalidated exactly as the report is, and goes with it when the cache drops it.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "~/i18n/config";
import { dictionaries } from "~/i18n/dictionaries.server";
import { I18nProvider } from "~/i18n/i18n-context";
import { flatHtml } from "~/lib/kept-html.server";
import { ReportBody } from "./dashboard-sections";
import type { Report } from "./report-tables";

/** Renderings kept per report: its languages (3) times the filters that name it (one or two each). */
const MAX_PER_REPORT = 12;

const kept = new WeakMap<Report, Map<string, string>>();

/** The report's figures rendered afresh (what the kept HTML must always equal). */
export function renderReportBody(report: Report, locale: Locale, query: string): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale} messages={dictionaries[locale]}>
      <ReportBody report={report} query={query} />
    </I18nProvider>,
  );
}

/** The report's figures as HTML: rendered the first time for this report, language and filter, then kept. */
export function reportBodyHtml(report: Report, locale: Locale, query: string): string {
  let renderings = kept.get(report);
  if (!renderings) kept.set(report, (renderings = new Map()));
  const key = `${locale} ${query}`;
  let html = renderings.get(key);
  if (html === undefined) {
    html = flatHtml(renderReportBody(report, locale, query));
    if (renderings.size >= MAX_PER_REPORT) renderings.delete(renderings.keys().next().value as string);
    renderings.set(key, html);
  }
  return html;
}
