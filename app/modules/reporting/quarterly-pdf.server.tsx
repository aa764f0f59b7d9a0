/**
 * The quarterly report: the results, their breakdowns, the outputs, the framework
 * objectives, the monthly reach and the budget, in one PDF in fr, ar or en. Bars are
 * drawn with boxes (react-pdf shapes Arabic in text boxes, not in SVG text).
 */
import { Svg, Polyline, Line as SvgLine, Text, View } from "@react-pdf/renderer";
import { direction, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import { PdfFrame, pdfDate, pdfStyles } from "~/pdf/kit.server";
import { SERIES_COLOURS, seriesGeometry } from "./chart-geometry";
import { cellText } from "./labels";
import type { Report, ReportTable } from "./report.server";

const styles = {
  small: { fontSize: 8 },
  tableHead: { fontWeight: 700 as const, backgroundColor: "#eef2f5" },
  figure: { fontSize: 16, fontWeight: 700 as const, color: "#0b5e55" },
  card: { flex: 1, borderWidth: 0.5, borderColor: "#cfd6df", padding: 6, marginHorizontal: 2 },
};

function PdfTable({ table, locale }: { table: ReportTable; locale: Locale }) {
  const t = serverT(locale);
  const rtl = direction(locale) === "rtl";
  const flexDirection = rtl ? ("row-reverse" as const) : ("row" as const);
  const wide = table.columns.length > 5;
  return (
    <View wrap={false} style={{ marginBottom: 8 }}>
      <Text style={pdfStyles.h2}>{t(table.title)}</Text>
      <View style={[pdfStyles.row, styles.tableHead, { flexDirection }]}>
        {table.columns.map((c, i) => (
          <Text key={i} style={[pdfStyles.headerCell, wide ? styles.small : {}, i === 0 ? { flex: 2 } : {}]}>
            {cellText(c.label, "label", t, locale)}
          </Text>
        ))}
      </View>
      {table.rows.map((row, r) => (
        <View key={r} style={[pdfStyles.row, { flexDirection }]}>
          {row.map((cell, i) => (
            <Text key={i} style={[pdfStyles.cell, wide ? styles.small : {}, i === 0 ? { flex: 2 } : {}]}>
              {cellText(cell, table.columns[i]?.format ?? "label", t, locale)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function PdfBars({
  items,
  locale,
}: {
  items: { label: string; parts: (number | string)[]; total: string }[];
  locale: Locale;
}) {
  const rtl = direction(locale) === "rtl";
  const flexDirection = rtl ? ("row-reverse" as const) : ("row" as const);
  const sums = items.map((i) => i.parts.reduce<number>((a, p) => a + (typeof p === "number" ? p : 0), 0));
  const max = Math.max(1, ...sums);
  return (
    <View style={{ marginBottom: 6 }}>
      {items.map((item, row) => (
        <View key={row} style={{ flexDirection, alignItems: "center", marginBottom: 3 }}>
          <Text style={{ width: 150 }}>{item.label}</Text>
          <View style={{ flex: 1, flexDirection }}>
            {item.parts.map((p, i) =>
              typeof p === "number" && p > 0 ? (
                <View
                  key={i}
                  style={{ width: `${(p / max) * 85}%`, height: 10, backgroundColor: SERIES_COLOURS[i % 6] }}
                />
              ) : null,
            )}
            <Text style={{ marginHorizontal: 4, fontSize: 8 }}>{item.total}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export function QuarterlyReportPdf({
  report,
  locale,
  quarter,
  generatedAt,
}: {
  report: Report;
  locale: Locale;
  quarter: string;
  generatedAt?: Date;
}) {
  const t = serverT(locale);
  const rtl = direction(locale) === "rtl";
  const flexDirection = rtl ? ("row-reverse" as const) : ("row" as const);
  const table = (id: string) => report.tables.find((x) => x.id === id);
  const resultName = (k: string) =>
    t(k === "all" ? "reporting.result.all" : (`reporting.result.${k}` as "reporting.result.health"));
  const show = (v: number | string) =>
    typeof v === "number" ? new Intl.NumberFormat(locale === "ar" ? "ar-MA" : locale).format(v) : v;
  const series = seriesGeometry(report.monthly.months, report.monthly.series, { rtl, width: 500 });
  const ordered = [
    "reach-sex",
    "reach-age-band",
    "reach-migrant",
    "reach-nationality",
    "reach-region",
    "outputs",
    "frameworks",
    "monthly",
    "budget",
  ];
  return (
    <PdfFrame locale={locale} title={t("reporting.pdf.title", { quarter })} generatedAt={generatedAt}>
      <Text style={pdfStyles.h1}>{t("reporting.pdf.title", { quarter })}</Text>
      <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("reporting.pdf.subtitle")}</Text>
      <Text style={pdfStyles.p}>
        {t("reporting.period", { from: pdfDate(locale, report.filter.from), to: pdfDate(locale, report.filter.to) })}
      </Text>
      {report.suppressed ? <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("reporting.suppressedNote")}</Text> : null}
      {report.notWired.length ? (
        <Text style={[pdfStyles.p, pdfStyles.muted, styles.small]}>
          {t("reporting.notWired", { activities: report.notWired.map((a) => t(`reporting.activity.${a}`)).join(", ") })}
        </Text>
      ) : null}

      <Text style={pdfStyles.h2}>{t("reporting.section.results")}</Text>
      <View style={{ flexDirection, marginBottom: 8 }}>
        {report.headline.map((h) => (
          <View key={h.key} style={styles.card}>
            <Text style={styles.figure}>{show(h.persons)}</Text>
            <Text style={styles.small}>{resultName(h.key)}</Text>
          </View>
        ))}
      </View>
      <Text style={pdfStyles.h2}>{t("reporting.chart.bySex")}</Text>
      <PdfBars
        locale={locale}
        items={report.bySex.map((b) => ({
          label: resultName(b.key),
          parts: [b.f, b.m, b.unknown],
          total: String(show(report.headline.find((h) => h.key === b.key)?.persons ?? 0)),
        }))}
      />
      <Text style={[styles.small, pdfStyles.muted]}>
        {[t("reporting.sex.f"), t("reporting.sex.m"), t("reporting.unknown")].join(" · ")}
      </Text>

      <Text style={pdfStyles.h2}>{t("reporting.chart.monthly")}</Text>
      <Svg width={500} height={200} viewBox={`0 0 ${series.width} ${series.height}`}>
        {series.axes.map((a, i) => (
          <SvgLine key={i} x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} stroke="#4f5b6b" strokeWidth={0.5} />
        ))}
        {series.lines.map((l, i) => (
          <Polyline
            key={i}
            points={l.points.map((p) => p.join(",")).join(" ")}
            stroke={SERIES_COLOURS[l.series % 6]}
            strokeWidth={1.5}
            fill="none"
          />
        ))}
      </Svg>
      <Text style={[styles.small, pdfStyles.muted]}>
        {report.monthly.series.map((s) => resultName(s.key)).join(" · ")}
      </Text>

      {ordered.map((id) => {
        const x = table(id);
        return x ? <PdfTable key={id} table={x} locale={locale} /> : null;
      })}
    </PdfFrame>
  );
}
