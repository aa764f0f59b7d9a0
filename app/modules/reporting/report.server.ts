/**
 * The report: every indicator of the period as tables (the same tables feed the
 * page, the CSV and the PDF) and chart data, with small cells suppressed for
 * audiences that must only see aggregates. Built from the aggregates of
 * queries.server.ts; nothing here counts records.
 */
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "~db/client";
import type { MessageKey } from "~/i18n/translate";
import {
  ACTIVITIES,
  ACTIVITY_SPECS,
  FRAMEWORK_OBJECTIVES,
  REGIONS,
  RESULTS,
  type ActivityKey,
  type Framework,
  type ResultKey,
} from "./frameworks";
import {
  DIMENSIONS,
  getBudget,
  moneyByDay,
  outputTotals,
  reachByVulnerability,
  reachTotals,
  monthlyTotals,
  type Dimension,
  type IndicatorSnapshot,
  type ReachRow,
  type ReportFilter,
} from "./queries.server";
import {
  AGE_BAND_KEYS,
  budgetFigures,
  monthsBetween,
  suppressAlone,
  suppressBreakdown,
  SUPPRESSED,
  type MoneyByDay,
  type Shown,
} from "./rules";
import type { Sources } from "./sources.server";

export type Audience = "donor" | "admin" | "association";
export type Label =
  { key: MessageKey } | { text: string } | { country: string } | { region: string } | { detail: string };
export type ColumnFormat = "label" | "count" | "mad" | "usd";
export type Cell = Label | Shown | null;
export type ReportTable = {
  id: string;
  title: MessageKey;
  columns: { label: Label; hxl: string; format: ColumnFormat }[];
  rows: Cell[][];
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
};

const KEYS = [...RESULTS, "all"] as const;
type Key = (typeof KEYS)[number];

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

function categoryOrder(dimension: Dimension, present: string[]): string[] {
  const fixed: Partial<Record<Dimension, string[]>> = {
    sex: ["f", "m"],
    age_band: [...AGE_BAND_KEYS],
    migrant: ["migrant", "national"],
    region: REGIONS.map((r) => r.code),
  };
  const base = fixed[dimension] ?? [...present].filter((c) => c !== "unknown").sort();
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

/** A dimension as a table: categories down, results across, totals at the foot. */
function dimensionTable(rows: ReachRow[], dimension: Dimension, suppress: boolean): ReportTable {
  const totalOf = (k: Key) => rows.find((r) => r.key === k && r.dimension === null)?.persons ?? 0;
  const present = [...new Set(rows.filter((r) => r.dimension === dimension).map((r) => r.category ?? "unknown"))];
  const categories = categoryOrder(dimension, present);
  const columns: Shown[][] = KEYS.map((k) => {
    const counts = categories.map(
      (c) => rows.find((r) => r.key === k && r.dimension === dimension && r.category === c)?.persons ?? 0,
    );
    if (!suppress) return [...counts, totalOf(k)];
    const s = suppressBreakdown(counts, totalOf(k));
    return [...s.cells, s.total];
  });
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

type Fetched = {
  snapshot: IndicatorSnapshot;
  vulnerability: Awaited<ReturnType<typeof reachByVulnerability>> | null;
  budget: Awaited<ReturnType<typeof getBudget>> | null;
  money: MoneyByDay[] | null;
};

/**
 * A read-only transaction set up for the indicator statements: room to hash (the
 * distinct sets of a year spill to disk with PostgreSQL's default 4 MB), no JIT (the
 * statements are short: compiling them costs more than running them), and no nested
 * loops (the CTEs give the planner no estimates, and a loop chosen for "200 people"
 * meets tens of thousands).
 */
export function readForReport<T>(db: Executor, run: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local enable_nestloop = off`);
      return run(tx);
    },
    { accessMode: "read only" },
  );
}

/**
 * The report. Its independent reads run at the same time, each on its own
 * connection (`readForReport`): reach, the monthly series, the outputs, the
 * vulnerability breakdown (admins) and the budget. Inside a caller's transaction (one
 * connection) they run one after another.
 */
export async function buildReport(
  db: Executor,
  options: { audience: Audience; filter: ReportFilter; sources: Sources; framework?: Framework },
): Promise<Report> {
  const { audience, filter, sources } = options;
  const hasBudget = audience !== "association";
  const readOnly = <T>(run: (tx: Executor) => Promise<T>): Promise<T> => readForReport(db, run);
  const reads = [
    () => readOnly((tx) => reachTotals(tx, sources, filter)),
    () => readOnly((tx) => outputTotals(tx, sources, filter)),
    () => readOnly((tx) => monthlyTotals(tx, sources, filter)),
    () => (audience === "admin" ? readOnly((tx) => reachByVulnerability(tx, sources, filter)) : Promise.resolve(null)),
    () => (hasBudget ? getBudget(db) : Promise.resolve(null)),
    () => (hasBudget ? moneyByDay(db, sources, filter.to) : Promise.resolve(null)),
  ] as const;
  let fetched: Fetched;
  if (db instanceof PgTransaction) {
    const people = await reads[0]();
    const outputs = await reads[1]();
    const monthly = await reads[2]();
    fetched = {
      snapshot: { ...people, monthly, outputs },
      vulnerability: await reads[3](),
      budget: await reads[4](),
      money: await reads[5](),
    };
  } else {
    const [people, outputs, monthly, vulnerability, budget, money] = await Promise.all([
      reads[0](),
      reads[1](),
      reads[2](),
      reads[3](),
      reads[4](),
      reads[5](),
    ]);
    fetched = { snapshot: { ...people, monthly, outputs }, vulnerability, budget, money };
  }
  return assembleReport(fetched, options);
}

function assembleReport(
  fetched: Fetched,
  options: { audience: Audience; filter: ReportFilter; sources: Sources; framework?: Framework },
): Report {
  const { audience, filter, sources } = options;
  const framework = options.framework ?? "snia";
  const suppress = audience === "donor";
  const show = (n: number): Shown => (suppress ? suppressAlone(n) : n);

  const { reach: reachRows, frameworks: frameworkRows, outputs: outputRows, monthly: monthlyRows } = fetched.snapshot;

  const total = (k: Key) => reachRows.find((r) => r.key === k && r.dimension === null)?.persons ?? 0;
  const headline = KEYS.map((k) => ({ key: k, persons: show(total(k)) }));

  const tables: ReportTable[] = [
    {
      id: "reach",
      title: "reporting.table.reach",
      columns: [
        { label: { key: "reporting.column.result" }, hxl: "#sector", format: "label" },
        { label: { key: "reporting.column.persons" }, hxl: "#reached +num", format: "count" },
      ],
      rows: headline.map((h) => [resultLabel(h.key), h.persons]),
    },
  ];
  const dimensionTables = DIMENSIONS.map((d) => dimensionTable(reachRows, d, suppress));
  tables.push(...dimensionTables);

  // the sex table, suppressed as a whole, also draws the stacked bars
  const sexTable = dimensionTables[0];
  const sexRows = sexTable?.rows ?? [];
  const sexIndex = (label: string) => sexRows.findIndex((r) => JSON.stringify(r[0]) === JSON.stringify({ key: label }));
  const pick = (rowIndex: number, col: number): Shown => {
    const v = rowIndex >= 0 ? sexRows[rowIndex]?.[col + 1] : 0;
    return typeof v === "number" || v === SUPPRESSED ? v : 0;
  };
  const bySex = RESULTS.map((k, col) => ({
    key: k,
    f: pick(sexIndex("reporting.sex.f"), col),
    m: pick(sexIndex("reporting.sex.m"), col),
    unknown: pick(sexIndex("reporting.unknown"), col),
  }));

  if (audience === "admin" && fetched.vulnerability) {
    const vulnerability = fetched.vulnerability;
    const categories = [...new Set(vulnerability.map((v) => v.category))].sort();
    tables.push({
      id: "reach-vulnerability",
      title: "reporting.table.reach.vulnerability",
      columns: [
        { label: { key: "reporting.dimension.vulnerability" }, hxl: "#meta +vulnerability", format: "label" },
        ...KEYS.map((k) => ({ label: resultLabel(k), hxl: RESULT_HXL[k], format: "count" as const })),
      ],
      rows: categories.map((c) => [
        { detail: c } as Label,
        ...KEYS.map((k) => vulnerability.find((v) => v.key === k && v.category === c)?.persons ?? 0),
      ]),
    });
  }

  tables.push({
    id: "outputs",
    title: "reporting.table.outputs",
    columns: [
      { label: { key: "reporting.column.activity" }, hxl: "#activity +code", format: "label" },
      { label: { key: "reporting.column.detail" }, hxl: "#meta +detail", format: "label" },
      { label: { key: "reporting.column.persons" }, hxl: "#reached +num", format: "count" },
      { label: { key: "reporting.column.events" }, hxl: "#output +num", format: "count" },
      { label: { key: "reporting.column.quantity" }, hxl: "#output +quantity", format: "count" },
      { label: { key: "reporting.column.value" }, hxl: "#value +mad", format: "mad" },
    ],
    rows: outputRows.map((o) => {
      // fewer than 5 people behind a line: its counts and amount would describe them
      const hide = suppress && o.persons < 5;
      const v = (n: number): Shown => (hide ? SUPPRESSED : n);
      return [
        { key: `reporting.activity.${o.activity}` },
        o.detail ? { detail: o.detail } : null,
        v(o.persons),
        v(o.events),
        v(o.quantity),
        v(o.valueCentimes),
      ];
    }),
  });

  tables.push({
    id: "frameworks",
    title: `reporting.table.framework.${framework}`,
    columns: [
      { label: { key: "reporting.column.objective" }, hxl: "#meta +objective", format: "label" },
      { label: { key: "reporting.column.persons" }, hxl: "#reached +num", format: "count" },
    ],
    rows: FRAMEWORK_OBJECTIVES[framework].map((o) => [
      { key: `reporting.objective.${o}` } as Label,
      show(frameworkRows.find((r) => r.key === `${framework}:${o}`)?.persons ?? 0),
    ]),
  });

  const months = monthsBetween(filter.from, filter.to);
  const series = RESULTS.map((k) => ({
    key: k,
    values: months.map((m) => show(monthlyRows.find((r) => r.key === k && r.month === m)?.persons ?? 0)),
  }));
  tables.push({
    id: "monthly",
    title: "reporting.table.monthly",
    columns: [
      { label: { key: "reporting.column.month" }, hxl: "#date +month", format: "label" },
      ...RESULTS.map((k) => ({ label: resultLabel(k), hxl: RESULT_HXL[k], format: "count" as const })),
    ],
    rows: months.map((m, i) => [{ text: m } as Label, ...series.map((s) => s.values[i] ?? 0)]),
  });

  const hasBudget = audience !== "association";
  if (hasBudget && fetched.budget && fetched.money) {
    const { budget, money } = fetched;
    const figures = budgetFigures(budget.planned, money, budget.rates, filter.to);
    const money$ = (line: { key: MessageKey }, f: Omit<(typeof figures.lines)[number], "line">): Cell[] => [
      line,
      f.plannedUsdCents,
      f.plannedMadCentimes,
      f.committedMadCentimes,
      f.committedUsdCents,
      f.spentMadCentimes,
      f.spentUsdCents,
      f.remainingUsdCents,
    ];
    tables.push({
      id: "budget",
      title: "reporting.table.budget",
      columns: [
        { label: { key: "reporting.column.budgetLine" }, hxl: "#meta +budget_line", format: "label" },
        { label: { key: "reporting.column.plannedUsd" }, hxl: "#value +planned +usd", format: "usd" },
        { label: { key: "reporting.column.plannedMad" }, hxl: "#value +planned +mad", format: "mad" },
        { label: { key: "reporting.column.committedMad" }, hxl: "#value +committed +mad", format: "mad" },
        { label: { key: "reporting.column.committedUsd" }, hxl: "#value +committed +usd", format: "usd" },
        { label: { key: "reporting.column.spentMad" }, hxl: "#value +spent +mad", format: "mad" },
        { label: { key: "reporting.column.spentUsd" }, hxl: "#value +spent +usd", format: "usd" },
        { label: { key: "reporting.column.remainingUsd" }, hxl: "#value +remaining +usd", format: "usd" },
      ],
      rows: [
        ...figures.lines.map((l) => money$({ key: `reporting.budgetLine.${l.line}` }, l)),
        money$({ key: "reporting.total" }, figures.total),
      ],
    });
  }

  return {
    filter,
    audience,
    suppressed: suppress,
    framework,
    notWired: ACTIVITIES.filter((a) => !sources.wired.includes(a)),
    headline,
    bySex,
    monthly: { months, series },
    tables,
    hasBudget,
  };
}

export { ACTIVITY_SPECS };
