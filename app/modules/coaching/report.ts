/**
 * The report's table of employment outcomes at 3 and 6 months (the page, the CSV and the
 * PDF read the same table). Pure.
 */
import type { ReportTable } from "~/modules/reporting/report-tables";
import { SUPPRESSED, type Shown } from "~/modules/reporting/rules";
import type { EmploymentCheckMonths } from "./rules";

/** People checked at one milestone in the period (trained or interned, each once) and those employed. */
export type EmploymentOutcome = { months: EmploymentCheckMonths; checked: number; employed: number };
export const EMPLOYMENT_MEASURES = ["checked", "employed"] as const;
export type EmploymentMeasure = (typeof EMPLOYMENT_MEASURES)[number];

/** The employment rate, a whole percentage rounded down; hidden when either figure is, none of nobody. */
export function employmentRate(checked: Shown, employed: Shown): Shown | null {
  if (checked === SUPPRESSED || employed === SUPPRESSED) return SUPPRESSED;
  if (typeof checked !== "number" || typeof employed !== "number" || checked === 0) return null;
  return Math.floor((employed * 100) / checked);
}

/** One row per milestone; `show` gives each figure as published (exact by default). */
export function employmentOutcomesTable(
  outcomes: EmploymentOutcome[],
  show: (months: EmploymentCheckMonths, measure: EmploymentMeasure, n: number) => Shown = (_m, _x, n) => n,
): ReportTable {
  return {
    id: "employment-outcomes",
    title: "coaching.report.title",
    columns: [
      { label: { key: "coaching.report.column.milestone" }, hxl: "#indicator +months", format: "label" },
      { label: { key: "coaching.report.column.checked" }, hxl: "#reached +checked +num", format: "count" },
      { label: { key: "coaching.report.column.employed" }, hxl: "#reached +employed +num", format: "count" },
      { label: { key: "coaching.report.column.rate" }, hxl: "#indicator +employed +pct", format: "percent" },
    ],
    rows: outcomes.map((o) => {
      const checked = show(o.months, "checked", o.checked);
      const employed = show(o.months, "employed", o.employed);
      return [{ key: `coaching.report.milestone.${o.months}` }, checked, employed, employmentRate(checked, employed)];
    }),
  };
}
