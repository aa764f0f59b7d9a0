/**
 * Value against target for each indicator of the results framework: the table the
 * dashboard, the CSV and the quarterly PDF show. Pure: built from the figures already
 * shown (hidden ones stay hidden, and hide their percentage and status too) and the
 * targets the admin set. Why this way: docs/decisions/0106-targets-and-progress.md, and
 * for the output indicators docs/decisions/0143-output-indicator-targets.md.
 */
import type { BusinessOutcome, OutcomeMeasure } from "~/modules/businesses/report";
import type { EmploymentMeasure, EmploymentOutcome } from "~/modules/coaching/report";
import type { GroupFigures } from "~/modules/groups/report.server";
import { INDICATOR_GROUPS, INDICATORS, type ActivityKey, type IndicatorCode, type ResultKey } from "./frameworks";
import type { OutputRow, ReachRow } from "./indicator-sql.server";
import type { Cell, Label, ReportTable } from "./report-tables";
import { elapsedShare, PROGRAMME_PERIOD, progressOf, SUPPRESSED, type Period, type Shown } from "./rules";

export type TargetRow = { indicator: IndicatorCode; period: string; baseline: number; target: number };
export type ProgressIndicator = (typeof INDICATORS)[number];

/**
 * The figures of one span as shown, that the indicators are read from: people reached
 * per result, the outputs table's lines, employment at 3 and 6 months, funded businesses'
 * visits, the group sessions' headcounts (every kind). Exact for the admin (`exactFigures`), the published cells for a donor.
 */
export type IndicatorFigures = {
  reach: (key: ResultKey | "all") => Shown;
  /** the output lines there are (a line not listed counts 0) */
  outputLines: readonly { activity: ActivityKey; detail: string | null }[];
  output: (activity: ActivityKey, detail: string | null, measure: "events" | "quantity") => Shown;
  employment: (months: 3 | 6, measure: EmploymentMeasure) => Shown;
  business: (months: 3 | 6 | 12, measure: OutcomeMeasure) => Shown;
  /** the group sessions of every kind: the group table's total line */
  group: (measure: "participants") => Shown;
};

/** A sum of shown parts: hidden when any part is (the others would give it away). */
function sumShown(parts: Shown[]): Shown {
  let total = 0;
  for (const part of parts) {
    if (part === SUPPRESSED) return SUPPRESSED;
    total += part;
  }
  return total;
}

/** An indicator's value in a span, read from that span's figures as shown. */
export function indicatorValue(indicator: ProgressIndicator, figures: IndicatorFigures): Shown {
  const m = indicator.measure;
  switch (m.kind) {
    case "reach":
      return figures.reach(m.key);
    case "output": {
      const activities: readonly string[] = m.activities;
      const details: readonly string[] | undefined = "details" in m ? m.details : undefined;
      const lines = figures.outputLines.filter(
        (l) => activities.includes(l.activity) && (!details || (l.detail !== null && details.includes(l.detail))),
      );
      return sumShown(lines.map((l) => figures.output(l.activity, l.detail, m.measure)));
    }
    case "employment":
      return figures.employment(m.months, m.measure);
    case "business":
      return figures.business(m.months, m.measure);
    case "group":
      return figures.group(m.measure);
  }
}

/** What a span's exact figures are read from (the admin's report). */
export type SpanFigures = {
  reach: ReachRow[];
  outputs: OutputRow[];
  employment?: EmploymentOutcome[] | null;
  businesses?: BusinessOutcome[] | null;
  groups?: GroupFigures | null;
};

/** A span's exact figures (the admin's: nothing hidden). */
export function exactFigures(span: SpanFigures): IndicatorFigures {
  return {
    reach: (key) => span.reach.find((r) => r.key === key && r.dimension === null)?.persons ?? 0,
    outputLines: span.outputs,
    output: (activity, detail, measure) =>
      span.outputs.find((o) => o.activity === activity && o.detail === detail)?.[measure] ?? 0,
    employment: (months, measure) => span.employment?.find((e) => e.months === months)?.[measure] ?? 0,
    business: (months, measure) => span.businesses?.find((b) => b.months === months)?.[measure] ?? 0,
    group: (measure) => (span.groups?.kinds ?? []).reduce((sum, k) => sum + k[measure], 0),
  };
}

export type ProgressInput = {
  /** the period the report shows, and its quarter key when it is exactly a quarter */
  shown: Period;
  quarter: string | null;
  targets: readonly TargetRow[];
  /** the figures of the period shown, as shown */
  figures: IndicatorFigures;
  /**
   * the whole programme's period, and the figures from its start to the end of the period
   * shown (null: none published for that span, every value hidden)
   */
  toDate: { programme: Period; figures: IndicatorFigures | null } | null;
  today: string;
  /** the indicators shown (all by default; a donor's month has only its people reached) */
  indicators?: readonly ProgressIndicator[];
};

function row(
  indicator: ProgressIndicator,
  period: Label,
  target: TargetRow | undefined,
  value: Shown,
  elapsed: number,
): Cell[] {
  const progress = progressOf(value, target?.target ?? null, elapsed);
  return [
    { text: indicator.code },
    { key: `reporting.indicator.${indicator.key}` },
    period,
    target ? target.baseline : null,
    value,
    target ? target.target : null,
    progress.percent,
    progress.status ? { key: `reporting.progress.status.${progress.status}` } : null,
  ];
}

/**
 * Per indicator, in the framework's order, under its group's heading (the overall objective,
 * then each result: `sections`): a row for the period shown
 * (against the quarter's target when the period is a quarter that has one), then, when it
 * has a programme target, a row for the programme to date (from the programme's start to
 * the end of the period shown: the people reached in that span, or the sum of the counts).
 */
export function progressTable(input: ProgressInput): ReportTable {
  const { shown, quarter, targets, today } = input;
  const find = (code: IndicatorCode, period: string) =>
    targets.find((t) => t.indicator === code && t.period === period);
  const asOf = today < shown.to ? today : shown.to;
  const toDate = input.toDate;
  const rows: Cell[][] = [];
  const sections: NonNullable<ReportTable["sections"]> = [];
  const shownIndicators = input.indicators ?? INDICATORS;
  // each group of the framework under its heading, in the framework's order
  const ordered = INDICATOR_GROUPS.flatMap((group) =>
    group.indicators
      .filter((i) => shownIndicators.some((s) => s.code === i.code))
      .map((indicator, n) => ({ indicator, first: n === 0, group: group.result })),
  );
  for (const { indicator, first, group } of ordered) {
    if (first) sections.push({ row: rows.length, label: { indicatorGroup: group } });
    rows.push(
      row(
        indicator,
        { key: "reporting.progress.periodShown" },
        quarter ? find(indicator.code, quarter) : undefined,
        indicatorValue(indicator, input.figures),
        elapsedShare(shown, asOf),
      ),
    );
    const target = find(indicator.code, PROGRAMME_PERIOD);
    if (!toDate || !target) continue;
    rows.push(
      row(
        indicator,
        { key: "reporting.progress.programmeToDate" },
        target,
        toDate.figures ? indicatorValue(indicator, toDate.figures) : SUPPRESSED,
        elapsedShare(toDate.programme, asOf),
      ),
    );
  }
  return {
    id: "progress",
    title: "reporting.table.progress",
    columns: [
      { label: { key: "reporting.column.indicatorCode" }, hxl: "#indicator +code", format: "label" },
      { label: { key: "reporting.column.indicator" }, hxl: "#indicator +name", format: "label" },
      { label: { key: "reporting.column.targetPeriod" }, hxl: "#date +period", format: "label" },
      { label: { key: "reporting.column.baseline" }, hxl: "#indicator +baseline", format: "count" },
      { label: { key: "reporting.column.reached" }, hxl: "#indicator +value", format: "count" },
      { label: { key: "reporting.column.target" }, hxl: "#indicator +target", format: "count" },
      { label: { key: "reporting.column.percentReached" }, hxl: "#indicator +pct", format: "percent" },
      { label: { key: "reporting.column.status" }, hxl: "#status", format: "label" },
    ],
    rows,
    sections,
  };
}
