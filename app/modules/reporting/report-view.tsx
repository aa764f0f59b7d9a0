/** The report's tables and charts on the page. */
import { useI18n } from "~/i18n/i18n-context";
import { formatMonth } from "~/i18n/translate";
import { barGeometry, seriesGeometry, stackedGeometry } from "./chart-geometry";
import { ChartWithTable, SvgChart } from "./charts";
import { cellText } from "./labels";
import type { Label, Report, ReportTable } from "./report-tables";
import { SUPPRESSED } from "./rules";

/**
 * The charts' drawing width, in SVG units: about a phone's width in CSS pixels, so the
 * 12-unit text reads at about 12 px at 375 px (a 560-unit chart drew it at 7 px). On a
 * wide screen the chart grows up to its CSS limit (styles.css `.chart-svg`).
 */
const CHART_W = 340;

/** A table's rows cut at its headings: one body per group (a table without headings is one body). */
function bodies(table: ReportTable): { start: number; end: number; label: Label | null }[] {
  const sections = table.sections ?? [];
  const first = sections[0]?.row ?? table.rows.length;
  const parts = first > 0 || sections.length === 0 ? [{ start: 0, end: first, label: null as Label | null }] : [];
  sections.forEach((s, i) =>
    parts.push({ start: s.row, end: sections[i + 1]?.row ?? table.rows.length, label: s.label }),
  );
  return parts;
}

export function ReportTableView({
  table,
  caption,
  csvHref,
}: {
  table: ReportTable;
  caption?: boolean;
  csvHref?: string;
}) {
  const { t, locale } = useI18n();
  // each column's name once, not once per cell (every cell carries it as data-label)
  const labels = table.columns.map((c) => cellText(c.label, "label", t, locale));
  return (
    <>
      <table className="report-table" data-table={table.id}>
        {caption !== false ? <caption>{t(table.title)}</caption> : null}
        <thead>
          <tr>
            {labels.map((label, i) => (
              <th key={i} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        {bodies(table).map((body) => (
          <tbody key={body.start}>
            {body.label ? (
              <tr className="row-group">
                <th scope="rowgroup" colSpan={table.columns.length}>
                  {cellText(body.label, "label", t, locale)}
                </th>
              </tr>
            ) : null}
            {table.rows.slice(body.start, body.end).map((row, r) => (
              <tr key={body.start + r}>
                {row.map((cell, i) => {
                  const format = table.columns[i]?.format ?? "label";
                  const text = cellText(cell, format, t, locale);
                  return i === 0 ? (
                    <th key={i} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td
                      key={i}
                      className={format === "label" ? undefined : "num"}
                      data-label={labels[i] ?? cellText(null, "label", t, locale)}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {csvHref ? (
        <p className="table-actions">
          <a href={csvHref} download>
            {t("reporting.download.csv")}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** Persons reached per result, by sex (women, men, not said), stacked. */
function SexChart({
  report,
  table,
  csvHref,
  resultName,
}: {
  report: Report;
  table: ReportTable;
  csvHref: string;
  resultName: (key: string) => string;
}) {
  const { t, dir, formatNumber } = useI18n();
  return (
    <ChartWithTable
      heading={t("reporting.chart.bySex")}
      chart={
        <SvgChart
          title={t("reporting.chart.bySex")}
          geometry={stackedGeometry(
            report.bySex.map((b) => ({
              label: resultName(b.key),
              parts: [b.f, b.m, b.unknown],
              total: report.headline.find((h) => h.key === b.key)?.persons ?? 0,
            })),
            { rtl: dir === "rtl", format: formatNumber, labels: "above", width: CHART_W },
          )}
          legend={[
            { label: t("reporting.sex.f"), series: 0 },
            { label: t("reporting.sex.m"), series: 1 },
            { label: t("reporting.unknown"), series: 2 },
          ]}
        />
      }
      table={<ReportTableView table={table} csvHref={csvHref} />}
    />
  );
}

export function ReportCharts({ report, csv }: { report: Report; csv: (tableId: string) => string }) {
  const { t, dir, formatNumber, locale } = useI18n();
  const rtl = dir === "rtl";
  const table = (id: string) => report.tables.find((x) => x.id === id);
  const reach = table("reach");
  const sex = table("reach-sex");
  const monthly = table("monthly");
  const frameworks = table("frameworks");
  const resultName = (k: string) =>
    t(k === "all" ? "reporting.result.all" : (`reporting.result.${k}` as "reporting.result.health"));
  const hasSuppressed = report.suppressed;
  return (
    <>
      {reach ? (
        <ChartWithTable
          heading={t("reporting.chart.reach")}
          chart={
            <SvgChart
              title={t("reporting.chart.reach")}
              geometry={barGeometry(
                report.headline.map((h) => ({ label: resultName(h.key), value: h.persons })),
                { rtl, format: formatNumber, labels: "above", width: CHART_W },
              )}
            />
          }
          table={<ReportTableView table={reach} csvHref={csv("reach")} />}
          note={hasSuppressed ? t("reporting.chart.suppressedNotDrawn") : undefined}
        />
      ) : null}
      {sex ? <SexChart report={report} table={sex} csvHref={csv("reach-sex")} resultName={resultName} /> : null}
      {monthly ? (
        <ChartWithTable
          heading={t("reporting.chart.monthly")}
          chart={
            <SvgChart
              title={t("reporting.chart.monthly")}
              geometry={seriesGeometry(report.monthly.months, report.monthly.series, {
                rtl,
                width: CHART_W,
                labelsInside: true,
                format: formatNumber,
                // named as the monthly table names them, four at most so they never overlap
                monthLabel: (month) => formatMonth(locale, month),
                maxMonthLabels: 4,
              })}
              legend={report.monthly.series.map((s, i) => ({ label: resultName(s.key), series: i }))}
            />
          }
          table={<ReportTableView table={monthly} csvHref={csv("monthly")} />}
        />
      ) : null}
      {frameworks ? (
        <ChartWithTable
          heading={`${t("reporting.chart.framework")} · ${t(`reporting.framework.${report.framework}`)}`}
          chart={
            <SvgChart
              title={t("reporting.chart.framework")}
              geometry={barGeometry(
                frameworks.rows.map((r) => ({
                  // the objective's whole name: the labels stand over the bars, wrapped
                  label: cellText(r[0] ?? null, "label", t, locale),
                  value: typeof r[1] === "number" || r[1] === SUPPRESSED ? r[1] : 0,
                })),
                { rtl, format: formatNumber, labels: "above", width: CHART_W },
              )}
            />
          }
          table={<ReportTableView table={frameworks} csvHref={csv("frameworks")} />}
        />
      ) : null}
    </>
  );
}
