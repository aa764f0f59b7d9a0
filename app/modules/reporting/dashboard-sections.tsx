/** The sections of the dashboard page around the report's charts and tables. */
import { Form } from "@remix-run/react";
import { Field, SelectField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import type { MessageKey } from "~/i18n/translate";
import { useI18n } from "~/i18n/i18n-context";
import { FRAMEWORKS } from "./frameworks";
import { ReportCharts, ReportTableView } from "./report-view";
import type { Report, ReportTable } from "./report-tables";
import { listOf } from "~/i18n/codes";

type Named = { id: string; name: string };

/** What the dashboard's filters and notes read of the report (the loader sends no more of it). */
export type ReportSummary = Pick<
  Report,
  "filter" | "audience" | "suppressed" | "framework" | "notWired" | "headlineOnly"
>;

export function reportSummary(report: Report): ReportSummary {
  const { filter, audience, suppressed, framework, notWired, headlineOnly } = report;
  return { filter, audience, suppressed, framework, notWired, headlineOnly };
}

export type OfferedPeriods = { years: string[]; quarters: string[]; months: string[] };

/** The framework select and the apply button that end both filter forms. */
function FrameworkAndApply({ framework }: { framework: Report["framework"] }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        name="framework"
        label="reporting.filter.framework"
        inline
        defaultValue={framework}
        options={FRAMEWORKS.map((f) => ({ value: f, label: t(`reporting.framework.${f}`) }))}
      />
      <button type="submit" className="button">
        {t("reporting.filter.apply")}
      </button>
    </>
  );
}

/** A donor's choice: a fixed period (a year, a quarter or a month) and the framework; a GET form. */
export function DonorFilters({
  report,
  periods,
  period,
}: {
  report: ReportSummary;
  periods: OfferedPeriods;
  period: string;
}) {
  const { t } = useI18n();
  // "2026-Q4" kept in its order inside Arabic text (a left-to-right isolate)
  const ltr = (key: string) => `\u2066${key}\u2069`;
  const group = (label: string, keys: string[], text: (key: string) => string) =>
    keys.length ? (
      <optgroup label={label}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {text(k)}
          </option>
        ))}
      </optgroup>
    ) : null;
  return (
    <Form method="get" className="filters" aria-label={t("reporting.filter.apply")}>
      <SelectField name="period" label="reporting.filter.period" inline defaultValue={period}>
        {group(t("reporting.filter.quarter"), periods.quarters, (q) =>
          t("reporting.period.quarter", { quarter: ltr(q) }),
        )}
        {group(t("reporting.filter.year"), periods.years, (y) => t("reporting.period.year", { year: ltr(y) }))}
        {group(t("reporting.filter.month"), periods.months, (m) => t("reporting.period.month", { month: ltr(m) }))}
      </SelectField>
      <FrameworkAndApply framework={report.framework} />
    </Form>
  );
}

/** The period (a quarter, or from/to), the association and the framework: a GET form. */
export function ReportFilters({
  report,
  quarters,
  quarter,
  partners,
}: {
  report: ReportSummary;
  quarters: string[];
  quarter: string | null;
  partners: Named[] | null;
}) {
  const { t } = useI18n();
  return (
    <Form method="get" className="filters" aria-label={t("reporting.filter.apply")}>
      <SelectField
        name="quarter"
        label="reporting.filter.quarter"
        inline
        defaultValue={quarter ?? ""}
        placeholder="reporting.filter.customPeriod"
        options={quarters.map((q) => ({ value: q, label: q }))}
      />
      <Field
        name="from"
        label="reporting.filter.from"
        inline
        type="date"
        defaultValue={quarter ? "" : report.filter.from}
      />
      <Field name="to" label="reporting.filter.to" inline type="date" defaultValue={quarter ? "" : report.filter.to} />
      {partners ? (
        <SelectField
          name="organisationId"
          label="reporting.filter.organisation"
          inline
          defaultValue={report.filter.organisationId ?? ""}
          placeholder="reporting.filter.allOrganisations"
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <FrameworkAndApply framework={report.framework} />
    </Form>
  );
}

/** The period shown, whose figures these are, what is hidden or not counted, and the PDF. */
export function ReportNotes({ report, pdfQuarter }: { report: ReportSummary; pdfQuarter: string }) {
  const { t, formatDate } = useI18n();
  const organisation = report.filter.organisationId ? `&organisationId=${report.filter.organisationId}` : "";
  return (
    <>
      <p className="report-period">
        {t("reporting.period", { from: formatDate(report.filter.from), to: formatDate(report.filter.to) })}
      </p>
      {report.audience === "association" ? <p className="hint">{t("reporting.scope.organisation")}</p> : null}
      {report.suppressed ? <p className="alert">{t("reporting.suppressedNote")}</p> : null}
      {report.headlineOnly ? <p className="hint">{t("reporting.monthScope")}</p> : null}
      {report.notWired.length ? (
        <p className="hint" data-not-wired={report.notWired.join(" ")}>
          {t("reporting.notWired", {
            activities: listOf(
              t,
              report.notWired.map((a) => t(`reporting.activity.${a}`)),
            ),
          })}
        </p>
      ) : null}
      <p className="actions">
        <a
          className="button button-secondary"
          href={`/reports/quarterly.pdf?quarter=${pdfQuarter}${organisation}`}
          download
        >
          {t("reporting.download.pdf")}
        </a>
        {report.audience === "admin" && !report.filter.organisationId ? (
          <a className="button button-secondary" href={`/admin/quarterly-report?quarter=${pdfQuarter}`}>
            {t("reporting.issue.write")}
          </a>
        ) : null}
      </p>
    </>
  );
}

/** The people reached by each result and by any, as big figures. */
export function Headline({ headline }: { headline: Report["headline"] }) {
  const { t, formatNumber } = useI18n();
  return (
    <>
      <h2>{t("reporting.section.results")}</h2>
      <ul className="cards headline">
        {headline.map((h) => (
          <li key={h.key} className="card">
            <p className="headline-figure">{typeof h.persons === "number" ? formatNumber(h.persons) : h.persons}</p>
            <p>{t(h.key === "all" ? "reporting.result.all" : `reporting.result.${h.key}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A heading and its tables, each in a scrolling region with its CSV link. The region is
 * named by `regionLabel`, else by its table's title.
 */
export function TablesSection({
  heading,
  tables,
  csv,
  regionLabel,
}: {
  heading: MessageKey;
  tables: ReportTable[];
  csv: (tableId: string) => string;
  regionLabel?: MessageKey;
}) {
  const { t } = useI18n();
  if (tables.length === 0) return null;
  return (
    <>
      <h2>{t(heading)}</h2>
      {tables.map((table) => (
        <TableWrap key={table.id} label={t(regionLabel ?? table.title)}>
          <ReportTableView table={table} csvHref={csv(table.id)} />
        </TableWrap>
      ))}
    </>
  );
}

/** The breakdowns shown as tables of their own (the others sit under their charts). */
const UNDER_CHARTS = new Set(["reach", "reach-sex", "monthly", "frameworks"]);

/**
 * The report's figures on the dashboard: the headline, then its tables and charts by
 * section, each table with its CSV (`query` is the dashboard's filter as a query string).
 * Rendered to HTML once per report, language and filter (dashboard-html.server.tsx).
 */
export function ReportBody({ report, query }: { report: Report; query: string }) {
  const { t } = useI18n();
  const csv = (tableId: string) => `/reports/export.csv?table=${tableId}&${query}`;
  const tables = (keep: (id: string) => boolean) => report.tables.filter((x) => keep(x.id));
  return (
    <>
      <Headline headline={report.headline} />
      <TablesSection heading="reporting.section.progress" tables={tables((id) => id === "progress")} csv={csv} />
      {tables((id) => id === "progress").length ? <p className="hint">{t("reporting.progress.note")}</p> : null}
      <TablesSection
        heading="groups.report.section"
        tables={tables((id) => id === "people-reached" || id === "group-activities")}
        csv={csv}
      />
      {tables((id) => id === "people-reached").length ? <p className="hint">{t("groups.report.note")}</p> : null}
      <ReportCharts report={report} csv={csv} />
      <TablesSection
        heading="reporting.section.disaggregation"
        tables={tables((id) => id.startsWith("reach-") && !UNDER_CHARTS.has(id))}
        csv={csv}
      />
      <TablesSection
        heading="reporting.section.outputs"
        regionLabel="reporting.section.outputs"
        tables={tables((id) => id === "outputs" || id === "business-outcomes")}
        csv={csv}
      />
      <TablesSection
        heading="reporting.section.budget"
        regionLabel="reporting.section.budget"
        tables={tables((id) => id === "budget")}
        csv={csv}
      />
      <TablesSection heading="feedback.report.section" tables={tables((id) => id === "complaints")} csv={csv} />
      {tables((id) => id === "complaints").length ? <p className="hint">{t("feedback.report.note")}</p> : null}
    </>
  );
}
