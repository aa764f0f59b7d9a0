/**
 * Value against target for each indicator of the results framework: the table the
 * dashboard, the CSV and the quarterly PDF show. Pure: built from the figures already
 * shown (hidden ones stay hidden, and hide their percentage and status too) and the
 * targets the admin set. Why this way: docs/decisions/0106-targets-and-progress.md.
 */
import { INDICATORS, type IndicatorCode, type ResultKey } from "./frameworks";
import type { Cell, Label, ReportTable } from "./report-tables";
import { elapsedShare, PROGRAMME_PERIOD, progressOf, type Period, type Shown } from "./rules";

export type TargetRow = { indicator: IndicatorCode; period: string; baseline: number; target: number };

export type ProgressInput = {
  /** the period the report shows, and its quarter key when it is exactly a quarter */
  shown: Period;
  quarter: string | null;
  targets: readonly TargetRow[];
  /** each result's figure of the period shown, as shown */
  value: (key: ResultKey | "all") => Shown;
  /** the whole programme's period, and each result's figure from its start to the end of the period shown */
  toDate: { programme: Period; value: (key: ResultKey | "all") => Shown } | null;
  today: string;
};

function row(
  indicator: (typeof INDICATORS)[number],
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
 * One row per indicator for the period shown (against the quarter's target when the
 * period is a quarter that has one), then one per indicator with a programme target,
 * against the people reached since the programme began.
 */
export function progressTable(input: ProgressInput): ReportTable {
  const { shown, quarter, targets, today } = input;
  const find = (code: IndicatorCode, period: string) =>
    targets.find((t) => t.indicator === code && t.period === period);
  const asOf = today < shown.to ? today : shown.to;
  const rows: Cell[][] = INDICATORS.map((indicator) =>
    row(
      indicator,
      { key: "reporting.progress.periodShown" },
      quarter ? find(indicator.code, quarter) : undefined,
      input.value(indicator.key),
      elapsedShare(shown, asOf),
    ),
  );
  const toDate = input.toDate;
  if (toDate) {
    for (const indicator of INDICATORS) {
      const target = find(indicator.code, PROGRAMME_PERIOD);
      if (!target) continue;
      rows.push(
        row(
          indicator,
          { key: "reporting.progress.programmeToDate" },
          target,
          toDate.value(indicator.key),
          elapsedShare(toDate.programme, asOf),
        ),
      );
    }
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
  };
}
