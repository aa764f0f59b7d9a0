/**
 * The report as tables (the same tables feed the page, the CSV and the PDF) and chart
 * data, with small cells suppressed for audiences that must only see aggregates. Pure:
 * built from the aggregates report.server.ts reads; nothing here counts records.
 */
import type { MessageKey } from "~/i18n/translate";
import type { getBudget } from "./budget-queries.server";
import {
  ACTIVITIES,
  FRAMEWORK_OBJECTIVES,
  REGIONS,
  RESULTS,
  type ActivityKey,
  type Framework,
  type ResultKey,
} from "./frameworks";
import type { IndicatorSnapshot, OutputRow, ReachRow, ReportFilter } from "./indicator-sql.server";
import type { reachByVulnerability } from "./queries.server";
import {
  AGE_BAND_KEYS,
  DIMENSIONS,
  type Dimension,
  budgetFigures,
  donorPeriodOf,
  monthsBetween,
  type Period,
  SUPPRESSED,
  type MoneyByDay,
  type Shown,
} from "./rules";
import type { Sources } from "./sources.server";
import { exactFigures, progressTable, type SpanFigures, type TargetRow } from "./progress";
import { complaintsTable } from "~/modules/feedback/report";
import type { CategoryCounts } from "~/modules/feedback/rules";
import type { GroupFigures } from "~/modules/groups/report.server";
import { groupActivitiesTable, peopleReachedTable } from "~/modules/groups/report";
import { businessOutcomesTable, type BusinessOutcome } from "~/modules/businesses/report";
import { employmentOutcomesTable, type EmploymentOutcome } from "~/modules/coaching/report";

export type Audience = "donor" | "admin" | "association";
export type Label =
  | { key: MessageKey }
  | { text: string }
  | { country: string }
  | { region: string }
  | { detail: string }
  /** a group of the results framework's indicators: "Overall objective", "Result 2: Humanitarian aid" */
  | { indicatorGroup: ResultKey | null }
  /** a calendar month, "2026-10": its name on pages and in PDFs, as it is in a CSV */
  | { month: string };
/** "percent": a whole percentage (45 is 45 %). */
export type ColumnFormat = "label" | "count" | "mad" | "usd" | "percent";
export type Cell = Label | Shown | null;
export type ReportTable = {
  id: string;
  title: MessageKey;
  /**
   * `measure`: an amount's heading without its currency ("Remaining"), for a narrow
   * column that prints the currency on a line of its own (the PDF): "(USD)" in a cell
   * too narrow broke inside its brackets, and in Arabic the brackets lost their order.
   */
  columns: { label: Label; hxl: string; format: ColumnFormat; measure?: MessageKey }[];
  rows: Cell[][];
  /**
   * Headings between rows (the progress table's results): each stands above the row of
   * index `row`, on the page and in the PDF; a CSV keeps its rows only (their codes say the group).
   */
  sections?: { row: number; label: Label }[];
};
export type Report = {
  filter: ReportFilter;
  audience: Audience;
  suppressed: boolean;
  framework: Framework;
  notWired: ActivityKey[];
  headline: { key: ResultKey | "all"; persons: Shown }[];
  bySex: { key: ResultKey; f: Shown; m: Shown; unknown: Shown }[];
  monthly: { months: string[]; series: { key: ResultKey; values: Shown[] }[] };
  tables: ReportTable[];
  hasBudget: boolean;
  /** a donor's month: the people reached per result only */
  headlineOnly?: boolean;
};

export const KEYS = [...RESULTS, "all"] as const;
export type Key = (typeof KEYS)[number];

const resultLabel = (k: Key): Label => ({ key: k === "all" ? "reporting.result.all" : `reporting.result.${k}` });

const DIM_HXL: Record<Dimension, string> = {
  sex: "#meta +sex",
  age_band: "#meta +age_band",
  nationality: "#country +code",
  migrant: "#meta +population_group",
  region: "#adm1 +code",
};

const RESULT_HXL: Record<Key, string> = {
  health: "#reached +health",
  humanitarian: "#reached +humanitarian",
  employability: "#reached +employability",
  entrepreneurship: "#reached +entrepreneurship",
  all: "#reached +total",
};

/** The categories a breakdown always shows, met or not (its rows are then the same in every period). */
export function fixedCategories(dimension: Dimension): string[] {
  const fixed: Partial<Record<Dimension, string[]>> = {
    sex: ["f", "m"],
    age_band: [...AGE_BAND_KEYS],
    migrant: ["migrant", "national"],
    region: REGIONS.map((r) => r.code),
  };
  return fixed[dimension] ?? [];
}

function categoryOrder(dimension: Dimension, present: string[]): string[] {
  const fixed = fixedCategories(dimension);
  const base = fixed.length ? fixed : [...present].filter((c) => c !== "unknown").sort();
  const extra = present.filter((c) => c !== "unknown" && !base.includes(c)).sort();
  return [...base, ...extra, ...(present.includes("unknown") ? ["unknown"] : [])];
}

function categoryLabel(dimension: Dimension, category: string): Label {
  if (category === "unknown") return { key: "reporting.unknown" };
  if (dimension === "sex")
    return { key: category === "f" ? "reporting.sex.f" : category === "m" ? "reporting.sex.m" : "reporting.sex.other" };
  if (dimension === "nationality" && category === "other") return { key: "reporting.nationality.other" };
  if (dimension === "migrant")
    return { key: category === "migrant" ? "reporting.migrant.migrant" : "reporting.migrant.national" };
  if (dimension === "nationality") return { country: category };
  if (dimension === "region") return { region: category };
  return { text: category };
}

/** A shown value of a breakdown cell (dimension null: the total). */
export type ShowReach = (key: Key, dimension: Dimension | null, category: string | null, persons: number) => Shown;

/** A dimension as a table: categories down, results across, totals at the foot. */
export function dimensionTable(
  rows: ReachRow[],
  dimension: Dimension,
  show: ShowReach,
  met: string[] = [...new Set(rows.filter((r) => r.dimension === dimension).map((r) => r.category ?? "unknown"))],
): ReportTable {
  const totalOf = (k: Key) => rows.find((r) => r.key === k && r.dimension === null)?.persons ?? 0;
  const categories = categoryOrder(dimension, met);
  const columns: Shown[][] = KEYS.map((k) => [
    ...categories.map((c) =>
      show(
        k,
        dimension,
        c,
        rows.find((r) => r.key === k && r.dimension === dimension && r.category === c)?.persons ?? 0,
      ),
    ),
    show(k, null, null, totalOf(k)),
  ]);
  return {
    id: `reach-${dimension.replace("_", "-")}`,
    title: `reporting.table.reach.${dimension}`,
    columns: [
      { label: { key: `reporting.dimension.${dimension}` }, hxl: DIM_HXL[dimension], format: "label" },
      ...KEYS.map((k) => ({ label: resultLabel(k), hxl: RESULT_HXL[k], format: "count" as const })),
    ],
    rows: [
      ...categories.map((c, i) => [categoryLabel(dimension, c), ...columns.map((col) => col[i] ?? 0)]),
      [{ key: "reporting.total" } as Label, ...columns.map((col) => col[categories.length] ?? 0)],
    ],
  };
}

/** What the report is built from: the indicator aggregates, and the budget for those who see it. */
export type Fetched = {
  snapshot: IndicatorSnapshot;
  vulnerability: Awaited<ReturnType<typeof reachByVulnerability>> | null;
  budget: Awaited<ReturnType<typeof getBudget>> | null;
  money: MoneyByDay[] | null;
  /** complaints and feedback by category (admins and donors, programme-wide) */
  complaints?: CategoryCounts[] | null;
  /** group activities and households (staff reports: docs/decisions/0111-group-activities-and-households.md) */
  groups?: GroupFigures | null;
  /** funded businesses' visits at 3, 6 and 12 months (the programme's reports only) */
  businesses?: BusinessOutcome[] | null;
  /** employment at 3 and 6 months of everyone trained or interned, each once (the programme's reports only) */
  employment?: EmploymentOutcome[] | null;
  /** the targets and the figures since the programme began (the programme's reports only) */
  progress?: {
    targets: TargetRow[];
    toDate: { programme: Period; figures: SpanFigures } | null;
    today: string;
  } | null;
};

export type ReportOptions = {
  audience: Audience;
  filter: ReportFilter;
  sources: Sources;
  framework?: Framework;
  /** Morocco's day the figures are read on (the progress status depends on it) */
  today?: string;
};

export const personsColumn = {
  label: { key: "reporting.column.persons" },
  hxl: "#reached +num",
  format: "count",
} as const;
const resultColumns = (keys: readonly Key[]) =>
  keys.map((k) => ({ label: resultLabel(k), hxl: RESULT_HXL[k], format: "count" as const }));

/** The four results and everyone, one row each. */
export function reachTable(headline: Report["headline"]): ReportTable {
  return {
    id: "reach",
    title: "reporting.table.reach",
    columns: [{ label: { key: "reporting.column.result" }, hxl: "#sector", format: "label" }, personsColumn],
    rows: headline.map((h) => [resultLabel(h.key), h.persons]),
  };
}

/** The stacked bars of the sex chart, read from the sex table (suppressed as a whole). */
export function sexBars(sexTable: ReportTable | undefined): Report["bySex"] {
  const sexRows = sexTable?.rows ?? [];
  const sexIndex = (label: string) => sexRows.findIndex((r) => JSON.stringify(r[0]) === JSON.stringify({ key: label }));
  const pick = (rowIndex: number, col: number): Shown => {
    const v = rowIndex >= 0 ? sexRows[rowIndex]?.[col + 1] : 0;
    return typeof v === "number" || v === SUPPRESSED ? v : 0;
  };
  return RESULTS.map((k, col) => ({
    key: k,
    f: pick(sexIndex("reporting.sex.f"), col),
    m: pick(sexIndex("reporting.sex.m"), col),
    unknown: pick(sexIndex("reporting.unknown"), col),
  }));
}

/** People per vulnerability category (admins only, never suppressed). */
export function vulnerabilityTable(vulnerability: NonNullable<Fetched["vulnerability"]>): ReportTable {
  const categories = [...new Set(vulnerability.map((v) => v.category))].sort();
  return {
    id: "reach-vulnerability",
    title: "reporting.table.reach.vulnerability",
    columns: [
      { label: { key: "reporting.dimension.vulnerability" }, hxl: "#meta +vulnerability", format: "label" },
      ...resultColumns(KEYS),
    ],
    rows: categories.map((c) => [
      { detail: c } as Label,
      ...KEYS.map((k) => vulnerability.find((v) => v.key === k && v.category === c)?.persons ?? 0),
    ]),
  };
}

/** The shown value of one measure of an output line. */
export type ShowOutput = (
  line: OutputRow,
  measure: "persons" | "events" | "quantity" | "value",
  value: number,
) => Shown;

/** Outputs per activity and sub-category. */
export function outputsTable(outputRows: OutputRow[], show: ShowOutput): ReportTable {
  return {
    id: "outputs",
    title: "reporting.table.outputs",
    columns: [
      { label: { key: "reporting.column.activity" }, hxl: "#activity +code", format: "label" },
      { label: { key: "reporting.column.detail" }, hxl: "#meta +detail", format: "label" },
      personsColumn,
      { label: { key: "reporting.column.events" }, hxl: "#output +num", format: "count" },
      { label: { key: "reporting.column.quantity" }, hxl: "#output +quantity", format: "count" },
      { label: { key: "reporting.column.value" }, hxl: "#value +mad", format: "mad" },
    ],
    rows: outputRows.map((o) => [
      { key: `reporting.activity.${o.activity}` },
      o.detail ? { detail: o.detail } : null,
      show(o, "persons", o.persons),
      show(o, "events", o.events),
      show(o, "quantity", o.quantity),
      show(o, "value", o.valueCentimes),
    ]),
  };
}

/** People per objective of the chosen framework. */
export function frameworkTable(
  framework: Framework,
  rows: ReachRow[],
  show: (key: string, n: number) => Shown,
): ReportTable {
  return {
    id: "frameworks",
    title: `reporting.table.framework.${framework}`,
    columns: [
      { label: { key: "reporting.column.objective" }, hxl: "#meta +objective", format: "label" },
      personsColumn,
    ],
    rows: FRAMEWORK_OBJECTIVES[framework].map((o) => [
      { key: `reporting.objective.${o}` } as Label,
      show(`${framework}:${o}`, rows.find((r) => r.key === `${framework}:${o}`)?.persons ?? 0),
    ]),
  };
}

/** People per result and month: the chart's series and the table. */
export function monthlyReport(
  filter: ReportFilter,
  monthlyRows: IndicatorSnapshot["monthly"],
  show: (key: ResultKey, month: string, n: number) => Shown,
): { monthly: Report["monthly"]; table: ReportTable } {
  const months = monthsBetween(filter.from, filter.to);
  const series = RESULTS.map((k) => ({
    key: k,
    values: months.map((m) => show(k, m, monthlyRows.find((r) => r.key === k && r.month === m)?.persons ?? 0)),
  }));
  const table: ReportTable = {
    id: "monthly",
    title: "reporting.table.monthly",
    columns: [
      { label: { key: "reporting.column.month" }, hxl: "#date +month", format: "label" },
      ...resultColumns(RESULTS),
    ],
    rows: months.map((m, i) => [{ month: m } as Label, ...series.map((s) => s.values[i] ?? 0)]),
  };
  return { monthly: { months, series }, table };
}

/** Planned, committed, spent and remaining per budget line, in both currencies. */
export function budgetTable(budget: NonNullable<Fetched["budget"]>, money: MoneyByDay[], until: string): ReportTable {
  const figures = budgetFigures(budget.planned, money, budget.rates, until);
  const row = (line: { key: MessageKey }, f: Omit<(typeof figures.lines)[number], "line">): Cell[] => [
    line,
    f.plannedUsdCents,
    f.plannedMadCentimes,
    f.committedMadCentimes,
    f.committedUsdCents,
    f.spentMadCentimes,
    f.spentUsdCents,
    f.remainingUsdCents,
  ];
  return {
    id: "budget",
    title: "reporting.table.budget",
    columns: [
      { label: { key: "reporting.column.budgetLine" }, hxl: "#meta +budget_line", format: "label" },
      {
        label: { key: "reporting.column.plannedUsd" },
        hxl: "#value +planned +usd",
        format: "usd",
        measure: "reporting.column.planned",
      },
      {
        label: { key: "reporting.column.plannedMad" },
        hxl: "#value +planned +mad",
        format: "mad",
        measure: "reporting.column.planned",
      },
      {
        label: { key: "reporting.column.committedMad" },
        hxl: "#value +committed +mad",
        format: "mad",
        measure: "reporting.column.committed",
      },
      {
        label: { key: "reporting.column.committedUsd" },
        hxl: "#value +committed +usd",
        format: "usd",
        measure: "reporting.column.committed",
      },
      {
        label: { key: "reporting.column.spentMad" },
        hxl: "#value +spent +mad",
        format: "mad",
        measure: "reporting.column.spent",
      },
      {
        label: { key: "reporting.column.spentUsd" },
        hxl: "#value +spent +usd",
        format: "usd",
        measure: "reporting.column.spent",
      },
      {
        label: { key: "reporting.column.remainingUsd" },
        hxl: "#value +remaining +usd",
        format: "usd",
        measure: "reporting.column.remaining",
      },
    ],
    rows: [
      ...figures.lines.map((l) => row({ key: `reporting.budgetLine.${l.line}` }, l)),
      row({ key: "reporting.total" }, figures.total),
    ],
  };
}

/**
 * The report with exact figures, from what was read: every table in page order, the
 * charts' data, and what is not wired. For admins and associations; the donor's report
 * is assembled from the year's published family (donor-report.ts).
 */
export function assembleReport(fetched: Fetched, options: ReportOptions): Report {
  const { audience, filter, sources } = options;
  // exact figures only: the donor's hidden ones come from their year's family, never from here
  if (audience === "donor") throw new Error("a donor's report is assembled by donor-report.ts");
  const framework = options.framework ?? "snia";
  const exact = (n: number): Shown => n;
  const { reach: reachRows, frameworks: frameworkRows, outputs: outputRows, monthly: monthlyRows } = fetched.snapshot;

  const total = (k: Key) => reachRows.find((r) => r.key === k && r.dimension === null)?.persons ?? 0;
  const headline = KEYS.map((k) => ({ key: k, persons: total(k) as Shown }));
  const dimensionTables = DIMENSIONS.map((d) => dimensionTable(reachRows, d, (_k, _d, _c, n) => n));
  const monthly = monthlyReport(filter, monthlyRows, (_k, _m, n) => n);
  const hasBudget = audience !== "association";
  const progress = fetched.progress;
  const tables: ReportTable[] = [
    reachTable(headline),
    ...(progress
      ? [
          progressTable({
            shown: filter,
            quarter: donorPeriodOf(filter)?.kind === "quarter" ? (donorPeriodOf(filter)?.key ?? null) : null,
            targets: progress.targets,
            figures: exactFigures({
              reach: reachRows,
              outputs: outputRows,
              employment: fetched.employment,
              businesses: fetched.businesses,
              groups: fetched.groups,
            }),
            toDate: progress.toDate && {
              programme: progress.toDate.programme,
              figures: exactFigures(progress.toDate.figures),
            },
            today: progress.today,
          }),
        ]
      : []),
    ...(fetched.groups ? [peopleReachedTable(total("all"), fetched.groups), groupActivitiesTable(fetched.groups)] : []),
    ...dimensionTables,
    ...(audience === "admin" && fetched.vulnerability ? [vulnerabilityTable(fetched.vulnerability)] : []),
    outputsTable(outputRows, (_o, _m, n) => n),
    ...(fetched.employment ? [employmentOutcomesTable(fetched.employment)] : []),
    ...(fetched.businesses ? [businessOutcomesTable(fetched.businesses)] : []),
    frameworkTable(framework, frameworkRows, (_k, n) => exact(n)),
    monthly.table,
    ...(hasBudget && fetched.budget && fetched.money ? [budgetTable(fetched.budget, fetched.money, filter.to)] : []),
    ...(fetched.complaints ? [complaintsTable(fetched.complaints)] : []),
  ];
  return {
    filter,
    audience,
    suppressed: false,
    framework,
    notWired: ACTIVITIES.filter((a) => !sources.wired.includes(a)),
    headline,
    bySex: sexBars(dimensionTables[0]),
    monthly: monthly.monthly,
    tables,
    hasBudget,
  };
}
