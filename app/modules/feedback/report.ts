/**
 * The dashboard's table of complaints and feedback: counts per category, and for the
 * ordinary ones how many were closed, in time, how fast (median) and how many are
 * overdue. Confidential categories are a count and nothing else (rules.ts dashboardRows).
 */
import type { ReportTable } from "~/modules/reporting/report-tables";
import { dashboardRows, type CategoryCounts, type ShowCount } from "./rules";

export function complaintsTable(counts: readonly CategoryCounts[], show?: ShowCount): ReportTable {
  return {
    id: "complaints",
    title: "feedback.report.title",
    columns: [
      { label: { key: "feedback.report.category" }, hxl: "#meta +feedback_type", format: "label" },
      { label: { key: "feedback.report.received" }, hxl: "#output +received +num", format: "count" },
      { label: { key: "feedback.report.closed" }, hxl: "#output +closed +num", format: "count" },
      { label: { key: "feedback.report.closedInTime" }, hxl: "#output +closed +in_time +num", format: "count" },
      { label: { key: "feedback.report.medianDays" }, hxl: "#indicator +days_to_close +median", format: "count" },
      { label: { key: "feedback.report.openOverdue" }, hxl: "#output +open +overdue +num", format: "count" },
    ],
    rows: dashboardRows(counts, show).map((row) => [
      { key: row.category === "total" ? "reporting.total" : `feedback.category.${row.category}` },
      ...row.cells,
    ]),
  };
}
