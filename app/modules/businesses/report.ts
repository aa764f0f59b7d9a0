/**
 * The report's table of funded businesses after launch (the page, the CSV and the PDF
 * read the same table). Pure.
 */
import type { ReportTable } from "~/modules/reporting/report-tables";
import type { Shown } from "~/modules/reporting/rules";
import type { FollowUpMonths } from "./rules";

/** Visits at one milestone dated in the period: how many, still running, jobs created and for whom. */
export type BusinessOutcome = {
  months: FollowUpMonths;
  visited: number;
  running: number;
  jobs: number;
  jobsWomen: number;
  jobsMigrants: number;
};
export const OUTCOME_MEASURES = ["visited", "running", "jobs", "jobsWomen", "jobsMigrants"] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** One row per milestone; `show` gives each figure as published (exact by default). */
export function businessOutcomesTable(
  outcomes: BusinessOutcome[],
  show: (months: FollowUpMonths, measure: OutcomeMeasure, n: number) => Shown = (_m, _x, n) => n,
): ReportTable {
  return {
    id: "business-outcomes",
    title: "businesses.report.title",
    columns: [
      { label: { key: "businesses.report.column.milestone" }, hxl: "#indicator +months", format: "label" },
      { label: { key: "businesses.report.column.visited" }, hxl: "#output +visited +num", format: "count" },
      { label: { key: "businesses.report.column.running" }, hxl: "#output +running +num", format: "count" },
      { label: { key: "businesses.report.column.jobs" }, hxl: "#output +jobs +num", format: "count" },
      { label: { key: "businesses.report.column.jobsWomen" }, hxl: "#output +jobs +f +num", format: "count" },
      { label: { key: "businesses.report.column.jobsMigrants" }, hxl: "#output +jobs +migrants +num", format: "count" },
    ],
    rows: outcomes.map((o) => [
      { key: `businesses.report.milestone.${o.months}` },
      ...OUTCOME_MEASURES.map((m) => show(o.months, m, o[m])),
    ]),
  };
}
