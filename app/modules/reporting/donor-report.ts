/**
 * The donor's report for one fixed period, read from its year's published family
 * (donor-family.ts): every figure, wherever it appears (the headline, a breakdown's
 * total, the sex chart, the monthly series of a quarter or of the year), is the one
 * cell of the family, so two requests can never show one figure two ways. Pure.
 */
import { complaintsTable } from "~/modules/feedback/report";
import { GROUP_ACTIVITY_KINDS } from "~/modules/groups/constants";
import { groupActivitiesTable, peopleReachedTable } from "~/modules/groups/report";
import { businessOutcomesTable } from "~/modules/businesses/report";
import { employmentOutcomesTable } from "~/modules/coaching/report";
import { EMPLOYMENT_CHECK_MONTHS } from "~/modules/coaching/rules";
import { FOLLOW_UP_MONTHS } from "~/modules/businesses/rules";
import type { CategoryCounts } from "~/modules/feedback/rules";
import { cellIds, reachCell, shownCell, type Published } from "./donor-family";
import { ACTIVITIES, type ActivityKey, type Framework } from "./frameworks";
import {
  budgetTable,
  dimensionTable,
  frameworkTable,
  KEYS,
  monthlyReport,
  outputsTable,
  reachTable,
  sexBars,
  type Fetched,
  type Report,
  type ReportTable,
} from "./report-tables";
import { DIMENSIONS, SUPPRESSED, type Dimension, type DonorPeriod, type Period } from "./rules";
import { progressTable, type IndicatorFigures, type TargetRow } from "./progress";
import { INDICATORS } from "./frameworks";

export type DonorReportInput = {
  period: DonorPeriod;
  published: Published;
  framework: Framework;
  wired: readonly ActivityKey[];
  budget: Fetched["budget"];
  money: Fetched["money"];
  /** the period's complaints (medians come from them; counts from the family) */
  complaints: CategoryCounts[] | null;
  /** the targets, and the programme-to-date figures as published (hidden unless published cells) */
  progress?: {
    targets: TargetRow[];
    toDate: { programme: Period; figures: IndicatorFigures | null } | null;
    today: string;
  } | null;
};

export function assembleDonorReport(input: DonorReportInput): Report {
  const { period, published, framework } = input;
  const filter = { from: period.from, to: period.to, organisationId: null };
  const cell = (id: string) => shownCell(published, id);
  const reach = (p: string, k: string, d: Dimension | null, c: string | null) => reachCell(published, p, k, d, c);
  const headline = KEYS.map((k) => ({ key: k, persons: reach(period.key, k, null, null) }));
  const budget = input.budget && input.money ? [budgetTable(input.budget, input.money, filter.to)] : [];
  const progress = input.progress
    ? [
        progressTable({
          shown: filter,
          quarter: period.kind === "quarter" ? period.key : null,
          targets: input.progress.targets,
          figures: publishedFigures(published, period.key),
          toDate: input.progress.toDate,
          today: input.progress.today,
          // a month publishes its people reached only: the output indicators are the quarter's and the year's
          indicators: period.kind === "month" ? INDICATORS.filter((i) => i.measure.kind === "reach") : undefined,
        }),
      ]
    : [];
  const base = {
    filter,
    audience: "donor" as const,
    suppressed: true,
    framework,
    notWired: ACTIVITIES.filter((a) => !input.wired.includes(a)),
    headline,
    hasBudget: true,
  };
  // a month: the people reached, nothing broken down (the breakdowns are the quarter's and the year's)
  if (period.kind === "month") {
    return {
      ...base,
      headlineOnly: true,
      bySex: [],
      monthly: { months: [], series: [] },
      tables: [reachTable(headline), ...progress, ...budget],
    };
  }
  const dimensionTables = DIMENSIONS.map((d) =>
    dimensionTable([], d, (k, dim, c) => reach(period.key, k, dim, c), published.categories.get(d)),
  );
  const monthly = monthlyReport(filter, [], (k, month) => reach(month, k, null, null));
  const outputs = outputsTable(
    published.outputLines.map((l) => ({ ...l, events: 0, quantity: 0, valueCentimes: 0, persons: 0 })),
    (line, measure) => cell(cellIds.output(period.key, line.activity, line.detail, measure)),
  );
  const tables: ReportTable[] = [
    reachTable(headline),
    ...progress,
    ...groupTables(published, period.key),
    ...dimensionTables,
    outputs,
    ...afterwardsTables(published, period.key),
    frameworkTable(framework, [], (key) => reach(period.key, key, null, null)),
    monthly.table,
    ...budget,
    ...(input.complaints
      ? [
          complaintsTable(input.complaints, (category, measure) =>
            cell(cellIds.complaint(period.key, category, measure)),
          ),
        ]
      : []),
  ];
  return { ...base, bySex: sexBars(dimensionTables[0]), monthly: monthly.monthly, tables };
}

/**
 * A period's figures as the family publishes them, for the progress table: a sum of
 * output lines is shown only when every line is (decision: output indicator targets).
 */
export function publishedFigures(published: Published, period: string): IndicatorFigures {
  const cell = (id: string) => shownCell(published, id);
  return {
    reach: (key) => reachCell(published, period, key, null, null),
    outputLines: published.outputLines,
    output: (activity, detail, measure) => cell(cellIds.output(period, activity, detail, measure)),
    employment: (months, measure) => cell(cellIds.employment(period, months, measure)),
    business: (months, measure) => cell(cellIds.business(period, months, measure)),
    group: (measure) => cell(cellIds.group(period, "total", measure)),
  };
}

/** What became of people and businesses later: employment at 3 and 6 months, funded businesses' visits, as published. */
function afterwardsTables(published: Published, period: string): ReportTable[] {
  const cell = (id: string) => shownCell(published, id);
  return [
    ...(published.hasEmployment
      ? [
          employmentOutcomesTable(
            EMPLOYMENT_CHECK_MONTHS.map((months) => ({ months, checked: 0, employed: 0 })),
            (months, measure) => cell(cellIds.employment(period, months, measure)),
          ),
        ]
      : []),
    ...(published.hasBusinesses
      ? [
          businessOutcomesTable(
            FOLLOW_UP_MONTHS.map((months) => ({
              months,
              visited: 0,
              running: 0,
              jobs: 0,
              jobsWomen: 0,
              jobsMigrants: 0,
            })),
            (months, measure) => cell(cellIds.business(period, months, measure)),
          ),
        ]
      : []),
  ];
}

/** People reached from every source and the group sessions per kind, as published (decision 0111). */
function groupTables(published: Published, period: string): ReportTable[] {
  if (!published.hasGroups) return [];
  const cell = (id: string) => shownCell(published, id);
  const empty = { activities: 0, participants: 0, linked: 0, unregistered: 0 };
  const figures = {
    kinds: GROUP_ACTIVITY_KINDS.map((kind) => ({ kind, ...empty })),
    linkedOnly: 0,
    unregistered: 0,
    householdMembers: 0,
  };
  return [
    peopleReachedTable(0, figures, (line) => {
      const registered = reachCell(published, period, "all", null, null);
      if (line === "registered") return registered;
      if (line === "unregistered") return cell(cellIds.group(period, "total", "unregistered"));
      if (line !== "total") return cell(cellIds.people(period, line));
      // the total is the registered and the others: shown when both are (either would give the other)
      const others = cell(cellIds.people(period, "others"));
      return typeof registered === "number" && typeof others === "number" ? registered + others : SUPPRESSED;
    }),
    groupActivitiesTable(figures, (kind, measure) => cell(cellIds.group(period, kind, measure))),
  ];
}
