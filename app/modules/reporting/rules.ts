/**
 * Pure rules of the reporting module: age bands, periods, small-cell suppression,
 * currency conversion and budget arithmetic. No database, no Remix.
 */
import { isIsoDate } from "~/lib/morocco-time";
import { BUDGET_LINES, type BudgetLineKey } from "./constants";

// ---------------------------------------------------------------- age bands

export const AGE_BANDS = [
  { key: "0-4", min: 0, max: 4 },
  { key: "5-11", min: 5, max: 11 },
  { key: "12-17", min: 12, max: 17 },
  { key: "18-24", min: 18, max: 24 },
  { key: "25-59", min: 25, max: 59 },
  { key: "60+", min: 60, max: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]["key"];
export const AGE_BAND_KEYS: readonly AgeBand[] = AGE_BANDS.map((b) => b.key);

/** What the reach of a group is broken down by, in the order of the report's tables. */
export const DIMENSIONS = ["sex", "age_band", "nationality", "migrant", "region"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export function ageBand(age: number | null): AgeBand | null {
  if (age === null || !Number.isFinite(age) || age < 0) return null;
  for (const band of AGE_BANDS) if (band.max === null || age <= band.max) return band.key;
  return null;
}

/**
 * The same bands as a SQL CASE over an age in whole years, generated from the list
 * above so the database and the tests can never disagree on a boundary.
 */
export function ageBandCaseSql(ageExpression: string): string {
  const whens = AGE_BANDS.map((b) =>
    b.max === null
      ? `when ${ageExpression} >= ${b.min} then '${b.key}'`
      : `when ${ageExpression} <= ${b.max} then '${b.key}'`,
  );
  return `(case when ${ageExpression} is null or ${ageExpression} < 0 then null ${whens.join(" ")} end)`;
}

// ---------------------------------------------------------------- periods

export type Period = { from: string; to: string };

/** A real calendar day's parts (app/lib/morocco-time.ts says which days are real). */
function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  if (!isIsoDate(value)) return null;
  const [y = 0, m = 0, d = 0] = value.split("-").map(Number);
  return { y, m, d };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A period of whole calendar months (first day to last day), which the month rollup can answer. */
export function isWholeMonths(period: Period): boolean {
  const from = parseIsoDate(period.from);
  const to = parseIsoDate(period.to);
  if (!from || !to || period.from > period.to) return false;
  return from.d === 1 && to.d === lastDayOfMonth(to.y, to.m);
}

/** "2026-03" to its first and last day; null when malformed (month 00 or 13, year 0). */
export function monthPeriod(month: string): Period | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match || match[1] === "0000") return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  return { from: iso(y, m, 1), to: iso(y, m, lastDayOfMonth(y, m)) };
}

/** "2026" to its first and last day; null when malformed. */
export function yearPeriod(year: string): Period | null {
  if (!/^\d{4}$/.test(year) || year === "0000") return null;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The fixed periods a donor may ask for: a month ("2026-03"), a quarter ("2026-Q1") or
 * a year ("2026"). Every other period would let two requests be subtracted.
 */
export type DonorPeriodKind = "month" | "quarter" | "year";
export type DonorPeriod = Period & { kind: DonorPeriodKind; key: string; year: string };

export function donorPeriod(kind: DonorPeriodKind, key: string): DonorPeriod | null {
  const period = kind === "month" ? monthPeriod(key) : kind === "quarter" ? quarterPeriod(key) : yearPeriod(key);
  return period ? { ...period, kind, key, year: key.slice(0, 4) } : null;
}

/** The fixed period a from/to pair is exactly (a month, a quarter or a year), or null. */
export function donorPeriodOf(period: Period): DonorPeriod | null {
  const y = period.from.slice(0, 4);
  const m = Number(period.from.slice(5, 7));
  const candidates: [DonorPeriodKind, string][] = [
    ["month", period.from.slice(0, 7)],
    ["quarter", `${y}-Q${Math.floor((m - 1) / 3) + 1}`],
    ["year", y],
  ];
  for (const [kind, key] of candidates) {
    const p = donorPeriod(kind, key);
    if (p && p.from === period.from && p.to === period.to) return p;
  }
  return null;
}

/**
 * The months of a period that is exactly a calendar quarter (3) or year (12), the spans
 * the period rollup keeps per person (`report_person_periods`); null for any other.
 */
export function rolledUpMonths(period: Period): 3 | 12 | null {
  const kind = donorPeriodOf(period)?.kind;
  return kind === "quarter" ? 3 : kind === "year" ? 12 : null;
}

/** The periods of a year a donor may ask for: the year, its quarters, its months, coarsest first. */
export function periodsOfYear(year: string): DonorPeriod[] {
  const out: DonorPeriod[] = [];
  const add = (kind: DonorPeriodKind, key: string) => {
    const p = donorPeriod(kind, key);
    if (p) out.push(p);
  };
  add("year", year);
  for (let q = 1; q <= 4; q++) add("quarter", `${year}-Q${q}`);
  for (let m = 1; m <= 12; m++) add("month", `${year}-${String(m).padStart(2, "0")}`);
  return out;
}

/** "2026-Q3" to its first and last day; null when malformed. */
export function quarterPeriod(quarter: string): Period | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match || match[1] === "0000") return null;
  const y = Number(match[1]);
  const q = Number(match[2]);
  const first = (q - 1) * 3 + 1;
  return { from: iso(y, first, 1), to: iso(y, first + 2, lastDayOfMonth(y, first + 2)) };
}

export function quarterOf(date: string): string {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`not a date: ${date}`);
  return `${p.y}-Q${Math.floor((p.m - 1) / 3) + 1}`;
}

/**
 * The quarters the dashboard offers, newest first: from the programme's start (else the
 * start of this year) to its end or today, whichever is sooner, and always this quarter.
 */
export function offeredQuarters(programme: { startsOn: string | null; endsOn: string | null }, today: string) {
  const end = programme.endsOn && programme.endsOn < today ? programme.endsOn : today;
  const quarters = quartersBetween(programme.startsOn ?? `${today.slice(0, 4)}-01-01`, end).reverse();
  if (!quarters.includes(quarterOf(today))) quarters.unshift(quarterOf(today));
  return quarters;
}

/**
 * The fixed periods a donor is offered, newest first within each kind: the years, the
 * quarters (as offeredQuarters) and the months of the programme up to today.
 */
export function offeredPeriods(
  programme: { startsOn: string | null; endsOn: string | null },
  today: string,
): { years: string[]; quarters: string[]; months: string[] } {
  const quarters = offeredQuarters(programme, today);
  const start = programme.startsOn ?? `${today.slice(0, 4)}-01-01`;
  const end = programme.endsOn && programme.endsOn < today ? programme.endsOn : today;
  const months = monthsBetween(start, end).reverse();
  if (!months.includes(today.slice(0, 7))) months.unshift(today.slice(0, 7));
  const years = [...new Set([...quarters, ...months].map((p) => p.slice(0, 4)))].sort().reverse();
  return { years, quarters, months };
}

/** The quarters from the one holding `from` to the one holding `to`, oldest first. */
export function quartersBetween(from: string, to: string): string[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return [];
  const out: string[] = [];
  let y = a.y;
  let q = Math.floor((a.m - 1) / 3) + 1;
  const endKey = b.y * 4 + Math.floor((b.m - 1) / 3);
  while (y * 4 + q - 1 <= endKey && out.length < 200) {
    out.push(`${y}-Q${q}`);
    q += 1;
    if (q > 4) {
      q = 1;
      y += 1;
    }
  }
  return out;
}

/** The months ("YYYY-MM") a period touches, oldest first, at most 60. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return [];
  const out: string[] = [];
  let y = a.y;
  let m = a.m;
  while ((y < b.y || (y === b.y && m <= b.m)) && out.length < 60) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------- small-cell suppression

/** Cells counting fewer people than this are hidden (shown as SUPPRESSED). */
export const SMALL_CELL_THRESHOLD = 5;
/**
 * The mark of a hidden cell: the same whether the cell counts fewer than 5 people or is
 * hidden because it would let another be worked out, so that the mark never says which
 * (a "<5" on a second cell would be untrue, and would tell the reader which cell is small).
 */
export const SUPPRESSED = "x" as const;
export type Shown = number | typeof SUPPRESSED;

/** Hidden cells are chosen for a whole family of tables at once: disclosure.ts and donor-family.ts. */

// ---------------------------------------------------------------- money and rates

/** A rate is kept as MAD per USD times 10,000 (9.8765 MAD = 98765), an integer. */
export const RATE_SCALE = 10_000;
export type DatedRate = { effectiveOn: string; madPerUsdE4: number };

/** "9.8765" or "9,8765" to 98765; null when not a positive number with at most 4 decimals. */
export function parseRate(input: string): number | null {
  const match = /^\s*(\d{1,4})(?:[.,](\d{1,4}))?\s*$/.exec(input);
  if (!match) return null;
  const value = Number(match[1]) * RATE_SCALE + Number((match[2] ?? "").padEnd(4, "0") || "0");
  return value > 0 ? value : null;
}

export function formatRate(madPerUsdE4: number): string {
  return (madPerUsdE4 / RATE_SCALE).toFixed(4);
}

/**
 * The rate in force on a date: the latest one set on or before it. Before the first
 * rate, the first rate (the programme has to show something for early spending).
 */
export function rateOn(rates: readonly DatedRate[], date: string): DatedRate | null {
  if (rates.length === 0) return null;
  const sorted = [...rates].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  let found: DatedRate | null = null;
  for (const rate of sorted) if (rate.effectiveOn <= date) found = rate;
  return found ?? sorted[0] ?? null;
}

/** Centimes of MAD to cents of USD at a rate, rounded half away from zero. */
export function madToUsdCents(madCentimes: number, madPerUsdE4: number): number {
  return roundDiv(madCentimes * RATE_SCALE, madPerUsdE4);
}

export function usdToMadCentimes(usdCents: number, madPerUsdE4: number): number {
  return roundDiv(usdCents * madPerUsdE4, RATE_SCALE);
}

function roundDiv(numerator: number, denominator: number): number {
  const q = Math.floor(Math.abs(numerator) / denominator);
  const r = Math.abs(numerator) - q * denominator;
  const rounded = r * 2 >= denominator ? q + 1 : q;
  return numerator < 0 ? -rounded : rounded;
}

// ---------------------------------------------------------------- budget

export const DEFAULT_BUDGET_USD_CENTS = 151_500_00;

/** Money recorded against a line on a day: outstanding commitments or payments, in MAD. */
export type MoneyByDay = { line: BudgetLineKey; day: string; kind: "committed" | "spent"; madCentimes: number };
export type BudgetLineFigures = {
  line: BudgetLineKey;
  plannedUsdCents: number;
  plannedMadCentimes: number | null;
  committedMadCentimes: number;
  committedUsdCents: number | null;
  spentMadCentimes: number;
  spentUsdCents: number | null;
  /** planned minus committed minus spent, in USD (the budget's currency) */
  remainingUsdCents: number | null;
};

/**
 * Planned (in USD, the donor's currency) against committed and spent (recorded in
 * MAD). Each MAD amount is converted at the rate in force on its own date; planned
 * amounts at the rate in force on `asOf`. Committed means obligations not yet paid,
 * so planned = committed + spent + remaining.
 */
export function budgetFigures(
  planned: readonly { line: BudgetLineKey; plannedUsdCents: number }[],
  money: readonly MoneyByDay[],
  rates: readonly DatedRate[],
  asOf: string,
): { lines: BudgetLineFigures[]; total: Omit<BudgetLineFigures, "line"> } {
  const current = rateOn(rates, asOf);
  const lines = BUDGET_LINES.map((line): BudgetLineFigures => {
    const plannedUsdCents = planned.find((p) => p.line === line)?.plannedUsdCents ?? 0;
    let committedMad = 0;
    let spentMad = 0;
    let committedUsd: number | null = 0;
    let spentUsd: number | null = 0;
    for (const m of money) {
      if (m.line !== line) continue;
      const rate = rateOn(rates, m.day);
      const usd = rate ? madToUsdCents(m.madCentimes, rate.madPerUsdE4) : null;
      if (m.kind === "committed") {
        committedMad += m.madCentimes;
        committedUsd = committedUsd === null || usd === null ? null : committedUsd + usd;
      } else {
        spentMad += m.madCentimes;
        spentUsd = spentUsd === null || usd === null ? null : spentUsd + usd;
      }
    }
    return {
      line,
      plannedUsdCents,
      plannedMadCentimes: current ? usdToMadCentimes(plannedUsdCents, current.madPerUsdE4) : null,
      committedMadCentimes: committedMad,
      committedUsdCents: committedUsd,
      spentMadCentimes: spentMad,
      spentUsdCents: spentUsd,
      remainingUsdCents: committedUsd === null || spentUsd === null ? null : plannedUsdCents - committedUsd - spentUsd,
    };
  });
  const sum = (pick: (l: BudgetLineFigures) => number | null): number | null =>
    lines.reduce<number | null>((acc, l) => {
      const v = pick(l);
      return acc === null || v === null ? null : acc + v;
    }, 0);
  return {
    lines,
    total: {
      plannedUsdCents: sum((l) => l.plannedUsdCents) ?? 0,
      plannedMadCentimes: sum((l) => l.plannedMadCentimes),
      committedMadCentimes: sum((l) => l.committedMadCentimes) ?? 0,
      committedUsdCents: sum((l) => l.committedUsdCents),
      spentMadCentimes: sum((l) => l.spentMadCentimes) ?? 0,
      spentUsdCents: sum((l) => l.spentUsdCents),
      remainingUsdCents: sum((l) => l.remainingUsdCents),
    },
  };
}

/** Can the lines be planned this way within the donor budget? */
export function linesFitBudget(plannedUsdCents: readonly number[], totalUsdCents: number): boolean {
  return (
    plannedUsdCents.every((v) => Number.isInteger(v) && v >= 0) &&
    plannedUsdCents.reduce((a, b) => a + b, 0) <= totalUsdCents
  );
}

// ---------------------------------------------------------------- targets and progress

/** A target is for the whole programme period, or for one quarter ("2026-Q2"). */
export const PROGRAMME_PERIOD = "programme" as const;
export type TargetPeriod = typeof PROGRAMME_PERIOD | `${number}-Q${1 | 2 | 3 | 4}`;

export function isTargetPeriod(value: string): value is TargetPeriod {
  return value === PROGRAMME_PERIOD || quarterPeriod(value) !== null;
}

/** Days from `from` to `to`, both counted; 0 when `to` is before `from`. */
function daysCounted(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return ms < 0 ? 0 : Math.round(ms / 86_400_000) + 1;
}

/** The share of a period gone by on `asOf` (its last day counted): 0 before it starts, 1 from its last day. */
export function elapsedShare(period: Period, asOf: string): number {
  if (asOf < period.from) return 0;
  if (asOf >= period.to) return 1;
  return daysCounted(period.from, asOf) / daysCounted(period.from, period.to);
}

/**
 * The part of the programme a report's figure "to date" covers: from the programme's
 * start to the end of the period shown (never past the programme's end). Null when the
 * period shown ends before the programme starts.
 */
export function programmeToDate(programme: Period, shown: Period): Period | null {
  const to = shown.to < programme.to ? shown.to : programme.to;
  return to < programme.from ? null : { from: programme.from, to };
}

export const PROGRESS_STATUSES = ["reached", "on_track", "behind"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export type Progress = { percent: Shown | null; status: ProgressStatus | null };

/**
 * How far a figure is towards its target. `percent` is rounded down (99.6% of the way is
 * not 100%); a target of 0 has no percentage. The status (docs/decisions/0106-targets-and-progress.md):
 * "reached" once the value is at the target; "on track" while the value is at least the
 * target's share for the time gone by (half the period gone, half the target reached);
 * "behind" otherwise, which is also every unreached target once its period is over.
 * A hidden value hides both: a percentage or a status would tell what it hides.
 */
export function progressOf(value: Shown, target: number | null, elapsed: number): Progress {
  if (target === null) return { percent: null, status: null };
  if (value === SUPPRESSED) return { percent: SUPPRESSED, status: null };
  const percent = target > 0 ? Math.floor((value * 100) / target) : null;
  if (value >= target) return { percent, status: "reached" };
  const expected = target * Math.min(1, Math.max(0, elapsed));
  return { percent, status: value >= expected ? "on_track" : "behind" };
}

// ---------------------------------------------------------------- narratives

export type NarrativeTexts = { achievements: string; challenges: string; nextSteps: string };

/** A quarterly report is issued only once every result has something written about it. */
export function missingNarratives<K extends string>(results: readonly K[], texts: ReadonlyMap<K, NarrativeTexts>): K[] {
  return results.filter((r) => {
    const t = texts.get(r);
    return !t || (t.achievements.trim() === "" && t.challenges.trim() === "" && t.nextSteps.trim() === "");
  });
}
