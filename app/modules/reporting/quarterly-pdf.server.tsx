/**
 * The quarterly report: the results, their breakdowns, the outputs, the framework
 * objectives, the monthly reach and the budget, in one PDF in fr, ar or en. Bars are
 * drawn with boxes (react-pdf shapes Arabic in text boxes, not in SVG text).
 */
import { Circle, Svg, Polyline, Line as SvgLine, Text, View } from "@react-pdf/renderer";
import { direction, type Locale } from "~/i18n/config";
import { pdfDate, PdfFrame, pdfNumber, pdfStyles, pdfT } from "~/pdf/kit.server";
import { SERIES_COLOURS, seriesGeometry } from "./chart-geometry";
import { cellText } from "./labels";
import type { Cell, ColumnFormat, Report, ReportTable } from "./report-tables";
import { formatMonth, type TFunction } from "~/i18n/translate";
import { RESULTS, type ResultKey } from "./frameworks";
import type { NarrativeTexts } from "./rules";
import { listOf } from "~/i18n/codes";

/** An issued version: its number, when and by whom (printed under the title). */
export type IssueStamp = { version: number; issuedAt: Date; issuedBy: string };

const styles = {
  small: { fontSize: 8 },
  tableHead: { fontWeight: 700 as const, backgroundColor: "#eef2f5" },
  sectionHead: {
    fontWeight: 700 as const,
    fontSize: 9,
    color: "#0b5e55",
    paddingHorizontal: 3,
    paddingTop: 4,
    paddingBottom: 1,
  },
  figure: { fontSize: 16, fontWeight: 700 as const, color: "#0b5e55" },
  card: { flex: 1, borderWidth: 0.5, borderColor: "#cfd6df", padding: 6, marginHorizontal: 2 },
};

/**
 * How wide each column is against the others. The progress table's indicator names are
 * its long texts and its code a few letters; elsewhere the first column holds the labels.
 */
const COLUMN_FLEX: Record<string, number[]> = {
  progress: [0.8, 4.2, 1.8, 1.1, 0.9, 0.9, 1.1, 1.3],
};

function columnFlex(table: ReportTable, i: number): number {
  return COLUMN_FLEX[table.id]?.[i] ?? (i === 0 ? 2 : 1);
}

/**
 * A cell as the page writes it, but an amount without its currency: the column's header
 * names it ("Engagé (MAD)"), and "323.750,00 د.م." is wider than a budget column, which
 * broke it inside the currency.
 */
function pdfCellText(cell: Cell, format: ColumnFormat, t: TFunction, locale: Locale): string {
  if ((format === "mad" || format === "usd") && typeof cell === "number") return pdfNumber(locale, cell / 100, 2);
  return cellText(cell, format, t, locale);
}

/**
 * A table may run over pages (the progress table in Arabic is taller than one): its rows
 * stay whole, its title and header row stay with the first rows, a note under it with the last.
 */
function PdfTable({ table, locale, note }: { table: ReportTable; locale: Locale; note?: string }) {
  const t = pdfT(locale);
  const flexDirection = "row" as const;
  const wide = table.columns.length > 5;
  const rows = table.rows.map((row, r) => {
    const cells = (
      <View key={r} wrap={false} style={[pdfStyles.row, { flexDirection }]}>
        {row.map((cell, i) => (
          <Text key={i} style={[pdfStyles.cell, wide ? styles.small : {}, { flex: columnFlex(table, i) }]}>
            {pdfCellText(cell, table.columns[i]?.format ?? "label", t, locale)}
          </Text>
        ))}
      </View>
    );
    const heading = table.sections?.find((s) => s.row === r);
    if (!heading) return cells;
    // a group's heading stays with its first row
    return (
      <View key={r} wrap={false}>
        <Text style={styles.sectionHead}>{cellText(heading.label, "label", t, locale)}</Text>
        {cells}
      </View>
    );
  });
  // the title and header row go with the first row; a note under the table with the last
  const [first, ...rest] = rows;
  const last = note && rest.length ? rest.pop() : undefined;
  return (
    <View style={{ marginBottom: 8 }}>
      <View wrap={false}>
        <Text style={pdfStyles.h2}>{t(table.title)}</Text>
        <View style={[pdfStyles.row, styles.tableHead, { flexDirection }]}>
          {table.columns.map((c, i) =>
            // an amount's heading on one line, its currency on the next, without brackets
            c.measure && (c.format === "usd" || c.format === "mad") ? (
              <View key={i} style={[pdfStyles.headerCell, wide ? styles.small : {}, { flex: columnFlex(table, i) }]}>
                <Text>{t(c.measure)}</Text>
                <Text style={[pdfStyles.muted, { fontWeight: 400 }]}>{t(`reporting.currency.${c.format}`)}</Text>
              </View>
            ) : (
              <Text key={i} style={[pdfStyles.headerCell, wide ? styles.small : {}, { flex: columnFlex(table, i) }]}>
                {cellText(c.label, "label", t, locale)}
              </Text>
            ),
          )}
        </View>
        {first}
        {note && !last ? <Text style={[styles.small, pdfStyles.muted]}>{note}</Text> : null}
      </View>
      {rest}
      {last ? (
        <View wrap={false}>
          {last}
          <Text style={[styles.small, pdfStyles.muted]}>{note}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** A colour key: a swatch per series, in the series' colours. */
function PdfLegend({ labels }: { labels: string[] }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginBottom: 6 }}>
      {labels.map((label, i) => (
        <View key={i} style={{ flexDirection: "row", alignItems: "center", marginHorizontal: 5, marginBottom: 2 }}>
          <View style={{ width: 8, height: 8, marginHorizontal: 3, backgroundColor: SERIES_COLOURS[i % 6] }} />
          <Text style={styles.small}>{label}</Text>
        </View>
      ))}
    </View>
  );
}

function PdfBars({ items }: { items: { label: string; parts: (number | string)[]; total: string }[] }) {
  const sums = items.map((i) => i.parts.reduce<number>((a, p) => a + (typeof p === "number" ? p : 0), 0));
  const max = Math.max(1, ...sums);
  return (
    <View style={{ marginBottom: 6 }}>
      {items.map((item, row) => (
        <View key={row} style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }}>
          <Text style={{ width: 150 }}>{item.label}</Text>
          <View style={{ flex: 1, flexDirection: "row", alignItems: "center" }}>
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

/** The monthly chart's size in points, the same as its geometry's (one unit, one point). */
const MONTHLY_CHART = { width: 500, height: 200, fontSize: 7.5 };
/** At most this many month names under the axis ("septembre 2026" needs about 50 pt); a longer period names every n-th month. */
const MONTH_LABELS_MAX = 8;

/**
 * A chart label as a text box over the drawing: react-pdf shapes and orders Arabic in
 * text boxes only (SVG text comes out as isolated letters, right to left reversed), so
 * the drawing is SVG and every word on it is a positioned <Text>. `x` and `anchor` are
 * the geometry's, `top` the box's upper edge.
 */
function ChartLabel({
  x,
  top,
  width,
  anchor,
  children,
}: {
  x: number;
  top: number;
  width: number;
  anchor: "start" | "end" | "middle";
  children: string;
}) {
  const wanted = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  const left = Math.min(Math.max(0, wanted), MONTHLY_CHART.width - width);
  const textAlign = anchor === "middle" ? "center" : anchor === "end" ? "right" : "left";
  return (
    <Text
      style={{
        position: "absolute",
        left,
        top,
        width,
        textAlign,
        fontSize: MONTHLY_CHART.fontSize,
        lineHeight: 1.25,
        color: "#4f5b6b",
      }}
    >
      {children}
    </Text>
  );
}

/**
 * People reached per month: one line per result, a dot on every month with a figure
 * (a line of one month is a dot), a hollow dot at the foot for a month shown as "<5",
 * the months under the axis (named as the monthly table names them) and the scale beside it.
 */
function PdfMonthly({ report, locale }: { report: Report; locale: Locale }) {
  const rtl = direction(locale) === "rtl";
  const { months, series } = report.monthly;
  const geometry = seriesGeometry(months, series, {
    rtl,
    width: MONTHLY_CHART.width,
    format: (n) => pdfNumber(locale, n),
  });
  const top = geometry.axes[0]?.y1 ?? 0;
  const foot = geometry.axes[1]?.y1 ?? geometry.height;
  // the geometry gives the months' marks first, then the scale's top and its zero
  const monthMarks = geometry.texts.slice(0, months.length);
  const scaleMarks = geometry.texts.slice(months.length);
  const step = Math.ceil(months.length / MONTH_LABELS_MAX);
  const spacing = months.length > 1 ? Math.abs((monthMarks[1]?.x ?? 0) - (monthMarks[0]?.x ?? 0)) : 200;
  const monthWidth = Math.min(120, spacing * step - 2);
  const scaleWidth = 40;
  const lineHeight = MONTHLY_CHART.fontSize * 1.25;
  return (
    <View wrap={false} style={{ width: MONTHLY_CHART.width, height: MONTHLY_CHART.height + lineHeight }}>
      <Svg
        width={MONTHLY_CHART.width}
        height={MONTHLY_CHART.height}
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      >
        {geometry.axes.map((a, i) => (
          <SvgLine key={i} x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} stroke="#4f5b6b" strokeWidth={0.5} />
        ))}
        {geometry.lines.map((l, i) => (
          <Polyline
            key={i}
            points={l.points.map((p) => p.join(",")).join(" ")}
            stroke={SERIES_COLOURS[l.series % 6]}
            strokeWidth={1.5}
            fill="none"
          />
        ))}
        {geometry.lines.flatMap((l, i) =>
          l.points.map(([x, y], j) => (
            <Circle key={`${i}-${j}`} cx={x} cy={y} r={2.2} fill={SERIES_COLOURS[l.series % 6]} />
          )),
        )}
        {series.flatMap((s, index) =>
          s.values.map((v, i) =>
            typeof v === "number" ? null : (
              <Circle
                key={`s-${index}-${i}`}
                cx={monthMarks[i]?.x ?? 0}
                cy={foot - 3 - index * 2}
                r={2.2}
                stroke={SERIES_COLOURS[index % 6]}
                strokeWidth={1}
                fill="none"
              />
            ),
          ),
        )}
      </Svg>
      {monthMarks.map((mark, i) =>
        i % step === 0 ? (
          <ChartLabel key={`m${i}`} x={mark.x} top={foot + 4} width={monthWidth} anchor="middle">
            {formatMonth(locale, months[i] ?? "")}
          </ChartLabel>
        ) : null,
      )}
      {scaleMarks.map((mark, i) => (
        // beside the tick it stands for: the scale's top, then zero at the foot
        <ChartLabel
          key={`v${i}`}
          x={mark.x}
          top={(i === 0 ? top : foot) - lineHeight / 2}
          width={scaleWidth}
          anchor={mark.anchor}
        >
          {mark.text}
        </ChartLabel>
      ))}
    </View>
  );
}

/** "4th quarter 2026" for "2026-Q4"; a free period reads as its two dates. */
export function reportTitle(locale: Locale, report: Report, quarter: string | null): string {
  const t = pdfT(locale);
  const match = quarter ? /^(\d{4})-Q([1-4])$/.exec(quarter) : null;
  if (match) return t("reporting.pdf.title", { quarter: t("reporting.quarterName", { n: match[2], year: match[1] }) });
  return t("reporting.pdf.titlePeriod", {
    from: pdfDate(locale, report.filter.from),
    to: pdfDate(locale, report.filter.to),
  });
}

/** The report's tables in the document's order; the progress table with its note. */
const ORDERED_TABLES = [
  "progress",
  "people-reached",
  "group-activities",
  "reach-sex",
  "reach-age-band",
  "reach-migrant",
  "reach-nationality",
  "reach-region",
  "outputs",
  "business-outcomes",
  "frameworks",
  "monthly",
  "budget",
];

function PdfTables({ report, locale }: { report: Report; locale: Locale }) {
  const t = pdfT(locale);
  return (
    <>
      {ORDERED_TABLES.map((id) => {
        const x = report.tables.find((table) => table.id === id);
        if (!x) return null;
        return (
          <PdfTable
            key={id}
            table={x}
            locale={locale}
            note={id === "progress" ? t("reporting.progress.note") : undefined}
          />
        );
      })}
    </>
  );
}

/** What the admin wrote about each result: achievements, challenges, next steps. */
function PdfNarrative({ narrative, locale }: { narrative: ReadonlyMap<ResultKey, NarrativeTexts>; locale: Locale }) {
  const t = pdfT(locale);
  const parts = [
    ["achievements", "reporting.narrative.achievements"],
    ["challenges", "reporting.narrative.challenges"],
    ["nextSteps", "reporting.narrative.nextSteps"],
  ] as const;
  return (
    <>
      <Text style={pdfStyles.h2}>{t("reporting.narrative.title")}</Text>
      {RESULTS.map((result) => {
        const texts = narrative.get(result);
        if (!texts) return null;
        return (
          <View key={result} style={{ marginBottom: 6 }}>
            <Text style={{ fontWeight: 700 }}>{t(`reporting.result.${result}`)}</Text>
            {parts.map(([part, label]) =>
              texts[part] ? (
                <View key={part} style={{ marginBottom: 3 }}>
                  <Text style={[styles.small, pdfStyles.muted]}>{t(label)}</Text>
                  <Text style={pdfStyles.p}>{texts[part]}</Text>
                </View>
              ) : null,
            )}
          </View>
        );
      })}
    </>
  );
}

export function QuarterlyReportPdf({
  report,
  locale,
  quarter,
  generatedAt,
  narrative,
  issue,
}: {
  report: Report;
  locale: Locale;
  /** "2026-Q4", or null for a free period. */
  quarter: string | null;
  generatedAt?: Date;
  /** the narrative of each result, in the document's language */
  narrative?: ReadonlyMap<ResultKey, NarrativeTexts>;
  /** set on an issued version */
  issue?: IssueStamp;
}) {
  const t = pdfT(locale);
  const flexDirection = "row" as const;
  const title = reportTitle(locale, report, quarter);
  const resultName = (k: string) =>
    t(k === "all" ? "reporting.result.all" : (`reporting.result.${k}` as "reporting.result.health"));
  const show = (v: number | string) => (typeof v === "number" ? pdfNumber(locale, v) : v);
  return (
    <PdfFrame locale={locale} title={title} generatedAt={generatedAt}>
      <Text style={pdfStyles.h1}>{title}</Text>
      <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("reporting.pdf.subtitle")}</Text>
      {issue ? (
        <Text style={pdfStyles.p}>
          {t("reporting.issue.stamp", {
            version: issue.version,
            date: pdfDate(locale, issue.issuedAt),
            name: issue.issuedBy,
          })}
        </Text>
      ) : null}
      <Text style={pdfStyles.p}>
        {t("reporting.period", { from: pdfDate(locale, report.filter.from), to: pdfDate(locale, report.filter.to) })}
      </Text>
      {report.suppressed ? <Text style={[pdfStyles.p, pdfStyles.muted]}>{t("reporting.suppressedNote")}</Text> : null}
      {report.notWired.length ? (
        <Text style={[pdfStyles.p, pdfStyles.muted, styles.small]}>
          {t("reporting.notWired", {
            activities: listOf(
              t,
              report.notWired.map((a) => t(`reporting.activity.${a}`)),
            ),
          })}
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
      {narrative && narrative.size ? <PdfNarrative narrative={narrative} locale={locale} /> : null}
      <Text style={pdfStyles.h2}>{t("reporting.chart.bySex")}</Text>
      <PdfLegend labels={[t("reporting.sex.f"), t("reporting.sex.m"), t("reporting.unknown")]} />
      <PdfBars
        items={report.bySex.map((b) => ({
          label: resultName(b.key),
          parts: [b.f, b.m, b.unknown],
          total: String(show(report.headline.find((h) => h.key === b.key)?.persons ?? 0)),
        }))}
      />
      <Text style={pdfStyles.h2}>{t("reporting.chart.monthly")}</Text>
      <PdfLegend labels={report.monthly.series.map((s) => resultName(s.key))} />
      <PdfMonthly report={report} locale={locale} />
      {report.monthly.series.some((s) => s.values.some((v) => typeof v !== "number")) ? (
        <Text style={[styles.small, pdfStyles.muted]}>{t("reporting.chart.suppressedPoint")}</Text>
      ) : null}

      <PdfTables report={report} locale={locale} />
    </PdfFrame>
  );
}
